package vigil.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the monitor tells its sinks: a violation, an event withheld by a sanction in force, or news about the
 * monitor itself. Immutable values, safe to pass between threads; see {@link AlertSink} for which thread
 * delivers them.
 */
public sealed interface Alert {

    /** When it happened: the event time of a violation or a withheld event, the wall clock for news. */
    long time();

    /**
     * One line saying what happened, for consoles and logs ({@code VIOLATION honesty [high] "Lying" by alice: ...});
     * the agents' own text in it is made safe: no line breaks or control characters, and bounded in length.
     */
    String line();

    /**
     * The alert as one JSON object, as the audit log records it (without the chain's fields) and a webhook
     * receives it: a {@code kind} ({@code violation}, {@code withheld}, or the news kind in lower case), the
     * time, and the alert's own fields.
     */
    default String toJson() {
        return AlertJson.toNode(this).toString();
    }

    /**
     * A violation, the sanctions applied for it, the decision on the event for a gate rule ({@code FLAG}
     * for a watch rule) and the events cited as evidence.
     */
    record ViolationAlert(Violation violation, List<AppliedSanction> sanctions, Decision decision, List<Event> evidence)
            implements Alert {
        public ViolationAlert {
            sanctions = List.copyOf(sanctions);
            evidence = List.copyOf(evidence);
        }

        @Override
        public long time() {
            return violation.time();
        }

        @Override
        public String line() {
            Violation v = violation;
            String applied = sanctions.isEmpty() ? "no sanction"
                    : sanctions.stream().map(s -> s.sanction() + " " + s.agent()).collect(Collectors.joining(", "));
            return "VIOLATION " + v.value() + " [" + v.severity().name().toLowerCase() + "] \"" + SafeText.oneLine(v.rule(), 120)
                    + "\" by " + SafeText.oneLine(String.join(",", v.agents()), 200) + ": "
                    + SafeText.oneLine(v.explanation(), 300) + " -> " + decision.name().toLowerCase() + "; "
                    + SafeText.oneLine(applied, 200);
        }
    }

    /** An event withheld because its agent is muted or quarantined, or because the monitor could not judge it. */
    record WithheldAlert(Event event, String reason) implements Alert {
        @Override
        public long time() {
            return event.time();
        }

        @Override
        public String line() {
            return "WITHHELD " + SafeText.describe(event) + ": " + SafeText.oneLine(reason, 200);
        }
    }

    /**
     * News about the monitor: started, stopped, rules reloaded or not, an engine error, a failing sink, a release,
     * an operator's acknowledgement, news from the bus (a JVM joined, left, went silent; the bus unreachable, back),
     * messages to receivers that do not exist ({@code UNDELIVERABLE}), and findings counted rather than recorded
     * one by one ({@code SUPPRESSED}: a flood of distinct subjects beyond what a rule's cooldown keeps).
     */
    record SystemAlert(Kind kind, String message, long time) implements Alert {
        public enum Kind { STARTED, STOPPED, RELOADED, RELOAD_FAILED, ENGINE_ERROR, SINK_FAILED, RELEASED, MONITOR_UNAVAILABLE, AGENT_CREATED,
                ACKNOWLEDGED, BUS, UNDELIVERABLE, SUPPRESSED }

        @Override
        public String line() {
            return kind + ": " + SafeText.indented(message, 2000);
        }
    }
}
