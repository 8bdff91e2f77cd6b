package vigil.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Bounds the work of one firing of a session: at most {@code maxFirings} rule firings and
 * {@code maxMillis} of the firing thread's CPU time. Time is counted in CPU, not wall time, so a machine too
 * busy to give the thread a core (other processes, a stop-the-world collection) does not make a firing look
 * like a loop; the CPU clock is read only once the firing has also taken {@code maxMillis} of wall time, so
 * the common firing reads the wall clock alone (where the JVM cannot measure a thread's CPU time, the
 * wall time counts). A rule that makes a firing go over (one that loops, say by
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
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private int total;
    private long deadline;
    /** The firing thread's CPU time at the start of the firing (nanoseconds), or -1 when not measured. */
    private long cpuStart;
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
        cpuStart = cpuNow();
        int n = session.fireAllRules(this);
        if (!over) {
            return n;
        }
        String rule = mostFired();
        quarantined.add(rule);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpuStart < 0 ? ms : (cpuNow() - cpuStart) / 1_000_000;
        throw new Exceeded(rule, "rule \"" + rule + "\" went over the work one firing may take (" + fired.getOrDefault(rule, 0)
                + " of " + total + " firings in " + cpu + " ms of CPU, " + ms + " ms in all; at most " + maxFirings
                + " firings and " + maxNanos / 1_000_000 + " ms of CPU): it looks like a loop. It is quarantined: it runs no more until the rules are reloaded");
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
        if (total >= maxFirings || System.nanoTime() > deadline && overCpu()) {
            over = true;
            return false;
        }
        total++;
        fired.merge(rule, 1, Integer::sum);
        last = rule;
        return true;
    }

    /** Whether the firing has used more than the budget's CPU time (its wall time, where CPU is not measured). */
    private boolean overCpu() {
        if (cpuStart < 0) {
            return true;
        }
        return cpuNow() - cpuStart > maxNanos;
    }

    private static long cpuNow() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : -1;
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
