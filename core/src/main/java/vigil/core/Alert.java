package vigil.core;

import java.util.List;

/** What the monitor tells its sinks: a violation, an event withheld by a sanction in force, or news about the monitor itself. */
public sealed interface Alert {

    long time();

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
    }

    /** An event withheld because its agent is muted or quarantined, or because the monitor could not judge it. */
    record WithheldAlert(Event event, String reason) implements Alert {
        @Override
        public long time() {
            return event.time();
        }
    }

    /** News about the monitor: started, stopped, rules reloaded or not, an engine error, a failing sink, a release, an operator's acknowledgement. */
    record SystemAlert(Kind kind, String message, long time) implements Alert {
        public enum Kind { STARTED, STOPPED, RELOADED, RELOAD_FAILED, ENGINE_ERROR, SINK_FAILED, RELEASED, MONITOR_UNAVAILABLE, AGENT_CREATED,
                ACKNOWLEDGED }
    }
}
