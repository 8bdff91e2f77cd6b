package vigil.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import vigil.core.SenderBelief;
import vigil.core.Term;
import vigil.core.RuleSource;

class RuleScenarioTest {

    /** The honesty rules core's tests judge with: one copy, in core's test resources. */
    static final RuleSource HONESTY = honesty();

    static RuleSource honesty() {
        try {
            return new RuleSource("honesty.drl", Files.readString(Path.of("..", "core", "src", "test", "resources", "vigil", "core",
                    "honesty.drl")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnmetExpectationFailsListingWhatFired() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleScenario.rules(HONESTY)
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.NO_BELIEF)
                .expect("Telling what one does not believe", "bob")
                .run());
        assertTrue(e.getMessage().startsWith("expected a violation of rule \"Telling what one does not believe\" by [bob]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("1 fired:"), e.getMessage());
        assertTrue(e.getMessage().contains("\"Telling what one does not believe\" (honesty, gate) by [alice] at 1000 ms:"
                + " told price(apple,10) without believing it [evidence m1]"), e.getMessage());
    }

    @Test
    void aRuleNameThatNoLoadedRuleHasFailsExpectAndExpectNo() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleScenario.rules(HONESTY)
                .at(1_000).tell("alice", "bob", "hi").belief(SenderBelief.BELIEVES)
                .expectNo("Telling what one does not beleive")
                .run());
        assertTrue(e.getMessage().startsWith("no rule named \"Telling what one does not beleive\" is loaded (loaded: "
                + "\"Telling what one believes false\", \"Telling what one does not believe\")"), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> RuleScenario.rules(HONESTY)
                .at(1_000).tell("alice", "bob", "hi").belief(SenderBelief.NO_BELIEF)
                .expect("Lying").run());
    }

    @Test
    void expectNoneFailsWhenSomethingFiresAndPassesWhenNothingDoes() {
        assertThrows(AssertionFailedError.class, () -> RuleScenario.rules(HONESTY)
                .at(1_000).tell("alice", "bob", "hi").belief(SenderBelief.NO_BELIEF).expectNone().run());
        RuleScenario.rules(HONESTY).at(1_000).tell("alice", "bob", "hi").belief(SenderBelief.BELIEVES).expectNone().run();
    }

    @Test
    void expectTimesCountsExactly() {
        RuleScenario s = RuleScenario.rules(HONESTY)
                .at(1_000).tell("alice", "bob", "a").belief(SenderBelief.NO_BELIEF)
                .at(2_000).tell("alice", "bob", "b").belief(SenderBelief.NO_BELIEF);
        s.expectTimes("Telling what one does not believe", 2).run();
        assertThrows(AssertionFailedError.class, () -> s.expectTimes("Telling what one does not believe", 1).run());
    }

    @Test
    void timeOnlyGoesForwardAndUnknownPacksAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> RuleScenario.rules(HONESTY).at(2_000).at(1_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleScenario.packs("nosuchpack"));
        assertTrue(e.getMessage().contains("no rule pack named 'nosuchpack'"), e.getMessage());
    }

    @Test
    void termsAreWrittenAsInAgentSpeak() {
        Term t = TermText.parse("health(carol, \"flu, bad\")[personal, source(self)]");
        assertEquals("health", t.functor());
        assertEquals(Term.string("flu, bad"), t.arg(1));
        assertTrue(t.hasAnnotation("personal"));
        assertEquals("allocation([share(a,1.5),share(b,-2)])", TermText.parse("allocation([share(a, 1.5), share(b, -2)])").toString());
        assertEquals("~rain", TermText.parse("~rain").functor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TermText.parse("price(apple"));
        assertTrue(e.getMessage().contains("')' is missing"), e.getMessage());
    }
}
