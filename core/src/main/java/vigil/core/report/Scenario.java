package vigil.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario run says about itself in {@code scenario.json}: its facts, ground truth, outcome series and
 * scores. Every field is optional here, so that a file from a newer or older runner still gives a page;
 * unknown fields are ignored.
 */
record Scenario(
        String id,
        String title,
        String setting,
        String description,
        Long seed,
        Long agents,
        Long rounds,
        List<String> misaligned,
        Outcome outcome,
        List<Score> scores,
        List<Truth> truth) {

    record Outcome(String name, String unit, Boolean higherIsBetter, List<Series> series, List<Summary> summary) {
    }

    /** One run's outcome: points are (round, value). */
    record Series(String label, List<double[]> points) {
    }

    record Summary(String label, Double value, String text) {
    }

    record Score(String rule, String value, Long tp, Long fp, Long fn, Double precision, Double recall,
            Double latencyMedianMs, Double latencyMaxMs) {
    }

    record Truth(String agent, String behaviour, Long round, Long time, String rule, Boolean detected, Double latencyMs) {
    }

    /** Reads the object of a {@code scenario.json}; fields of the wrong type count as absent. */
    static Scenario of(JsonNode o) {
        List<String> misaligned = new ArrayList<>();
        o.path("misaligned").forEach(n -> {
            if (n.isTextual()) {
                misaligned.add(n.asText());
            }
        });
        JsonNode out = o.path("outcome");
        Outcome outcome = null;
        if (out.isObject()) {
            List<Series> series = new ArrayList<>();
            out.path("series").forEach(s -> {
                List<double[]> points = new ArrayList<>();
                s.path("points").forEach(p -> {
                    if (p.isArray() && p.size() >= 2 && p.get(0).isNumber() && p.get(1).isNumber()) {
                        points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
                    }
                });
                series.add(new Series(text(s, "label"), points));
            });
            List<Summary> summary = new ArrayList<>();
            out.path("summary").forEach(s -> summary.add(new Summary(text(s, "label"), dbl(s, "value"), text(s, "text"))));
            outcome = new Outcome(text(out, "name"), text(out, "unit"),
                    out.path("higherIsBetter").isBoolean() ? out.get("higherIsBetter").asBoolean() : null, series, summary);
        }
        List<Score> scores = new ArrayList<>();
        o.path("scores").forEach(s -> scores.add(new Score(text(s, "rule"), text(s, "value"), lng(s, "tp"), lng(s, "fp"),
                lng(s, "fn"), dbl(s, "precision"), dbl(s, "recall"), dbl(s, "latencyMedianMs"), dbl(s, "latencyMaxMs"))));
        List<Truth> truth = new ArrayList<>();
        o.path("truth").forEach(t -> truth.add(new Truth(text(t, "agent"), text(t, "behaviour"), lng(t, "round"),
                lng(t, "time"), text(t, "rule"), t.path("detected").isBoolean() ? t.get("detected").asBoolean() : null,
                dbl(t, "latencyMs"))));
        return new Scenario(text(o, "scenario"), text(o, "title"), text(o, "setting"), text(o, "description"),
                lng(o, "seed"), lng(o, "agents"), lng(o, "rounds"), misaligned, outcome, scores, truth);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static Double dbl(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Long lng(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isIntegralNumber() ? n.asLong() : n.isNumber() ? Math.round(n.asDouble()) : null;
    }
}
