package vigil.core.sanction;

import java.time.Duration;
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
public final class SanctionBook {

    private final ConcurrentHashMap<String, Long> mutedUntil = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> quarantinedUntil = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> breaches = new ConcurrentHashMap<>();

    /** Records a breach of {@code value} by {@code agent} and returns its breach times within the horizon. */
    public List<Long> recordBreach(String agent, String value, long time, Duration horizon) {
        Deque<Long> times = breaches.computeIfAbsent(agent + '\u0000' + value, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(time);
            long keep = horizon.isZero() ? 0 : horizon.toMillis();
            while (times.size() > 1 && time - times.peekFirst() > keep && keep > 0) {
                times.removeFirst();
            }
            if (keep == 0) {
                // No windowed step: only the count matters; keep it bounded but exact.
                while (times.size() > 10_000) {
                    times.removeFirst();
                }
            }
            return new ArrayList<>(times);
        }
    }

    public void mute(String agent, long until) {
        mutedUntil.merge(agent, until, Math::max);
    }

    /** Quarantines the agent until {@code until}, or until released when {@code until} is {@link Long#MAX_VALUE}. */
    public void quarantine(String agent, long until) {
        quarantinedUntil.merge(agent, until, Math::max);
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
