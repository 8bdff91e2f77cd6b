package vigil.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * Reads a scenario run's {@code scenario.json} (written by {@link ScenarioJson}) into the report's
 * {@link RunContext}: its facts, ground truth, outcome series and scores. Every field is optional, so that a
 * file from a newer or older runner still gives a page; unknown fields and fields of the wrong type are
 * ignored. Registered for {@code ./vigil report} as a {@link RunContext.Reader}.
 */
public final class ScenarioFile implements RunContext.Reader {

    static final String NAME = "scenario.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public RunContext read(Path dir, List<String> problems) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                problems.add(NAME + " is not a JSON object, so the scenario's facts, outcome and scores are not shown");
                return null;
            }
            return of(node);
        } catch (IOException e) {
            problems.add(NAME + " cannot be read (" + firstLine(e.getMessage())
                    + "), so the scenario's facts, outcome and scores are not shown");
            return null;
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
                new Fact("misaligned", "misaligned", misaligned.isEmpty() ? "none" : String.join(", ", misaligned)),
                new Fact("units", "scored units", units(o.path("detections"))));
        List<RunContext.Sweep> sweeps = new ArrayList<>();
        o.path("sweeps").forEach(s -> {
            List<RunContext.SweepPoint> points = new ArrayList<>();
            s.path("points").forEach(p -> points.add(new RunContext.SweepPoint(text(p, "value"), lng(p, "tp"), lng(p, "fp"),
                    lng(p, "fn"), dbl(p, "precision"), dbl(p, "recall"))));
            if (text(s, "param") != null && points.stream().allMatch(p -> p.value() != null)) {
                sweeps.add(new RunContext.Sweep(text(s, "rule"), text(s, "param"), text(s, "current"), points));
            }
        });
        return new RunContext(NAME, text(o, "title"), text(o, "description"), facts, misaligned, outcome, scores, truth,
                sweeps);
    }

    /** How the scores' units relate to the audit log's violations, in one line, or null when the file does not say. */
    static String units(JsonNode d) {
        Long v = lng(d, "violations");
        Long u = lng(d, "units");
        Long tpfp = lng(d, "tpPlusFp");
        Long adaptive = lng(d, "adaptiveCaught");
        if (v == null || u == null || tpfp == null) {
            return null;
        }
        return v + " violations name " + u + " (rule, agent, round) units: tp + fp = " + tpfp
                + (adaptive != null && adaptive > 0 ? ", plus " + adaptive + " adaptive acts caught" : "");
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
