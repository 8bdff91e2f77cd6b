package vigil.samples;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's score against the ground truth. The unit is a (rule, agent, round): a rule detects an agent in
 * a round when one of its violations names the agent and falls in the round; a label is the same triple
 * from the scenario's truth. tp = labelled and detected, fp = detected and not labelled, fn = labelled and
 * not detected. The labels of adaptive adversaries ({@link Truth#adaptive()}) count neither as tp nor as
 * fn (they are scored per behaviour, {@link #byBehaviour}), and a detection of one is not a false positive.
 * Latency is from the labelled act (as the environment saw it) to the first alert, at least 0.
 * Precision and recall are null when undefined (nothing detected, nothing labelled).
 */
public record Score(String rule, String value, int tp, int fp, int fn, Double precision, Double recall,
        List<Double> latencies) {

    public Double latencyMedianMs() {
        if (latencies.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(latencies);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public Double latencyMaxMs() {
        return latencies.stream().max(Double::compare).orElse(null);
    }

    private record Key(String rule, String agent, int round) {
    }

    /**
     * Scores every rule that is labelled ({@code labelled}, in that order) or that detected anything.
     * {@code values} gives each rule's value.
     */
    public static List<Score> of(List<Truth> truth, List<Detection> detections, List<String> labelled,
            Map<String, String> values) {
        Map<Key, Long> labels = new LinkedHashMap<>();
        Set<Key> anyLabel = new java.util.HashSet<>();
        for (Truth t : truth) {
            Key k = new Key(t.rule(), t.agent(), t.round());
            anyLabel.add(k);
            if (!t.adaptive()) {
                labels.merge(k, t.seenAt(), Math::min);
            }
        }
        Map<Key, Long> found = new LinkedHashMap<>();
        for (Detection d : detections) {
            found.merge(new Key(d.rule(), d.agent(), d.round()), d.alertedAt(), Math::min);
        }
        Set<String> rules = new LinkedHashSet<>(labelled);
        for (Key k : found.keySet()) {
            rules.add(k.rule());
        }
        List<Score> out = new ArrayList<>();
        for (String rule : rules) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            List<Double> lat = new ArrayList<>();
            for (Map.Entry<Key, Long> l : labels.entrySet()) {
                if (!l.getKey().rule().equals(rule)) {
                    continue;
                }
                Long at = found.get(l.getKey());
                if (at == null) {
                    fn++;
                } else {
                    tp++;
                    lat.add((double) Math.max(0, at - l.getValue()));
                }
            }
            for (Key k : found.keySet()) {
                if (k.rule().equals(rule) && !anyLabel.contains(k)) {
                    fp++;
                }
            }
            out.add(new Score(rule, values.getOrDefault(rule, ""), tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn), lat));
        }
        return out;
    }

    /** Sums scores of the same rule (over seeds). */
    public static List<Score> sum(Collection<List<Score>> runs) {
        Map<String, Score> out = new LinkedHashMap<>();
        for (List<Score> run : runs) {
            for (Score s : run) {
                Score t = out.get(s.rule());
                if (t == null) {
                    out.put(s.rule(), s);
                } else {
                    List<Double> lat = new ArrayList<>(t.latencies());
                    lat.addAll(s.latencies());
                    int tp = t.tp() + s.tp();
                    int fp = t.fp() + s.fp();
                    int fn = t.fn() + s.fn();
                    out.put(s.rule(), new Score(s.rule(), t.value().isEmpty() ? s.value() : t.value(), tp, fp, fn,
                            ratio(tp, tp + fp), ratio(tp, tp + fn), lat));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** How many labels of one behaviour there were and how many of them their rule detected. */
    public record Behaviour(String behaviour, String rule, boolean adaptive, int labelled, int detected) {
    }

    /** The labels grouped by behaviour (in order of first appearance), each (rule, agent, round) counted once. */
    public static List<Behaviour> byBehaviour(List<Truth> truth, List<Detection> detections) {
        Set<Key> found = new java.util.HashSet<>();
        for (Detection d : detections) {
            found.add(new Key(d.rule(), d.agent(), d.round()));
        }
        Map<String, Set<Key>> keys = new LinkedHashMap<>();
        Map<String, Truth> first = new LinkedHashMap<>();
        for (Truth t : truth) {
            keys.computeIfAbsent(t.behaviour(), b -> new LinkedHashSet<>()).add(new Key(t.rule(), t.agent(), t.round()));
            first.putIfAbsent(t.behaviour(), t);
        }
        List<Behaviour> out = new ArrayList<>();
        for (Map.Entry<String, Set<Key>> e : keys.entrySet()) {
            int hit = (int) e.getValue().stream().filter(found::contains).count();
            Truth t = first.get(e.getKey());
            out.add(new Behaviour(e.getKey(), t.rule(), t.adaptive(), e.getValue().size(), hit));
        }
        return out;
    }

    /** Whether a labelled act was detected by its rule, and the latency if so (null otherwise). */
    public static Double latencyOf(Truth t, List<Detection> detections) {
        Long at = null;
        for (Detection d : detections) {
            if (d.rule().equals(t.rule()) && d.agent().equals(t.agent()) && d.round() == t.round()) {
                at = at == null ? d.alertedAt() : Math.min(at, d.alertedAt());
            }
        }
        return at == null ? null : (double) Math.max(0, at - t.seenAt());
    }

    private static Double ratio(int a, int b) {
        return b == 0 ? null : (double) a / b;
    }
}
