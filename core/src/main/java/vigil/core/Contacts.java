package vigil.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.kie.api.definition.type.ClassReactive;

/**
 * Who talked to whom, and when: the times of the messages that took effect between each pair of agents
 * (either way), within the watch's retention. The watch keeps one and inserts it as a fact in its session, so
 * a watch rule can ask whether two agents talked around some events without holding every message as an
 * event of its own:
 *
 * <pre>{@code
 * Contacts(talkedBefore($x, $q.agent, $p, $q, "5m"))
 * }</pre>
 *
 * holds when {@code $x} and {@code $q.agent} exchanged a message at most 5 minutes before both {@code $p}
 * and {@code $q} and after neither, as {@code exists MessageEvent(... this before[0s, 5m] $p,
 * this before[0s, 5m] $q)} would. A message costs eight bytes here instead of a held event, and a message
 * that no rule reads as an event never enters the session ({@link Admission}).
 *
 * <p>The ledger is written before the event it records is inserted, and a condition over it is evaluated
 * when the rule's other events arrive; it is therefore exact when the messages it asks about were judged
 * before those events, as the watch judges events in time order. A message judged after the events it
 * should have joined (a late event from another host) does not re-open them, where a held
 * {@code MessageEvent} would. Used by the watch's thread only; not thread-safe.
 */
@ClassReactive // never modified in a session: no property to listen to (and Drools would warn of it)
public final class Contacts {

    private final long retentionMs;
    private final Map<Pair, Times> pairs = new HashMap<>();
    private long newest = Long.MIN_VALUE;
    private long lastPrune = Long.MIN_VALUE;

    Contacts(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    /** Records a message between {@code sender} and {@code receiver} at {@code time}. */
    void record(String sender, String receiver, long time) {
        if (sender.equals(receiver)) {
            return;
        }
        pairs.computeIfAbsent(key(sender, receiver), k -> new Times()).add(time);
        if (time > newest) {
            newest = time;
        }
        if (lastPrune == Long.MIN_VALUE) {
            lastPrune = time;
        } else if (newest - lastPrune > Math.max(1_000, retentionMs / 10)) {
            prune(newest - retentionMs);
            lastPrune = newest;
        }
    }

    /** Whether {@code a} and {@code b} exchanged a message, either way, at a time within {@code [from, to]}. */
    public boolean between(String a, String b, long from, long to) {
        if (a == null || b == null || a.equals(b) || from > to) {
            return false;
        }
        Times t = pairs.get(key(a, b));
        return t != null && t.any(from, to);
    }

    /**
     * Whether {@code a} and {@code b} exchanged a message at most {@code window} (as rules write durations:
     * {@code 30s}, {@code 5m}) before both events and after neither.
     */
    public boolean talkedBefore(String a, String b, Event p, Event q, String window) {
        long w = Durations.parse(window).toMillis();
        long first = Math.min(p.time(), q.time());
        long last = Math.max(p.time(), q.time());
        return between(a, b, last - w, first);
    }

    /** How many message times are held, over every pair. */
    public long size() {
        long n = 0;
        for (Times t : pairs.values()) {
            n += t.size;
        }
        return n;
    }

    private void prune(long before) {
        Iterator<Times> it = pairs.values().iterator();
        while (it.hasNext()) {
            Times t = it.next();
            t.dropBefore(before);
            if (t.size == 0) {
                it.remove();
            }
        }
    }

    /** Two agents, either way round. */
    private record Pair(String low, String high) {
    }

    private static Pair key(String a, String b) {
        return a.compareTo(b) < 0 ? new Pair(a, b) : new Pair(b, a);
    }

    /** Distinct times in ascending order, from {@code start} to {@code start + size}. */
    private static final class Times {
        private long[] times = new long[4];
        private int start;
        private int size;

        void add(long t) {
            int end = start + size;
            if (size > 0 && times[end - 1] == t) {
                return;
            }
            if (end == times.length) {
                if (start > times.length / 2) {
                    System.arraycopy(times, start, times, 0, size);
                } else {
                    times = Arrays.copyOfRange(times, start, start + Math.max(4, size * 2));
                }
                start = 0;
                end = size;
            }
            if (size == 0 || times[end - 1] < t) {
                times[end] = t;
                size++;
                return;
            }
            // Out of order (events of other threads a millisecond apart): keep the times sorted.
            int i = Arrays.binarySearch(times, start, end, t);
            if (i >= 0) {
                return;
            }
            int at = -i - 1;
            System.arraycopy(times, at, times, at + 1, end - at);
            times[at] = t;
            size++;
        }

        boolean any(long from, long to) {
            int i = Arrays.binarySearch(times, start, start + size, from);
            int at = i >= 0 ? i : -i - 1;
            return at < start + size && times[at] <= to;
        }

        void dropBefore(long before) {
            int end = start + size;
            int i = Arrays.binarySearch(times, start, end, before);
            int at = i >= 0 ? i : -i - 1;
            size = end - at;
            start = at;
            if (size == 0) {
                start = 0;
            }
        }
    }
}
