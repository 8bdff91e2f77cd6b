package vigil.cli.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vigil.core.Violation;
import vigil.core.AuditTrail;

/**
 * Everything the page shows about one run folder, read once by {@link RunReader}: the scenario's facts (null
 * for a plain run), the violations from the audit log with what was done about them, the chain's status, and
 * what the trace says about who talked to whom. {@code problems} are told on the page in plain words (a
 * missing file, bad lines skipped).
 */
record RunFolder(
        Path dir,
        RunContext context,
        List<Audited> violations,
        long withheld,
        AuditTrail.Report chain,
        Traffic traffic,
        List<String> problems) {

    /** A violation as the audit log recorded it, with the sanctions applied and the decision on the event. */
    record Audited(Violation violation, List<String> sanctions, String decision) {
    }

    /** A message edge: who sent to whom. */
    record Edge(String from, String to) implements Comparable<Edge> {
        @Override
        public int compareTo(Edge o) {
            int c = from.compareTo(o.from);
            return c != 0 ? c : to.compareTo(o.to);
        }
    }

    /**
     * What the trace holds, aggregated: event counts by type, every agent seen, message counts per edge, the
     * edges that carried an event cited as evidence of a violation, and the first and last event times
     * ({@code Long.MAX_VALUE}/{@code Long.MIN_VALUE} when there were none).
     */
    record Traffic(boolean present, long messages, long actions, long reports, Set<String> agents,
            Map<Edge, Long> edges, Set<Edge> flagged, long first, long last) {

        long events() {
            return messages + actions + reports;
        }
    }
}
