package vigil.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.type.ClassReactive;

/**
 * What each agent told whom about each claim, and when: the {@code tell}s that took effect whose content has
 * at least two arguments, grouped by sender and {@link Term#claim() claim}, kept for twice the longest span a
 * rule asks about and a minute more (at most the watch's retention). The watch keeps one and inserts it as a fact in its session, so a rule can compare a tell with its sender's
 * other tells of the same claim without holding every tell in a window of its own:
 *
 * <pre>{@code
 * $m : MessageEvent(performative == "tell", content.arity() >= 2)
 * $claims : Claims()
 * Claims.Pair($first : first, $later : later) from $claims.contradicting($m, "60s")
 * }</pre>
 *
 * gives each pair of tells of one sender, one of them {@code $m}, to different receivers, with the same claim
 * and different values ({@link Term#value()}), at most 60 s apart, the earlier as {@code first} (both ways
 * round when they share a millisecond), and no update between them: no tell of the later value to the first
 * receiver at or after the first tell. {@link #updated} asks the same of updates up to some time after the
 * later tell, when the pair is judged. This is what the join of two windows of {@code MessageEvent}s and a {@code not} over a third
 * would find, at the cost of a hash lookup and a scan of the sender's tells of that claim within the span,
 * and no tell needs to be held as an event for it ({@link Admission}).
 *
 * <p>The ledger is written before the event it records is inserted, and the engine evaluates a batch of
 * inserted events lazily, when it fires: a pair is given only when the rule asks about the one of its tells
 * recorded last, so each pair is found once, whichever of its tells came last in time. It is exact when events
 * are judged in time order or a little out of it. Unlike a sliding window, it does not ask whether the tells are still within a
 * window of the session's clock, only how far apart they are: a tell judged later than the span after the
 * clock (a late event from another host) still pairs. Used by the watch's thread only; not thread-safe.
 */
@ClassReactive // never modified in a session: no property to listen to (and Drools would warn of it)
public final class Claims {

    /** Two tells of one claim, {@code first} no later than {@code later}. */
    public record Pair(MessageEvent first, MessageEvent later) {
    }

    /**
     * A sender and the claim of a content, compared as {@link Term#claim()} would be (functor, arity, every
     * argument but the last, annotations) without building that term.
     */
    private static final class Key {
        private final String sender;
        private final Term content;
        private final int hash;

        Key(String sender, Term content) {
            this.sender = sender;
            this.content = content;
            int h = sender.hashCode() * 31 + content.functor().hashCode();
            List<Term> args = content.args();
            h = h * 31 + args.size();
            for (int i = 0; i < args.size() - 1; i++) {
                h = h * 31 + args.get(i).hashCode();
            }
            this.hash = h * 31 + content.annotations().hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.hash != hash || !k.sender.equals(sender)) {
                return false;
            }
            Term a = content;
            Term b = k.content;
            if (a.kind() != b.kind() || !a.functor().equals(b.functor()) || a.args().size() != b.args().size()
                    || !a.annotations().equals(b.annotations())) {
                return false;
            }
            for (int i = 0; i < a.args().size() - 1; i++) {
                if (!a.args().get(i).equals(b.args().get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A tell, the order it was recorded in, and its value as an index into its bucket's distinct values. */
    private record Told(MessageEvent event, long seq, int value) {
        long time() {
            return event.time();
        }
    }

    /**
     * One sender's tells of one claim in time order, and the distinct values they told, so that comparing two
     * tells' values is comparing two numbers.
     */
    private static final class Bucket {
        final List<Told> tells = new ArrayList<>(2);
        private final List<Term> values = new ArrayList<>(2);
        private Map<Term, Integer> index;

        int valueOf(Term v) {
            if (index != null) {
                return index.computeIfAbsent(v, k -> {
                    values.add(k);
                    return values.size() - 1;
                });
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).equals(v)) {
                    return i;
                }
            }
            values.add(v);
            if (values.size() > 16) {
                index = new HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    index.put(values.get(i), i);
                }
            }
            return values.size() - 1;
        }

        /** The index of a value told, or -1 when it never was. */
        int indexOf(Term v) {
            if (index != null) {
                return index.getOrDefault(v, -1);
            }
            return values.indexOf(v);
        }

        /** {@code m}'s entry, or null when it is not here (pruned, or never recorded). */
        Told find(MessageEvent m) {
            for (int i = tells.size() - 1; i >= 0; i--) {
                if (tells.get(i).event() == m) {
                    return tells.get(i);
                }
            }
            return null;
        }
    }

    private final long retentionMs;
    private final Map<Key, Bucket> told = new HashMap<>();
    private long recorded;
    /** The spans rules ask for, parsed once each, and the longest of them. */
    private final Map<String, Long> spans = new HashMap<>();
    private long longestSpan;
    private long newest = Long.MIN_VALUE;
    private long lastPrune = Long.MIN_VALUE;

