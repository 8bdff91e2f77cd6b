package vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import vigil.core.Config;

/**
 * The folder of one {@code vigil run}: {@code OUT/PROJECT-yyyyMMdd-HHmmss/}, so that each run has its own
 * audit log and {@code vigil report} never reads two runs as one; {@code OUT/latest} links to the newest.
 * Used only when the audit log would go to its default place ({@code OUT/audit.jsonl}); a log placed by
 * {@code --audit} or the configuration stays where it was put.
 */
record RunOutput(Path out, Path dir) {

    static final String LATEST = "latest";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The run's own folder, or null when the audit log was placed explicitly (or turned off). */
    static RunOutput of(Config config, Path auditOption, Path project) {
        Path out = config.out();
        if (auditOption != null || config.audit() == null || !config.audit().equals(out.resolve("audit.jsonl"))) {
            return null;
        }
        String name = project.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-"
                + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        Path dir = out.resolve(name);
        for (int n = 2; Files.exists(dir); n++) {
            dir = out.resolve(name + "-" + n);
        }
        return new RunOutput(out, dir);
    }

    /**
     * Points {@code OUT/latest} at this run (a relative symbolic link). Where links cannot be made, nothing
     * is linked: the run's folder is named when it starts.
     */
    void markLatest() {
        Path link = out.resolve(LATEST);
        try {
            Files.createDirectories(dir);
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, dir.getFileName());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no link on this file system; the folder itself is there
        }
    }
}
