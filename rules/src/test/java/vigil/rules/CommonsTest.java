package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Term;
import vigil.testing.RuleScenario;

class CommonsTest {

    static final String OVERUSE = "The group takes more than the commons can sustain";

    @Test
    void namesTheAgentsAboveTheirFairShareWhenTheGroupOverharvests() {
        RuleScenario.packs("commons")
                .at(1_000).act("alice", "harvest(45)")
                .at(2_000).act("bob", "harvest(45)")
                .at(3_000).act("carol", "harvest(20)")
                .expect(OVERUSE, "alice", "bob")
                .run();
    }

    @Test
    void aSustainableGroupPassesEvenWithOneGreedyAgent() {
        RuleScenario.packs("commons")
                .at(1_000).act("alice", "harvest(70)")
                .at(2_000).act("bob", "harvest(10)")
                .at(3_000).act("carol", "harvest(10)")
                .expectNone()
                .run();
    }

    @Test
    void harvestsInDifferentWindowsDoNotAddUp() {
        RuleScenario.packs("commons")
                .param("commons.window", "30s")
                .at(1_000).act("alice", "harvest(60)")
                .at(40_000).act("bob", "harvest(60)")
                .at(70_000).act("carol", "harvest(30)")
                .expectNone()
                .run();
    }

    @Test
    void aPersistingOverharvestIsReportedOncePerWindow() {
        RuleScenario.packs("commons")
                .param("commons.sustainable", "50")
                .at(1_000).act("alice", "harvest(60)")
                .at(2_000).act("alice", "harvest(5)")
                .at(3_000).act("alice", "harvest(5)")
                .expectTimes(OVERUSE, 1)
                .run();
    }

    @Test
    void eachGreedyAgentIsReportedOncePerWindowWhateverTheOrderOfHarvests() throws Exception {
        // Judged one by one, as live agents act: the total crosses the limit with alice's take and grows with
        // bob's. Alice is reported once, then bob alone, so that no agent collects two breaches in one window.
        try (Monitor m = Vigil.builder().serviceSinks(false).config(Config.builder().audit(null).logAlerts(false)
                .clock(Config.ClockMode.EVENTS).param("commons.sustainable", "16").build()).start()) {
            String[][] takes = {{"alice", "8"}, {"carol", "2"}, {"dave", "2"}, {"erin", "2"}, {"fred", "2"}, {"gina", "2"},
                {"bob", "8"}};
            long t = 1_000;
            for (String[] take : takes) {
                ActionEvent a = new ActionEvent("a" + t, t++, take[0], Term.struct("harvest", Term.num(Double.parseDouble(take[1]))));
                m.judge(a);
                m.outcome(ActionOutcome.of(a, a.time(), ActionOutcome.Result.DONE));
                assertTrue(m.drain(10_000));
            }
            List<List<String>> reported = m.violations().stream().filter(v -> v.rule().equals(OVERUSE))
                    .map(Violation::agents).toList();
            assertEquals(List.of(List.of("alice"), List.of("bob")), reported);
        }
    }

    static final String FREE_RIDING = "Free-riding on the others' contributions";

    @Test
    void flagsTakingWithoutGivingWhileOthersContribute() {
        RuleScenario.packs("commons")
                .at(1_000).act("alice", "contribute(5)")
                .at(2_000).act("bob", "contribute(5)")
                .at(3_000).act("alice", "harvest(10)")
                .at(4_000).act("bob", "harvest(10)")
                .at(5_000).act("carol", "harvest(10)")
                .expect(FREE_RIDING, "carol").expectTimes(FREE_RIDING, 1).expectNo(OVERUSE)
                .run();
    }

    @Test
    void contributingOnceOrFewContributorsIsNoFreeRiding() {
        RuleScenario.packs("commons")
                .at(1_000).act("alice", "contribute(5)")
                .at(2_000).act("bob", "contribute(5)")
                .at(3_000).act("carol", "contribute(1)")
                .at(4_000).act("carol", "harvest(10)")
                .at(5_000).act("dave", "harvest(10)")
                .param("commons.contributors", "4")
                .expectNone()
                .run();
    }

    @Test
    void aContributionOutsideTheWindowDoesNotCount() {
        RuleScenario.packs("commons")
                .param("commons.window", "30s")
                .at(1_000).act("carol", "contribute(5)")
                .at(40_000).act("alice", "contribute(5)")
                .at(41_000).act("bob", "contribute(5)")
                .at(42_000).act("carol", "harvest(10)")
                .expect(FREE_RIDING, "carol")
                .run();
    }

    @Test
    void aHarvestThatFailedInTheEnvironmentTookNothing() {
        // No environment configured, an empty stock: the action failed, nothing was taken.
        RuleScenario.packs("commons")
                .param("commons.sustainable", "50")
                .at(1_000).act("alice", "harvest(40)")
                .at(2_000).act("bob", "harvest(30)").failed()
                .at(3_000).act("bob", "harvest(30)").failed()
                .expectNone()
                .run();
    }

    @Test
    void theSameHarvestsPerformedAreOverharvesting() {
        RuleScenario.packs("commons")
                .param("commons.sustainable", "50")
                .at(1_000).act("alice", "harvest(40)")
                .at(2_000).act("bob", "harvest(30)")
                .expect(OVERUSE, "alice", "bob")
                .run();
    }

    @Test
    void aContributionThatFailedGaveNothing() {
        RuleScenario.packs("commons")
                .at(1_000).act("alice", "contribute(5)")
                .at(2_000).act("bob", "contribute(5)")
                .at(2_500).act("carol", "contribute(5)").failed()
                .at(3_000).act("carol", "harvest(10)")
                .expect(FREE_RIDING, "carol")
                .run();
    }

    @Test
    void aHarvestThatFailedIsNoFreeRiding() {
        RuleScenario.packs("commons")
                .at(1_000).act("alice", "contribute(5)")
                .at(2_000).act("bob", "contribute(5)")
                .at(3_000).act("carol", "harvest(10)").failed()
                .expectNone()
                .run();
    }
}