    Claims(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    /** Whether the ledger keeps {@code m}: a tell whose content has at least two arguments. */
    static boolean kept(MessageEvent m) {
        return "tell".equals(m.performative()) && m.content().arity() >= 2;
    }

    /** Records {@code m} if it is a tell of a claim; other messages are ignored. */
    void record(MessageEvent m) {
        if (!kept(m)) {
            return;
        }
        Bucket b = told.computeIfAbsent(key(m), k -> new Bucket());
        List<Told> list = b.tells;
        int at = list.size();
        while (at > 0 && list.get(at - 1).time() > m.time()) {
            at--; // out of order (events of other threads a millisecond apart): keep the list in time order
        }
        list.add(at, new Told(m, recorded++, b.valueOf(m.content().value())));
        long t = m.time();
        if (t > newest) {
            newest = t;
        }
        if (lastPrune == Long.MIN_VALUE) {
            lastPrune = t;
        } else if (newest - lastPrune > Math.max(1_000, horizon() / 10)) {
            prune(newest - horizon());
            lastPrune = newest;
        }
    }

    /**
     * The pairs {@code m} makes with its sender's other tells of the same claim: to another receiver, with
     * another value, at most {@code span} apart (as rules write durations: {@code 30s}, {@code 5m}), with no
     * update between them (see {@link #updated}). Empty when {@code m} is not a recorded tell of a claim.
     */
    public List<Pair> contradicting(MessageEvent m, String span) {
        Bucket b = kept(m) ? told.get(key(m)) : null;
        if (b == null || b.tells.size() < 2) {
            return List.of();
        }
        Told mt = b.find(m);
        if (mt == null) {
            return List.of();
        }
        List<Told> list = b.tells;
        long w = span(span);
        List<Pair> pairs = null;
        for (int i = firstAtOrAfter(list, m.time() - w); i < list.size(); i++) {
            Told t = list.get(i);
            MessageEvent x = t.event();
            if (x.time() > m.time() + w) {
                break;
            }
            // Recorded after m: that tell's own turn gives the pair.
            if (t.seq() >= mt.seq() || t.value() == mt.value() || x.receiver().equals(m.receiver())) {
                continue;
            }
            if (x.time() <= m.time() && !updatedBetween(list, t, mt.value(), mt, Long.MAX_VALUE)) {
                pairs = add(pairs, new Pair(x, m));
            }
            if (x.time() >= m.time() && !updatedBetween(list, mt, t.value(), t, Long.MAX_VALUE)) {
                pairs = add(pairs, new Pair(m, x));
            }
        }
        return pairs == null ? List.of() : pairs;
    }

    /**
     * Whether {@code first}'s receiver has been told {@code later}'s value of the claim by the same sender at
     * or after {@code first}'s time, and less than {@code settle} after {@code later}: an update that reached
     * everyone, so the two tells do not contradict. Updates are counted by their time, not by when they were
     * judged, so the answer does not depend on how the watch batched the events.
     */
    public boolean updated(MessageEvent first, MessageEvent later, String settle) {
        Bucket b = kept(first) ? told.get(key(first)) : null;
        Told f = b == null ? null : b.find(first);
        return f != null && updatedBetween(b.tells, f, b.indexOf(later.content().value()), null,
                later.time() + span(settle));
    }

    /**
     * How long a tell is kept: twice the longest span a rule has asked for, and a minute more (a pair is
     * judged a little after it is found, and the updates it asks about are newer than its first tell), at most
     * the retention; the retention before any rule asked.
     */
    private long horizon() {
        return longestSpan == 0 ? retentionMs : Math.min(retentionMs, 2 * longestSpan + 60_000);
    }

    /** How many tells are held, over every sender and claim. */
    public long size() {
        long n = 0;
        for (Bucket b : told.values()) {
            n += b.tells.size();
        }
        return n;
    }

    /**
     * Whether a tell of {@code value} to {@code first}'s receiver, other than {@code except}, came at or after
     * {@code first} and before {@code until}.
     */
    private static boolean updatedBetween(List<Told> list, Told first, int value, Told except, long until) {
        String to = first.event().receiver();
        for (int i = firstAtOrAfter(list, first.time()); i < list.size(); i++) {
            Told u = list.get(i);
            if (u.time() >= until) {
                break;
            }
            if (u.value() == value && u != except && u != first && u.event().receiver().equals(to)) {
                return true;
            }
        }
        return false;
    }

    private long span(String text) {
        Long w = spans.get(text);
        if (w == null) {
            w = Durations.parse(text).toMillis();
            spans.put(text, w);
            longestSpan = Math.max(longestSpan, w);
        }
        return w;
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> out = list == null ? new ArrayList<>(1) : list;
        out.add(item);
        return out;
    }

    /** The index of the first tell at or after {@code time} (the list is in time order). */
    private static int firstAtOrAfter(List<Told> list, long time) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).time() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void prune(long before) {
        Iterator<Bucket> it = told.values().iterator();
        while (it.hasNext()) {
            List<Told> list = it.next().tells;
            int drop = firstAtOrAfter(list, before);
            if (drop == list.size()) {
                it.remove();
            } else if (drop > 0) {
                list.subList(0, drop).clear();
            }
        }
    }

    private static Key key(MessageEvent m) {
        return new Key(m.sender(), m.content());
    }
}
