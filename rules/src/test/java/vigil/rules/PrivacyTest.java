package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;

class PrivacyTest {

    static final String LEAK = "Passing on personal information to an agent not entitled to it";

    @Test
    void blocksPassingOnWhatIsMarkedPersonal() {
        assertTrue(RuleScenario.packs("privacy")
                .at(1_000).tell("alice", "bob", "health(carol, flu)[personal]")
                .expect(LEAK, "alice")
                .run().verdict("m1").blocked());
    }

    @Test
    void theSubjectAndEntitledAgentsMayBeTold() {
        RuleScenario.packs("privacy")
                .param("privacy.entitled", "doctor, insurer:health")
                .at(1_000).tell("alice", "carol", "health(carol, flu)[personal]")
                .at(2_000).tell("alice", "doctor", "health(carol, flu)[personal]")
                .at(3_000).tell("alice", "insurer", "health(carol, flu)[personal]")
                .at(4_000).tell("alice", "bob", "health(carol, flu)[source(self)]")
                .expectNone()
                .run();
    }

    @Test
    void configuredPredicatesAreSensitiveWithoutAnnotation() {
        RuleScenario.packs("privacy")
                .param("privacy.predicates", "address")
                .param("privacy.entitled", "insurer:health")
                .at(1_000).tell("alice", "insurer", "address(carol, \"3 Elm Street\")")
                .at(2_000).tell("alice", "bob", "price(apple, 3)")
                .expect(LEAK, "alice").expectTimes(LEAK, 1)
                .run();
    }
}
