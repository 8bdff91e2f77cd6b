package vigil.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code scenario.json}, the scenario's facts, ground truth, outcome series and scores, in the
 * form the HTML report reads (schema 1; described in {@code docs/scenarios-guide.md}): scores and truth from
 * the sanctions-on run, one outcome series per run. Readers ignore fields they do not know.
 */
public final class ScenarioJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioJson() {
    }

    public static ObjectNode toNode(ScenarioRun.Result on, ScenarioRun.Result off) {
        return toNode(off == null ? List.of(on) : List.of(on, off));
    }

    /** A parameter swept over the sanctions-off run: the value the run used, and the rule's score at each value. */
    public record SweepResult(Scenario.Sweep sweep, String current, List<Score> scores) {
    }

    public static ObjectNode toNode(List<ScenarioRun.Result> runs) {
        return toNode(runs, List.of());
    }

    /** The runs of one seed, the scored one first, and the sweeps replayed over its sanctions-off run. */
    public static ObjectNode toNode(List<ScenarioRun.Result> runs, List<SweepResult> sweeps) {
        ScenarioRun.Result on = runs.get(0);
        Scenario s = on.scenario();
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", 1);
        o.put("scenario", s.id);
        o.put("title", s.title);
        o.put("setting", s.setting);
        o.put("description", s.description);
        o.put("seed", on.spec().seed());
        o.put("agents", on.spec().agents());
        o.put("rounds", on.spec().rounds());
        ArrayNode mis = o.putArray("misaligned");
        on.misaligned().forEach(mis::add);
        ObjectNode outcome = o.putObject("outcome");
        outcome.put("name", s.outcomeName);
        outcome.put("unit", s.outcomeUnit);
        outcome.put("higherIsBetter", s.higherIsBetter);
        ArrayNode series = outcome.putArray("series");
        ArrayNode summary = outcome.putArray("summary");
        ArrayNode measures = o.putArray("measures");
        for (ScenarioRun.Result r : runs) {
            ObjectNode m = measures.addObject();
            m.put("label", r.run().label());
            ObjectNode values = m.putObject("values");
            new java.util.TreeMap<>(r.measures()).forEach(values::put);
        }
        for (ScenarioRun.Result r : runs) {
            Series sr = r.series();
            ObjectNode one = series.addObject();
            one.put("label", sr.label());
            ArrayNode pts = one.putArray("points");
            for (double[] p : sr.points()) {
                ArrayNode pt = pts.addArray();
                pt.add((int) p[0]);
                pt.add(p[1]);
            }
            ObjectNode line = summary.addObject();
            line.put("label", sr.label());
            line.put("value", sr.value());
            line.put("text", sr.text());
        }
        ArrayNode scores = o.putArray("scores");
        for (Score sc : Score.of(on.truth(), on.detections(), s.labelledRules, on.ruleValues())) {
            ObjectNode n = scores.addObject();
            n.put("rule", sc.rule());
            n.put("value", sc.value());
            n.put("tp", sc.tp());
            n.put("fp", sc.fp());
            n.put("fn", sc.fn());
            putNullable(n, "precision", sc.precision());
            putNullable(n, "recall", sc.recall());
            putNullable(n, "latencyMedianMs", sc.latencyMedianMs());
            putNullable(n, "latencyMaxMs", sc.latencyMaxMs());
        }
        ArrayNode behaviours = o.putArray("behaviours");
        for (Score.Behaviour b : Score.byBehaviour(on.truth(), on.detections())) {
            ObjectNode n = behaviours.addObject();
            n.put("behaviour", b.behaviour());
            n.put("rule", b.rule());
            n.put("adaptive", b.adaptive());
            n.put("labelled", b.labelled());
            n.put("detected", b.detected());
        }
        o.put("unit", "one (rule, agent, round): tp, fp and fn count these; the audit log counts violations, one of which"
                + " may name several agents");
        ObjectNode det = o.putObject("detections");
        java.util.Set<String> units = new java.util.HashSet<>();
        on.detections().forEach(d -> units.add(d.rule() + '\u0000' + d.agent() + '\u0000' + d.round()));
        int tpfp = 0;
        for (Score sc : Score.of(on.truth(), on.detections(), s.labelledRules, on.ruleValues())) {
            tpfp += sc.tp() + sc.fp();
        }
        int adaptive = 0;
        for (Score.Behaviour b : Score.byBehaviour(on.truth(), on.detections())) {
            adaptive += b.adaptive() ? b.detected() : 0;
        }
        det.put("violations", on.violations());
        det.put("units", units.size());
        det.put("tpPlusFp", tpfp);
        det.put("adaptiveCaught", adaptive);
        o.put("time", "scenario time: each round is " + ScenarioEnv.ROUND_MS / 1000 + " s, starting at " + on.base()
                + " (epoch ms) for round 0");
        ArrayNode sw = o.putArray("sweeps");
        for (SweepResult r : sweeps) {
            ObjectNode n = sw.addObject();
            n.put("rule", r.sweep().rule());
            n.put("param", r.sweep().param());
            n.put("current", r.current());
            ArrayNode pts = n.putArray("points");
            for (int i = 0; i < r.scores().size(); i++) {
                Score sc = r.scores().get(i);
                ObjectNode p = pts.addObject();
                p.put("value", r.sweep().values().get(i));
                p.put("tp", sc.tp());
                p.put("fp", sc.fp());
                p.put("fn", sc.fn());
                putNullable(p, "precision", sc.precision());
                putNullable(p, "recall", sc.recall());
            }
        }
        ArrayNode truth = o.putArray("truth");
        for (Truth t : on.truth()) {
            ObjectNode n = truth.addObject();
            n.put("agent", t.agent());
            n.put("behaviour", t.behaviour());
            n.put("round", t.round());
            n.put("time", t.time());
            n.put("rule", t.rule());
            n.put("adaptive", t.adaptive());
            Double lat = Score.latencyOf(t, on.detections());
            n.put("detected", lat != null);
            putNullable(n, "latencyMs", lat);
        }
        return o;
    }

    private static void putNullable(ObjectNode n, String field, Double v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    /** Writes {@code dir/scenario.json}; returns its path. */
    public static Path write(Path dir, ScenarioRun.Result on, ScenarioRun.Result off) {
        return write(dir, off == null ? List.of(on) : List.of(on, off));
    }

    /** Writes {@code dir/scenario.json} for the runs of one seed, the scored one first; returns its path. */
    public static Path write(Path dir, List<ScenarioRun.Result> runs) {
        return write(dir, runs, List.of());
    }

    /** Writes {@code dir/scenario.json} with the sweeps replayed over the sanctions-off run; returns its path. */
    public static Path write(Path dir, List<ScenarioRun.Result> runs, List<SweepResult> sweeps) {
        Path file = dir.resolve("scenario.json");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(file.toFile(), toNode(runs, sweeps));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
