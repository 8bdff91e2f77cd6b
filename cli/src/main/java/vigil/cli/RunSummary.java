package vigil.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vigil.core.SafeText;
import vigil.core.Monitor;
import vigil.core.Stats;
import vigil.core.Alert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.AlertSink;
import vigil.core.AppliedSanction;
import vigil.jacamo.MasMonitor.Traffic;

/** Counts violations and sanctions as they are raised, and prints the run's summary. Fed from the sink's own thread. */
final class RunSummary implements AlertSink {

    private final Map<String, Integer> byValue = new TreeMap<>();
    private final Map<String, Integer> byAgent = new TreeMap<>();
    private final Map<String, Integer> sanctions = new TreeMap<>();
    private int violations;

    @Override
    public synchronized void accept(Alert alert) {
        if (alert instanceof ViolationAlert va) {
            violations++;
            byValue.merge(va.violation().value(), 1, Integer::sum);
            for (String a : va.violation().agents()) {
                byAgent.merge(a, 1, Integer::sum);
            }
            for (AppliedSanction s : va.sanctions()) {
                sanctions.merge(s.sanction().toString().split(" ")[0], 1, Integer::sum);
            }
        }
    }

    synchronized void print(PrintStream out, String how, long millis, Traffic t, Monitor monitor) {
        Stats s = monitor.stats();
        out.println("vigil: summary (" + how + " after " + String.format("%.1f", millis / 1000.0) + " s)");
        out.println("  messages    " + t.messages() + " sent, " + t.messagesWithheld() + " withheld; " + t.incoming()
                + " received from unmonitored agents, " + t.incomingWithheld() + " withheld"
                + (t.undeliverable() > 0 ? "; " + t.undeliverable() + " to receivers that do not exist (not delivered, not judged)" : ""));
        out.println("  actions     " + t.actions() + " judged, " + t.actionsWithheld() + " withheld");
        out.println("  events      " + s.observed() + " judged: " + s.allowed() + " allowed, " + s.flagged() + " flagged, "
                + s.blocked() + " blocked, " + s.withheld() + " withheld unjudged (a sanction in force, a name or sender refused)");
        out.println("  violations  " + violations + (violations == 0 ? "" : ": " + list(byValue)));
        if (violations > 0) {
            out.println("  by agent    " + list(byAgent));
        }
        out.println("  sanctions   " + (sanctions.isEmpty() ? "none" : list(sanctions)));
        if (s.engineErrors() > 0) {
            out.println("  rule errors " + s.engineErrors() + " (see the log)");
        }
        if (monitor.config().audit() != null) {
            // Not named as if complete when records were lost (a full disk): the SINK_FAILED alerts say which.
            out.println("  audit log   " + monitor.config().audit() + (s.auditFailures() > 0
                    ? " (incomplete: " + s.auditFailures() + " alerts could not be written to it)" : ""));
        }
    }

    private static String list(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> SafeText.oneLine(e.getKey(), 80) + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public String name() {
        return "summary";
    }
}
