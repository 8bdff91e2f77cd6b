package org.example.vigil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import vigil.core.Alert;
import vigil.core.AlertSink;

/** A user's own alert sink: one line per alert appended to the file named by the property {@code example.alerts}. */
public final class FileSink implements AlertSink {

    private final Path file = Path.of(System.getProperty("example.alerts"));

    @Override
    public void accept(Alert alert) throws IOException {
        Files.writeString(file, alert.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
