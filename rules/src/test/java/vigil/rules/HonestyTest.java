package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import vigil.core.SenderBelief;
import vigil.testing.RuleScenario;
import vigil.testing.RuleScenario.Outcome;

class HonestyTest {

    static final String LIE = "Telling what one believes false";
    static final String UNSURE = "Telling what one does not believe";
    static final String CONTRADICTION = "Telling different agents contradictory things";

    @Test
    void blocksTellingWhatTheSenderBelievesFalse() {
        Outcome o = RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.BELIEVES_NEGATION)
                .expect(LIE, "alice")
                .run();
        assertTrue(o.verdict("m1").blocked());
    }

    @Test
    void flagsTellingWhatTheSenderDoesNotBelieve() {
        Outcome o = RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.NO_BELIEF)
                .expect(UNSURE, "alice").expectNo(LIE)
                .run();
        assertFalse(o.verdict("m1").blocked());
    }

    @Test
    void truthAndUncapturedBeliefsPass() {
        RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.BELIEVES)
                .at(2_000).tell("alice", "bob", "price(pear, 3)")
                .expectNone()
                .run();
    }

    @Test
    void flagsTellingTwoAgentsDifferentThingsWithinTheWindow() {
        RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)")
                .at(5_000).tell("alice", "carol", "price(apple, 14)")
                .expect(CONTRADICTION, "alice")
                .run();
    }

    @Test
    void sameStoryToEveryoneOrACorrectionToTheSameAgentIsNoContradiction() {
        RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)")
                .at(2_000).tell("alice", "carol", "price(apple, 10)")
                .at(3_000).tell("alice", "dave", "price(pear, 12)")
                .at(4_000).tell("alice", "dave", "price(pear, 11)")
                .at(5_000).tell("alice", "carol", "price(plum, 12)")
                .expectNone()
                .run();
    }

    @Test
    void contradictionsFurtherApartThanTheWindowPass() {
        RuleScenario.packs("honesty")
                .param("honesty.window", "30s")
                .at(1_000).tell("alice", "bob", "price(apple, 10)")
                .at(40_000).tell("alice", "carol", "price(apple, 14)")
                .expectNone()
                .run();
    }
}
