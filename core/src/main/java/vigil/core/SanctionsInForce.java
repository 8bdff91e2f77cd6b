package vigil.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sanctions in force (who is muted until when, who is quarantined) and each agent's recent breaches
 * per value, which the escalation policy counts. Times are event times in milliseconds. Thread-safe.
 */
final class SanctionsInForce {

    private final ConcurrentHashMap<String, Long> mutedUntil = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> quarantinedUntil = new ConcurrentHashMap<>();
    private final Map<String, Tally> breaches = new ConcurrentHashMap<>();

    /**
     * An agent's breaches of one value as the escalation policy needs them: their {@code count} (within the
     * policy's longest window, or in all when no step has a window) and the times it looks at, oldest first,
     * the current one last.
     */
    public record Breaches(int count, List<Long> times) {
    }

    private static final class Tally {
        final Deque<Long> times = new ArrayDeque<>();
        int count;
    }

    /**
     * Records a breach of {@code value} by {@code agent}, keeping what {@code policy} needs to decide. When a
     * step has a window, the breaches within the longest window are kept and counted; when none has, only
     * the count grows, and the latest times are kept up to the largest step count (enough to decide any step).
     */
    public Breaches recordBreach(String agent, String value, long time, EscalationPolicy policy) {
        Tally tally = breaches.computeIfAbsent(agent + '\u0000' + value, k -> new Tally());
        synchronized (tally) {
            Deque<Long> times = tally.times;
            times.addLast(time);
            long keep = policy.horizon().toMillis();
            int depth = policy.depth();
            if (keep > 0) {
                while (times.size() > 1 && time - times.peekFirst() > keep) {
                    times.removeFirst();
                }
                tally.count = times.size();
            } else {
                tally.count = tally.count == Integer.MAX_VALUE ? tally.count : tally.count + 1;
                while (times.size() > Math.max(1, depth)) {
                    times.removeFirst();
                }
            }
            return new Breaches(tally.count, new ArrayList<>(times));
        }
    }

    public void mute(String agent, long until) {
        mutedUntil.merge(agent, until, Math::max);
    }

    /** Quarantines the agent until {@code until}, or until released when {@code until} is {@link Long#MAX_VALUE}. */
    public void quarantine(String agent, long until) {
        quarantinedUntil.merge(agent, until, Math::max);
    }

    /**
     * Gives {@code child} the mute and the quarantine {@code parent} has in force at {@code now} (an agent
     * created by a sanctioned agent must not speak or act for it); returns what was passed on, in words, or
     * null when nothing was.
     */
    public String inherit(String child, String parent, long now) {
        StringBuilder what = new StringBuilder();
        Long q = quarantinedUntil.get(parent);
        if (q != null && now < q) {
            quarantine(child, q);
            what.append(q == Long.MAX_VALUE ? "quarantine until released" : "quarantine until " + q);
        }
        Long m = mutedUntil.get(parent);
        if (m != null && now < m) {
            mute(child, m);
            what.append(what.length() == 0 ? "" : ", ").append("mute until ").append(m);
        }
        return what.length() == 0 ? null : what.toString();
    }

    /** Lifts the agent's mute and quarantine; returns whether it had either. */
    public boolean release(String agent) {
        boolean had = mutedUntil.remove(agent) != null;
        return quarantinedUntil.remove(agent) != null || had;
    }

    public boolean isMuted(String agent, long now) {
        Long until = mutedUntil.get(agent);
        return until != null && now < until;
    }

    public boolean isQuarantined(String agent, long now) {
        Long until = quarantinedUntil.get(agent);
        return until != null && now < until;
    }

    /** Whether any agent is muted or quarantined; lets the gate skip the lookups on the common path. */
    public boolean anyInForce() {
        return !mutedUntil.isEmpty() || !quarantinedUntil.isEmpty();
    }
}
