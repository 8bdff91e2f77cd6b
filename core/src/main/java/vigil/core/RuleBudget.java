package vigil.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Bounds the work of one firing of a session: at most {@code maxFirings} rule firings and
 * {@code maxMillis} of wall time. A rule that makes a firing go over (one that loops, say by
 * {@code update} without {@code no-loop}) is quarantined: it runs no more in this session's rules until they
 * are reloaded (a reload builds a new budget). The firing that went over throws {@link Exceeded}, naming
 * the rule, after the rest of that firing was cancelled. Used by one thread at a time (the gate's lock,
 * the watch's thread).
 */
final class RuleBudget implements AgendaFilter {

    /** The gate judges one event at a time: a few firings each. */
    static final int GATE_FIRINGS = 10_000;
    static final long GATE_MILLIS = 2_000;
    /** The watch fires once per batch of up to a few hundred events, over windows of many. */
    static final int WATCH_FIRINGS = 100_000;
    static final long WATCH_MILLIS = 5_000;

    private final int maxFirings;
    private final long maxNanos;
    private final Set<String> quarantined = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> fired = new HashMap<>();
    private int total;
    private long deadline;
    private boolean over;
    private String last;

    RuleBudget(int maxFirings, long maxMillis) {
        this.maxFirings = maxFirings;
        this.maxNanos = maxMillis * 1_000_000;
    }

    /** A firing that went over its budget; the rule named is quarantined. */
    static final class Exceeded extends RuntimeException {
        private final String rule;

        Exceeded(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }

    /** Fires the session's rules within the budget; throws {@link Exceeded} when it went over. */
    int fire(KieSession session) {
        fired.clear();
        total = 0;
        over = false;
        last = null;
        long start = System.nanoTime();
        deadline = start + maxNanos;
        int n = session.fireAllRules(this);
        if (!over) {
            return n;
        }
        String rule = mostFired();
        quarantined.add(rule);
        long ms = (System.nanoTime() - start) / 1_000_000;
        throw new Exceeded(rule, "rule \"" + rule + "\" went over the work one firing may take (" + fired.getOrDefault(rule, 0)
                + " of " + total + " firings in " + ms + " ms; at most " + maxFirings + " firings and " + maxNanos / 1_000_000
                + " ms): it looks like a loop. It is quarantined: it runs no more until the rules are reloaded");
    }

    @Override
    public boolean accept(Match match) {
        String rule = match.getRule().getName();
        if (quarantined.contains(rule)) {
            return false;
        }
        if (over) {
            return false;
        }
        if (total >= maxFirings || System.nanoTime() > deadline) {
            over = true;
            return false;
        }
        total++;
        fired.merge(rule, 1, Integer::sum);
        last = rule;
        return true;
    }

    /** The rules quarantined so far, by name. */
    Set<String> quarantined() {
        return Set.copyOf(quarantined);
    }

    private String mostFired() {
        String best = last;
        int most = -1;
        for (Map.Entry<String, Integer> e : fired.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return best == null ? "(unknown)" : best;
    }
}
