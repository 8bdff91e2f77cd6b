package vigil.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.core.AuditTrail.Report;
import vigil.core.AuditTrail.Status;
import vigil.core.AuditTrail.Stop;

/**
 * Checks an audit log's hash chain and names the first line that breaks it (behind {@link AuditTrail#verify}). A log is {@link Status#INTACT}
 * when every record verifies and the last one is a {@code close}; {@link Status#UNFINISHED} when every
 * record verifies but the log stops without a close (the writer was killed, or records were cut off the
 * end, or its last line is a record the writer was killed while writing); {@link Status#BROKEN} when a line is edited, removed, inserted, reordered or incomplete.
 */
final class AuditVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditVerifier() {
    }

    static Report verify(Path file, byte[] key) throws IOException {
        AuditChain chain = new AuditChain(key);
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long lineNo = 0;
        String lastKind = null;
        List<Stop> abrupt = new ArrayList<>();
        boolean endsWithNewline = endsWithNewline(file);
        // A lenient reader: bytes that are not UTF-8 (a record cut inside a character, an edit) make the line
        // fail its hash, they do not stop the check.
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] parts = AuditChain.split(line);
                JsonNode node = null;
                try {
                    node = parts == null ? null : MAPPER.readTree(line);
                } catch (IOException e) {
                    node = null;
                }
                if (node == null || !node.isObject()) {
                    if (!endsWithNewline && in.readLine() == null) {
                        return new Report(file, Status.UNFINISHED, lineNo - 1, lineNo, "a half-written record: the writer"
                                + " stopped while writing it (a restart of the monitor cuts it off and continues the chain)", abrupt);
                    }
                    return broken(file, lineNo, "not a complete audit record (cut short or edited)", abrupt);
                }
                if (!chain.seal(parts[0]).equals(parts[1])) {
                    return broken(file, lineNo, key == null
                            ? "the record's hash does not match its contents (the record was edited)"
                            : "the record's seal does not match its contents (edited, or sealed with another key)", abrupt);
                }
                if (!prev.equals(node.path("prev").asText())) {
                    return broken(file, lineNo, lineNo == 1
                            ? "the log does not start at its first record (records before it were removed)"
                            : "this record does not follow line " + (lineNo - 1)
                                    + " (a record was removed, inserted or reordered)", abrupt);
                }
                if (node.path("seq").asLong() != expectedSeq) {
                    return broken(file, lineNo, "sequence number " + node.path("seq").asLong() + " where "
                            + expectedSeq + " was due", abrupt);
                }
                String kind = node.path("kind").asText();
                if (kind.equals("open") && lastKind != null && !lastKind.equals("close")) {
                    abrupt.add(new Stop(lineNo - 1, node.path("cut").asLong(0)));
                }
                lastKind = kind;
                prev = parts[1];
                expectedSeq++;
            }
        }
        Status status = "close".equals(lastKind) ? Status.INTACT : Status.UNFINISHED;
        return new Report(file, status, lineNo, 0, "", abrupt);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return true;
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    private static Report broken(Path file, long line, String problem, List<Stop> abrupt) {
        return new Report(file, Status.BROKEN, line - 1, line, problem, abrupt);
    }
}
