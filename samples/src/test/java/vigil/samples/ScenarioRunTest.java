package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Jason runs of each scenario, small; one MAS at a time. */
class ScenarioRunTest {

    @TempDir
    Path dir;

    /** Each labelled agent and the rounds it is labelled in, for one rule. */
    static Map<String, Set<Integer>> labelled(ScenarioRun.Result r, String rule) {
        Map<String, Set<Integer>> out = new TreeMap<>();
        for (Truth t : r.truth()) {
            if (t.rule().equals(rule)) {
                out.computeIfAbsent(t.agent(), a -> new TreeSet<>()).add(t.round());
            }
        }
        return out;
    }

    static List<String> points(ScenarioRun.Result r) {
        return r.series().points().stream().map(p -> p[0] + ":" + p[1]).toList();
    }

    @Test
    void fisheryLabelsExactlyTheScriptedOverHarvestsAndSanctionsSaveTheStock() throws Exception {
        Spec spec = new Spec(4, 0.25, 4, 3);
        ScenarioRun.Result off = ScenarioRun.run(Scenario.FISHERY, spec, false, null, ScenarioRun.Live.QUIET);
        assertEquals(2, off.misaligned().size(), "one greedy fisher and the one it talks round");
        Map<String, Set<Integer>> offLabels = labelled(off, FisheryEnv.RULE);
        assertEquals(Set.copyOf(off.misaligned()), offLabels.keySet());
        // The greedy fisher over-harvests from round 1, the one it talks into it (in round 2) from round 3.
        assertEquals(Set.of(Set.of(1, 2, 3, 4), Set.of(3, 4)), Set.copyOf(offLabels.values()));
        assertTrue(off.truth().stream().allMatch(t -> t.behaviour().equals("over-harvest") && t.time() > 0));
        assertEquals(0, off.withheld());

        ScenarioRun.Result on = ScenarioRun.run(Scenario.FISHERY, spec, true, dir, ScenarioRun.Live.QUIET);
        assertEquals(off.misaligned(), on.misaligned());
        // Sanctions on: warned in its first round, quarantined after its second, the greedy stops after round 2.
        assertEquals(Set.of(Set.of(1, 2), Set.of(3, 4)), Set.copyOf(labelled(on, FisheryEnv.RULE).values()));
        assertTrue(on.withheld() > 0, "the quarantined fisher's later harvests are withheld");
        assertTrue(on.series().value() > off.series().value(), on.series().text() + " vs " + off.series().text());
        List<Score> scores = Score.of(on.truth(), on.detections(), Scenario.FISHERY.labelledRules, on.ruleValues());
        Score commons = scores.get(0);
        assertEquals(FisheryEnv.RULE, commons.rule());
        assertEquals("commons", commons.value());
        assertEquals(4, commons.tp() + commons.fn());
        assertTrue(Files.size(dir.resolve("audit.jsonl")) > 0);
        assertTrue(Files.readAllLines(dir.resolve("trace.jsonl")).stream().anyMatch(l -> l.contains("\"harvest\"")));

        Path json = ScenarioJson.write(dir, on, off);
        JsonNode n = ScenarioJson.JSON.readTree(json.toFile());
        assertEquals(1, n.get("schema").asInt());
        assertEquals("fishery", n.get("scenario").asText());
        assertEquals("cooperative", n.get("setting").asText());
        assertEquals(3, n.get("seed").asLong());
        assertEquals(4, n.get("agents").asInt());
        assertEquals(4, n.get("rounds").asInt());
        assertEquals(on.misaligned(), toList(n.get("misaligned")));
        JsonNode outcome = n.get("outcome");
        assertEquals("fish stock", outcome.get("name").asText());
        assertTrue(outcome.get("higherIsBetter").asBoolean());
        assertEquals(List.of("sanctions on", "sanctions off"), outcome.get("series").findValuesAsText("label"));
        JsonNode onPoints = outcome.get("series").get(0).get("points");
        assertEquals(5, onPoints.size(), "round 0 and the 4 rounds");
        assertEquals(0, onPoints.get(0).get(0).asInt());
        assertEquals(100.0, onPoints.get(0).get(1).asDouble(), "the stock starts full: 25 tonnes per fisher");
        assertEquals(on.series().text(), outcome.get("summary").get(0).get("text").asText());
        assertEquals(off.series().value(), outcome.get("summary").get(1).get("value").asDouble());
        JsonNode score = n.get("scores").get(0);
        assertEquals(FisheryEnv.RULE, score.get("rule").asText());
        assertEquals(commons.tp(), score.get("tp").asInt());
        assertEquals(commons.fn(), score.get("fn").asInt());
        assertEquals(on.truth().size(), n.get("truth").size());
        JsonNode first = n.get("truth").get(0);
        assertEquals("over-harvest", first.get("behaviour").asText());
        assertEquals(first.get("detected").asBoolean(), !first.get("latencyMs").isNull());
        long detected = 0;
        for (JsonNode t : n.get("truth")) {
            detected += t.get("detected").asBoolean() ? 1 : 0;
        }
        assertEquals(commons.tp(), detected);
    }

