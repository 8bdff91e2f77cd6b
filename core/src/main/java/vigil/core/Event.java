package vigil.core;

import java.util.List;

/**
 * Something a platform reports to the monitor: a message, an action or an agent's report of a concern.
 * Events are immutable; {@link #time()} is in milliseconds since the epoch (or since the start of a
 * replayed trace) and drives the rules' time windows. Every event has one JSON form ({@link Trace}). Called from any thread: events are values.
 */
public sealed interface Event permits MessageEvent, ActionEvent, ActionOutcome, ReportEvent {

    /** A unique id within one run; violations cite events by it. */
    String id();

    long time();

    /** The agent responsible for the event (the sender of a message, the actor of an action). */
    String agent();

    /** Every agent the event involves: the responsible agent first. */
    List<String> agents();
}
