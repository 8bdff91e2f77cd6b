package vigil.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON Lines file (a trace, an audit log) line by line with its line numbers, skipping blank lines.
 * Bytes that are not UTF-8 become U+FFFD, so that one damaged line stays one bad line for the caller to name.
 */
public final class JsonLines {

    /** Takes one line; returns false to stop reading. */
    @FunctionalInterface
    public interface Reader {
        boolean line(long number, String text) throws IOException;
    }

    private JsonLines() {
    }

    /** Reads every non-blank line of {@code file} to {@code reader} until it returns false. */
    public static void read(Path file, Reader reader) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank() && !reader.line(number, line)) {
                    return;
                }
            }
        }
    }
}
