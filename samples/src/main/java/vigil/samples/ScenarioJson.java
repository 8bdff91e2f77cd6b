package vigil.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.cli.report.RunContext;
import vigil.cli.report.RunContext.Curve;
import vigil.cli.report.RunContext.Ending;
import vigil.cli.report.RunContext.Fact;
import vigil.cli.report.RunContext.LabelledCase;
import vigil.cli.report.RunContext.Outcome;
import vigil.cli.report.RunContext.RuleScore;

/**
 * {@code scenario.json}, the scenario's facts, ground truth, outcome series and scores (schema 1; described
 * in {@code docs/scenarios-guide.md}), in one place: {@link #write} writes it (scores and truth from the
 * sanctions-on run, one outcome series per run), {@link Reader} reads it back for the report.
 */
public final class ScenarioJson {

    /** The file's name in the run folder. */
    static final String FILE = "scenario.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioJson() {
    }

    public static ObjectNode toNode(ScenarioRun.Result on, ScenarioRun.Result off) {
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
        for (ScenarioRun.Result r : off == null ? List.of(on) : List.of(on, off)) {
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
        ArrayNode truth = o.putArray("truth");
        for (Truth t : on.truth()) {
            ObjectNode n = truth.addObject();
            n.put("agent", t.agent());
            n.put("behaviour", t.behaviour());
            n.put("round", t.round());
            n.put("time", t.time());
            n.put("rule", t.rule());
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
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            JSON.writeValue(file.toFile(), toNode(on, off));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Reads a scenario run's {@code scenario.json} into the report's {@link RunContext}, for
     * {@code ./vigil report}: registered as a {@link RunContext.Reader}. Every field is optional, so that a file
     * from a newer or older runner still gives a page; unknown fields and fields of the wrong type are ignored.
     */
    public static final class Reader implements RunContext.Reader {
        @Override
        public RunContext read(Path dir, List<String> problems) throws IOException {
            Path file = dir.resolve(FILE);
            if (!Files.exists(file)) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (node == null || !node.isObject()) {
                    problems.add(FILE + " is not a JSON object, so the scenario's facts, outcome and scores are not shown");
                    return null;
                }
                return of(node);
            } catch (IOException e) {
                problems.add(FILE + " cannot be read (" + firstLine(e.getMessage())
                        + "), so the scenario's facts, outcome and scores are not shown");
                return null;
            }
        }
    }

    /** The context of one {@code scenario.json} object. */
    static RunContext of(JsonNode o) {
        List<String> misaligned = new ArrayList<>();
        o.path("misaligned").forEach(n -> {
            if (n.isTextual()) {
                misaligned.add(n.asText());
            }
        });
        JsonNode out = o.path("outcome");
        Outcome outcome = null;
        if (out.isObject()) {
            List<Curve> series = new ArrayList<>();
            out.path("series").forEach(s -> {
                List<double[]> points = new ArrayList<>();
                s.path("points").forEach(p -> {
                    if (p.isArray() && p.size() >= 2 && p.get(0).isNumber() && p.get(1).isNumber()) {
                        points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
                    }
                });
                series.add(new Curve(text(s, "label"), points));
            });
            List<Ending> summary = new ArrayList<>();
            out.path("summary").forEach(s -> summary.add(new Ending(text(s, "label"), dbl(s, "value"), text(s, "text"))));
            outcome = new Outcome(text(out, "name"), text(out, "unit"),
                    out.path("higherIsBetter").isBoolean() ? out.get("higherIsBetter").asBoolean() : null, series, summary);
        }
        List<RuleScore> scores = new ArrayList<>();
        o.path("scores").forEach(s -> scores.add(new RuleScore(text(s, "rule"), text(s, "value"), lng(s, "tp"),
                lng(s, "fp"), lng(s, "fn"), dbl(s, "precision"), dbl(s, "recall"), dbl(s, "latencyMedianMs"),
                dbl(s, "latencyMaxMs"))));
        List<LabelledCase> truth = new ArrayList<>();
        o.path("truth").forEach(t -> truth.add(new LabelledCase(text(t, "agent"), text(t, "behaviour"), lng(t, "round"),
                lng(t, "time"), text(t, "rule"), t.path("detected").isBoolean() ? t.get("detected").asBoolean() : null,
                dbl(t, "latencyMs"))));
        List<Fact> facts = List.of(
                new Fact("scenario", "scenario", text(o, "scenario")),
                new Fact("setting", "setting", text(o, "setting")),
                new Fact("seed", "seed", number(o, "seed")),
                new Fact("agents", "agents", number(o, "agents")),
                new Fact("rounds", "rounds", number(o, "rounds")),
                new Fact("misaligned", "misaligned", misaligned.isEmpty() ? "none" : String.join(", ", misaligned)));
        return new RunContext(FILE, text(o, "title"), text(o, "description"), facts, misaligned, outcome, scores, truth);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static String number(JsonNode o, String field) {
        Long n = lng(o, field);
        return n == null ? null : n.toString();
    }

    private static Double dbl(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Long lng(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        return n.isNumber() ? Long.valueOf(Math.round(n.asDouble())) : null; // boxed: a bare ternary unboxes null
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
