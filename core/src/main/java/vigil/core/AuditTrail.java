package vigil.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Alert.SystemAlert;

/**
 * The audit log a monitor writes (key {@code audit}: one hash-chained JSON record per alert, each flushed
 * before its sanction takes effect), read back: {@link #verify} checks the chain, {@link #read} reads one
 * record. This is how Vigil's own tools ({@code vigil verify}, {@code vigil report}) and a user's read it.
 * Stateless and thread-safe; every method runs in the caller's thread.
 */
public final class AuditTrail {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditTrail() {
    }

    /** Whether a log's chain holds: every record verifies and the log closed, or it stopped short, or a line breaks it. */
    public enum Status { INTACT, UNFINISHED, BROKEN }

    /**
     * The outcome: {@code records} verified, the first bad line (0 when none), what is wrong there, and
     * where writers stopped without closing before a later run resumed the log.
     */
    public record Report(Path file, Status status, long records, long badLine, String problem, List<Stop> abruptStops,
            boolean keyed, List<String> notes) {

        public Report(Path file, Status status, long records, long badLine, String problem, List<Stop> abruptStops) {
            this(file, status, records, badLine, problem, abruptStops, false, List.of());
        }

        public Report {
            abruptStops = List.copyOf(abruptStops);
            notes = List.copyOf(notes);
        }

        /** The report as the verify command prints it, starting with {@code file:line:} when a line is bad. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            switch (status) {
                case INTACT -> sb.append(file).append(": intact, ").append(records).append(" records, closed cleanly, ")
                        .append(keyed ? "keyed (HMAC-SHA-256, checked with the key)" : "not keyed (plain SHA-256: anyone who can"
                                + " write the file can rewrite it whole)");
                case UNFINISHED -> {
                    sb.append(file).append(": chain intact up to line ").append(records)
                            .append(" (the last complete record), but the log ends without a close record: the writer"
                                    + " stopped abruptly or records after line ").append(records).append(" were cut off");
                    if (badLine > 0) {
                        sb.append(System.lineSeparator()).append(file).append(':').append(badLine).append(": ").append(problem);
                    }
                }
                case BROKEN -> sb.append(file).append(':').append(badLine).append(": ").append(problem)
                        .append(" (the ").append(records).append(" records before it verify)");
            }
            for (Stop stop : abruptStops) {
                sb.append(System.lineSeparator()).append(file).append(':').append(stop.line())
                        .append(": note: the writer stopped abruptly after this record and a later run resumed the log");
                if (stop.cutBytes() > 0) {
                    sb.append("; it cut off ").append(stop.cutBytes())
                            .append(" bytes of a half-written record that followed this line");
                }
            }
            for (String note : notes) {
                sb.append(System.lineSeparator()).append(file).append(": note: ").append(note);
            }
            return sb.toString();
        }
    }

    /**
     * A place where a writer stopped without a close record: the line of its last complete record, and the
     * bytes of a half-written record the resuming writer cut off after it (0 when the stop fell between records).
     */
    public record Stop(long line, long cutBytes) {
    }

    /**
     * One record of the log: its {@code kind} ({@code violation}, {@code withheld}, {@code open}, {@code close},
     * or a {@link SystemAlert.Kind} in lower case) and time; for a violation, the violation, the decision on
     * the event, the sanctions applied ({@code "agent: sanction"}) and the evidence events the record carries
     * (a damaged evidence event is left out); for a withheld event, the event and the reason in {@code message};
     * for news about the monitor, its message.
     */
    public record Entry(String kind, long time, Violation violation, String decision, List<String> sanctions,
            List<Event> evidence, Event event, String message) {
        public Entry {
            sanctions = List.copyOf(sanctions);
            evidence = List.copyOf(evidence);
        }
    }

    /** Checks the chain of the log at {@code file}, sealed with {@code key} (null: plain SHA-256). */
    public static Report verify(Path file, byte[] key) throws IOException {
        return AuditVerifier.verify(file, key);
    }

    /**
     * Reads one line of the log. Throws {@link IllegalArgumentException} when the line is not an audit record
     * (not JSON, no kind, or a violation record without its violation); the chain is not checked here.
     */
    public static Entry read(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (node == null || !node.isObject() || !node.path("kind").isTextual() || node.path("kind").asText().isEmpty()) {
            throw new IllegalArgumentException("not an audit record (no kind)");
        }
        String kind = node.path("kind").asText();
        long time = node.path("time").asLong();
        Violation violation = null;
        List<String> sanctions = new ArrayList<>();
        List<Event> evidence = new ArrayList<>();
        Event event = null;
        if (kind.equals("violation")) {
            JsonNode v = node.get("violation");
            if (v == null || !v.isObject() || !v.path("rule").isTextual()) {
                throw new IllegalArgumentException("a violation record without its violation");
            }
            violation = AlertJson.violation(v);
            node.path("sanctions").forEach(s -> sanctions.add(s.path("agent").asText() + ": " + s.path("sanction").asText()));
            for (JsonNode e : node.path("evidence")) {
                try {
                    evidence.add(EventJson.fromNode(e));
                } catch (RuntimeException damaged) {
                    // a damaged evidence event is left out; the violation itself still reads
                }
            }
        } else if (kind.equals("withheld")) {
            try {
                event = EventJson.fromNode(node.path("event"));
            } catch (RuntimeException damaged) {
                event = null;
            }
        }
        String message = kind.equals("withheld") ? node.path("reason").asText("") : node.path("message").asText("");
        return new Entry(kind, time, violation, node.path("decision").asText(""), sanctions, evidence, event, message);
    }

    /**
     * Records in the configured audit log that the monitor could not start ({@code MONITOR_UNAVAILABLE}), for a
     * platform adapter whose monitor failed: the log then shows why nothing was judged. Does nothing when the
     * configuration keeps no log.
     */
    public static void recordUnavailable(Config config, String reason) throws IOException {
        if (config.audit() == null) {
            return;
        }
        try (AuditLog audit = new AuditLog(config.audit(), config.auditKey(), config.auditSync())) {
            audit.accept(new SystemAlert(SystemAlert.Kind.MONITOR_UNAVAILABLE, reason, System.currentTimeMillis()));
        }
    }
}
