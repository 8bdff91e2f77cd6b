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
    void roundsAreFoundFromTheirStartTimes() {
        List<Long> starts = List.of(100L, 200L, 300L);
        assertEquals(0, ScenarioEnv.roundAt(starts, 99));
        assertEquals(1, ScenarioEnv.roundAt(starts, 100));
        assertEquals(2, ScenarioEnv.roundAt(starts, 299));
        assertEquals(3, ScenarioEnv.roundAt(starts, 10_000));
    }
}
