package vigil.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each agent's reputation, from 0 (not trusted) to 1 (fully trusted); unknown agents have the initial
 * value. Thread-safe. Agents can read it (through the platform's internal actions), never change it.
 */
final class ReputationLedger {

    private final double initial;
    private final ConcurrentHashMap<String, Double> scores = new ConcurrentHashMap<>();

    public ReputationLedger(double initial) {
        if (initial < 0 || initial > 1) {
            throw new IllegalArgumentException("initial reputation must be within 0..1, not " + initial);
        }
        this.initial = initial;
    }

    public double get(String agent) {
        return scores.getOrDefault(agent, initial);
    }

    /** Changes the agent's reputation by {@code delta}, clamped to 0..1, and returns the new value. */
    public double adjust(String agent, double delta) {
        return scores.merge(agent, clamp(initial + delta), (old, ignored) -> clamp(old + delta));
    }

    /** A sorted copy of every agent's reputation that has changed. */
    public Map<String, Double> snapshot() {
        return new TreeMap<>(scores);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
