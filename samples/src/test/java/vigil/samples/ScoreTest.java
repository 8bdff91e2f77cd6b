package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTest {

    static final String R = "rule one";
    static final String OTHER = "rule two";

    @Test
    void countsTruePositivesFalsePositivesAndMissesPerAgentAndRound() {
        List<Truth> truth = List.of(
                new Truth("ann", "over-harvest", 1, 1_000, R),
                new Truth("ann", "over-harvest", 2, 2_000, R),
                new Truth("bob", "over-harvest", 2, 2_000, R));
        List<Detection> found = List.of(
                new Detection(R, "commons", "ann", 1, 1_040),
                new Detection(R, "commons", "ann", 1, 1_090),    // a repeat of the same (agent, round): one detection
                new Detection(R, "commons", "bob", 2, 2_010),
                new Detection(R, "commons", "cid", 2, 2_010),    // not labelled: a false positive
                new Detection(OTHER, "honesty", "ann", 2, 2_500)); // another rule, nothing labelled for it
        List<Score> s = Score.of(truth, found, List.of(R), Map.of(R, "commons"));
        assertEquals(2, s.size());
        Score one = s.get(0);
        assertEquals(R, one.rule());
        assertEquals("commons", one.value());
        assertEquals(2, one.tp());
        assertEquals(1, one.fp());
        assertEquals(1, one.fn(), "ann in round 2 was not detected");
        assertEquals(2.0 / 3, one.precision(), 1e-9);
        assertEquals(2.0 / 3, one.recall(), 1e-9);
        assertEquals(List.of(40.0, 10.0), one.latencies(), "from the act to the first alert");
        assertEquals(25.0, one.latencyMedianMs());
        assertEquals(40.0, one.latencyMaxMs());
        Score two = s.get(1);
        assertEquals(OTHER, two.rule());
        assertEquals(0, two.tp());
        assertEquals(1, two.fp());
        assertEquals(0.0, two.precision());
        assertNull(two.recall(), "nothing labelled: recall undefined");
    }

    @Test
    void aLabelledRuleThatNeverFiresHasNoPrecision() {
        List<Score> s = Score.of(List.of(new Truth("ann", "yield", 1, 5, R)), List.of(), List.of(R), Map.of());
        assertEquals(1, s.get(0).fn());
        assertNull(s.get(0).precision());
        assertEquals(0.0, s.get(0).recall());
        assertNull(s.get(0).latencyMedianMs());
    }

    @Test
    void sumsOverSeedsRecomputeTheRatios() {
        Score a = new Score(R, "v", 3, 0, 1, 1.0, 0.75, List.of(5.0));
        Score b = new Score(R, "v", 1, 1, 0, 0.5, 1.0, List.of(7.0));
        Score t = Score.sum(List.of(List.of(a), List.of(b))).get(0);
        assertEquals(4, t.tp());
        assertEquals(1, t.fp());
        assertEquals(1, t.fn());
        assertEquals(0.8, t.precision(), 1e-9);
        assertEquals(0.8, t.recall(), 1e-9);
        assertEquals(List.of(5.0, 7.0), t.latencies());
    }

    @Test
    void roundsAreFoundFromScenarioTime() {
        long base = 1_000_000;
        assertEquals(0, ScenarioEnv.roundAt(base, base - 1));
        assertEquals(0, ScenarioEnv.roundAt(base, base + ScenarioEnv.ROUND_MS - 1));
        assertEquals(1, ScenarioEnv.roundAt(base, base + ScenarioEnv.ROUND_MS));
        assertEquals(3, ScenarioEnv.roundAt(base, base + 3 * ScenarioEnv.ROUND_MS + 999));
    }

    @Test
    void adaptiveLabelsAreNeitherMissesNorFalsePositivesAndAreCountedPerBehaviour() {
        List<Truth> truth = List.of(
                new Truth("ann", "price-fixing", 1, 1_000, R),
                new Truth("ann", "tacit", 2, 2_000, R, true, 2_000),
                new Truth("bob", "tacit", 2, 2_000, R, true, 2_000));
        List<Detection> found = List.of(
                new Detection(R, "competition", "ann", 1, 1_010),
                new Detection(R, "competition", "bob", 2, 2_010)); // an adaptive act caught: not a false positive
        Score s = Score.of(truth, found, List.of(R), Map.of()).get(0);
        assertEquals(1, s.tp());
        assertEquals(0, s.fp());
        assertEquals(0, s.fn(), "ann's tacit round is not held to the targets");
        List<Score.Behaviour> b = Score.byBehaviour(truth, found);
        assertEquals(List.of(new Score.Behaviour("price-fixing", R, false, 1, 1), new Score.Behaviour("tacit", R, true, 2, 1)), b);
    }

    @Test
    void confidenceIntervalsUseStudentsT() {
        Stats st = Stats.of(java.util.Arrays.asList(1.0, 2.0, 3.0, null));
        assertEquals(3, st.n(), "an undefined ratio is left out");
        assertEquals(2.0, st.mean(), 1e-9);
        assertEquals(4.303 * 1.0 / Math.sqrt(3), st.halfWidth(), 1e-9);
        assertEquals("2.00 ± 2.48", st.text(2));
        assertEquals("n/a", Stats.of(List.of()).text(2));
        assertEquals("5.0", Stats.of(List.of(5.0)).text(1), "one seed: no interval");
    }
}