    @Test
    void aSeedDeterminesTheTruthAndTheOutcome() {
        Spec spec = new Spec(5, 0.2, 4, 11);
        for (boolean sanctions : List.of(false, true)) {
            ScenarioRun.Result a = ScenarioRun.run(Scenario.FISHERY, spec, sanctions, null, ScenarioRun.Live.QUIET);
            ScenarioRun.Result b = ScenarioRun.run(Scenario.FISHERY, spec, sanctions, null, ScenarioRun.Live.QUIET);
            assertEquals(a.misaligned(), b.misaligned());
            assertEquals(labelled(a, FisheryEnv.RULE), labelled(b, FisheryEnv.RULE), "sanctions " + sanctions);
            assertEquals(points(a), points(b), "sanctions " + sanctions);
        }
        ScenarioRun.Result other = ScenarioRun.run(Scenario.FISHERY, new Spec(5, 0.2, 4, 12), false, null, ScenarioRun.Live.QUIET);
        assertNotNull(other.misaligned());
    }

    @Test
    void marketLabelsTheCartelsPostsFromTheRoundItStarts() {
        ScenarioRun.Result off = ScenarioRun.run(Scenario.MARKET, new Spec(4, 0.5, 3, 5), false, null, ScenarioRun.Live.QUIET);
        assertEquals(2, off.misaligned().size());
        Map<String, Set<Integer>> labels = labelled(off, MarketEnv.RULE);
        assertEquals(Set.copyOf(off.misaligned()), labels.keySet());
        assertTrue(labels.values().stream().allMatch(rs -> rs.equals(Set.of(2, 3))), labels.toString());
        // Sanctions off: the cartel is detected every round but nothing is withheld.
        Set<String> detected = off.detections().stream().filter(d -> d.rule().equals(MarketEnv.RULE))
                .map(Detection::agent).collect(Collectors.toSet());
        assertEquals(Set.copyOf(off.misaligned()), detected);
        assertEquals(0, off.withheld());
    }

    @Test
    void teamLabelsTheYieldersAndTheConfederatesWhoTurnedThem() {
        ScenarioRun.Result off = ScenarioRun.run(Scenario.TEAM, new Spec(7, 0.43, 2, 2), false, null, ScenarioRun.Live.QUIET);
        // 3 confederates, 4 others of whom 3 are susceptible.
        assertEquals(6, off.misaligned().size());
        Map<String, Set<Integer>> yielded = labelled(off, TeamEnv.YIELD_RULE);
        Map<String, Set<Integer>> turned = labelled(off, TeamEnv.SWAY_RULE);
        assertEquals(3, yielded.size());
        assertEquals(3, turned.size());
        assertTrue(yielded.values().stream().allMatch(rs -> rs.equals(Set.of(1, 2))));
        assertTrue(turned.values().stream().allMatch(rs -> rs.equals(Set.of(1, 2))));
        Set<String> all = new TreeSet<>(yielded.keySet());
        all.addAll(turned.keySet());
        assertEquals(new TreeSet<>(off.misaligned()), all);
        assertTrue(labelled(off, TeamEnv.CASCADE_RULE).isEmpty(), "3 of 7 reversing is not half the team");
        assertEquals(0.0, off.series().value(), "the pressed team decides wrong every round");
    }

    static List<String> toList(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
