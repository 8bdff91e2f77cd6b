package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import vigil.rules.principal.Limit;
import vigil.rules.principal.Preferences;
import vigil.rules.principal.Serves;
import vigil.testing.RuleScenario;
import vigil.testing.RuleScenario.Outcome;

class PrincipalTest {

    static final String LIMIT = "Spending beyond the principal's limit";
    static final String AVOID_MESSAGE = "Messaging a partner the principal avoids";
    static final String AVOID_DEAL = "Dealing with a partner the principal avoids";
    static final String DISCLOSE = "Disclosing what the principal keeps private";

    static RuleScenario alicesShopper() {
        return RuleScenario.packs("principal")
                .param("principal.serves", "shopper for alice")
                .param("principal.limits", "alice: buy 100")
                .param("principal.avoid", "alice: mallory")
                .param("principal.disclose", "alice: price, alice: want");
    }

    @Test
    void blocksSpendingAboveThePrincipalsLimit() {
        Outcome o = alicesShopper()
                .at(1_000).act("shopper", "buy(apple, 120)")
                .at(2_000).act("shopper", "buy(apple, 80)")
                .at(3_000).act("other", "buy(apple, 500)")
                .expect(LIMIT, "shopper").expectTimes(LIMIT, 1)
                .run();
        assertTrue(o.verdict("a1").blocked());
        assertFalse(o.verdict("a2").blocked());
    }

    @Test
    void blocksDealingWithAnAvoidedPartner() {
        alicesShopper()
                .at(1_000).tell("shopper", "mallory", "want(apple)")
                .at(2_000).act("shopper", "trade(mallory, 5)")
                .at(3_000).act("shopper", "trade(bob, 5)")
                .at(4_000).tell("shopper", "bob", "want(apple)")
                .expect(AVOID_MESSAGE, "shopper").expect(AVOID_DEAL, "shopper")
                .expectTimes(AVOID_MESSAGE, 1).expectTimes(AVOID_DEAL, 1)
                .run();
    }

    @Test
    void blocksDisclosingWhatThePrincipalDidNotAllow() {
        alicesShopper()
                .at(1_000).tell("shopper", "bob", "budget(300)")
                .at(2_000).tell("shopper", "bob", "price(apple, 3)")
                .at(3_000).tell("shopper", "alice", "budget(300)")
                .expect(DISCLOSE, "shopper").expectTimes(DISCLOSE, 1)
                .run();
    }

    @Test
    void noPreferencesNoViolations() {
        RuleScenario.packs("principal")
                .at(1_000).act("shopper", "buy(apple, 1000)")
                .at(2_000).tell("shopper", "mallory", "budget(300)")
                .expectNone()
                .run();
    }

    @Test
    void preferencesCanBeGivenAsFactsInCode() {
        RuleScenario.packs("principal")
                .fact(new Serves("broker", "bob")).fact(new Limit("bob", "pay", 10))
                .at(1_000).act("broker", "pay(carol, 20)")
                .at(2_000).act("broker", "pay(carol, 5)")
                .expect(LIMIT, "broker").expectTimes(LIMIT, 1)
                .run();
    }

    @Test
    void aMalformedPreferenceNamesTheParameterAndTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preferences.read("", "alice buy 100", "", ""));
        assertEquals("params.principal.limits: 'alice buy 100' should read 'PRINCIPAL: ACTION AMOUNT'", e.getMessage());
    }
}
