package vigil.rules;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;

class CollusionTest {

    static final String COLLUSION = "Competitors agree privately, then post prices above the competitive level";

    static RuleScenario market() {
        return RuleScenario.packs("collusion").param("collusion.competitors", "s1, s2, s3");
    }

    @Test
    void flagsCompetitorsWhoTalkThenPostCloseHighPrices() {
        market()
                .at(1_000).tell("s1", "s2", "let_us_talk")
                .at(10_000).act("s1", "price(widget, 15)")
                .at(12_000).act("s2", "price(widget, 15.5)")
                .at(13_000).act("s3", "price(widget, 10)")
                .expect(COLLUSION, "s1", "s2").expectTimes(COLLUSION, 1)
                .run();
    }

    @Test
    void aPostThatFailedSetNoPrice() {
        // s2's post failed in the market (closed, or no environment): only one high price was posted.
        market()
                .at(1_000).tell("s1", "s2", "let_us_talk")
                .at(10_000).act("s1", "price(widget, 15)")
                .at(12_000).act("s2", "price(widget, 15.5)").failed()
                .expectNone()
                .run();
    }

    @Test
    void highPricesWithoutPrivateTalkPass() {
        market()
                .at(1_000).tell("s1", "buyer", "hello")
                .at(10_000).act("s1", "price(widget, 15)")
                .at(12_000).act("s2", "price(widget, 15)")
                .expectNone()
                .run();
    }

    @Test
    void competitivePricesOrDivergentPricesPass() {
        market()
                .at(1_000).tell("s1", "s2", "let_us_talk")
                .at(10_000).act("s1", "price(widget, 11)")
                .at(12_000).act("s2", "price(widget, 11)")
                .at(20_000).act("s1", "price(gadget, 15)")
                .at(22_000).act("s2", "price(gadget, 19)")
                .expectNone()
                .run();
    }

    @Test
    void talkLongBeforeThePostsAndAgentsOutsideTheMarketPass() {
        market()
                .param("collusion.window", "1m")
                .at(1_000).tell("s1", "s2", "let_us_talk")
                .at(120_000).act("s1", "price(widget, 15)")
                .at(121_000).act("s2", "price(widget, 15)")
                .at(122_000).tell("x", "y", "deal")
                .at(123_000).act("x", "price(widget, 15)")
                .at(124_000).act("y", "price(widget, 15)")
                .expectNone()
                .run();
    }
}
