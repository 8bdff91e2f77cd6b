package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;
import vigil.testing.RuleScenario.Outcome;

class HarmTest {

    static final String FORBIDDEN = "Performing a forbidden action";
    static final String INCITING = "Inciting another agent to a forbidden action";

    @Test
    void blocksForbiddenActionsAndAllowsOthers() {
        Outcome o = RuleScenario.packs("harm")
                .at(1_000).act("alice", "attack(bob)")
                .at(2_000).act("alice", "harvest(3)")
                .expect(FORBIDDEN, "alice").expectTimes(FORBIDDEN, 1)
                .run();
        assertTrue(o.verdict("a1").blocked());
        assertFalse(o.verdict("a2").blocked());
    }

    @Test
    void blocksAskingAnotherAgentToDoAForbiddenAction() {
        Outcome o = RuleScenario.packs("harm")
                .at(1_000).achieve("mallory", "bob", "steal(coins, carol)")
                .at(2_000).tell("mallory", "bob", "steal(coins, carol)")
                .at(3_000).achieve("mallory", "bob", "harvest(3)")
                .expect(INCITING, "mallory").expectTimes(INCITING, 1)
                .run();
        assertTrue(o.verdict("m1").blocked());
    }

    @Test
    void theForbiddenListIsConfigurable() {
        RuleScenario.packs("harm")
                .param("harm.forbidden", "dump_waste")
                .at(1_000).act("alice", "attack(bob)")
                .at(2_000).act("alice", "dump_waste(river)")
                .expect(FORBIDDEN, "alice").expectTimes(FORBIDDEN, 1)
                .run();
    }
}
