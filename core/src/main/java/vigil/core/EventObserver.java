package vigil.core;

/**
 * Sees every event the monitor observed, after the gate has judged it (a live view draws who talks to whom
 * from it; metrics count it). Add one with {@link Monitor#addObserver}.
 *
 * <p>Threading: called on the watch's thread, one event at a time, in the order the events were queued,
 * before the watch rules see the event. It must be quick and must not block: the watch waits for it, and
 * agents wait when the watch's queue is full. An observer that throws is logged once and keeps receiving.
 */
@FunctionalInterface
public interface EventObserver {

    /** {@code tookEffect} is false for an event that was blocked or withheld. */
    void observed(Event event, boolean tookEffect);
}
