package vigil.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vigil.core.SenderBelief;
import vigil.testing.RuleScenario;
import vigil.testing.RuleScenario.Outcome;

/**
 * The honesty pack, rule by rule: each honest idiom of real agent programs that used to be flagged (a proposal,
 * a reply, a registration, a bid, a round-stamped report, a price update told to everyone) next to the
 * violation it must still catch.
 */
class HonestyTest {

    static final String LIE = "Telling what one believes false";
    static final String UNSURE = "Telling what one does not believe";
    static final String CONTRADICTION = "Telling different agents contradictory things";

    @Test
    void blocksTellingWhatTheSenderBelievesFalseAndCitesTheBelief() {
        Outcome o = RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.BELIEVES_NEGATION)
                .expect(LIE, "alice")
                .run();
        assertTrue(o.verdict("m1").blocked());
        assertTrue(o.of(LIE).get(0).explanation().endsWith("while believing ~price(apple,10)"), o.describe());
    }

    @Test
    void aLieIsALieWhateverTheContent() {
        // Even in a predicate it keeps no other belief of: it believes the opposite.
        RuleScenario.packs("honesty")
                .at(1_000).tell("p1", "c", "propose(1, 100)").belief(SenderBelief.BELIEVES_NEGATION)
                .expect(LIE, "p1")
                .run();
    }

    @Test
    void flagsTellingAFactTheSenderModelsButDoesNotHold() {
        Outcome o = RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.NO_BELIEF)
                .expect(UNSURE, "alice").expectNo(LIE)
                .run();
        assertFalse(o.verdict("m1").blocked());
        assertTrue(o.of(UNSURE).get(0).explanation().contains("keeps beliefs of its own of price/2"), o.describe());
    }

    @Test
    void proposalsRepliesRegistrationsAndGreetingsTheSenderDoesNotModelPass() {
        // What Jason's Contract Net, its St Claus and a game's players tell: nothing the sender keeps beliefs of.
        RuleScenario.packs("honesty")
                .at(1_000).tell("c", "p1", "cfp(1, fix(computer))").belief(SenderBelief.UNMODELLED)
                .at(1_100).tell("p1", "c", "propose(1, 100.2)").belief(SenderBelief.UNMODELLED)
                .at(1_200).tell("pr", "c", "refuse(1)").belief(SenderBelief.UNMODELLED)
                .at(1_300).tell("bob", "arbiter", "player(bob)").belief(SenderBelief.UNMODELLED)
                .at(1_400).tell("elf1", "santa", "done").belief(SenderBelief.UNMODELLED)
                .at(1_500).tell("maria", "bob", "hello(bob)").belief(SenderBelief.UNMODELLED)
                .expectNone()
                .run();
    }

    @Test
    void thePlatformsDirectoryFacilitatorIsNotJudgedForBelief() {
        // Jason's df answers subscriptions from its registry; a project agent doing the same is judged.
        RuleScenario.packs("honesty")
                .at(1_000).tell("df", "p1", "provider(c, \"initiator\")").belief(SenderBelief.NO_BELIEF)
                .at(2_000).tell("registry", "p1", "provider(c, \"initiator\")").belief(SenderBelief.NO_BELIEF)
                .expect(UNSURE, "registry").expectTimes(UNSURE, 1)
                .run();
    }

    @Test
    void aPredicateTheProjectDeclaresFactualIsJudgedEvenWhereTheSenderKeepsNone() {
        RuleScenario.packs("honesty")
                .param("honesty.factual", "price, stock")
                .at(1_000).tell("alice", "bob", "price(apple, 10)").belief(SenderBelief.UNMODELLED)
                .at(2_000).tell("alice", "bob", "propose(1, 10)").belief(SenderBelief.UNMODELLED)
                .expect(UNSURE, "alice").expectTimes(UNSURE, 1)
                .run();
    }

    @Test
    void theHonestAuctionPasses() {
        // Bidders tell the auctioneer their bids; none keeps a bid belief of its own (UNMODELLED).
        RuleScenario.packs("honesty")
                .at(1_000).tell("auctioneer", "b1", "auction(lamp)").belief(SenderBelief.BELIEVES)
                .at(1_000).tell("auctioneer", "b2", "auction(lamp)").belief(SenderBelief.BELIEVES)
                .at(1_000).tell("auctioneer", "b3", "auction(lamp)").belief(SenderBelief.BELIEVES)
                .at(2_000).tell("b1", "auctioneer", "bid(lamp, 10)").belief(SenderBelief.UNMODELLED)
                .at(2_100).tell("b2", "auctioneer", "bid(lamp, 12)").belief(SenderBelief.UNMODELLED)
                .at(2_200).tell("b3", "auctioneer", "bid(lamp, 9)").belief(SenderBelief.UNMODELLED)
                .at(5_000).tell("auctioneer", "b1", "winner(lamp, b2)").belief(SenderBelief.BELIEVES)
                .at(5_000).tell("auctioneer", "b2", "winner(lamp, b2)").belief(SenderBelief.BELIEVES)
                .at(5_000).tell("auctioneer", "b3", "winner(lamp, b2)").belief(SenderBelief.BELIEVES)
                .until(30_000)
                .expectNone()
                .run();
    }

    @Test
    void bidsToTwoHousesAreOffersNotClaims() {
        // The bidder keeps no bid beliefs of its own: two offers, to two houses, are no contradiction.
        RuleScenario.packs("honesty")
                .at(2_000).tell("b1", "house1", "bid(lamp, 10)").belief(SenderBelief.UNMODELLED)
                .at(2_100).tell("b1", "house2", "bid(lamp, 30)").belief(SenderBelief.UNMODELLED)
                .until(30_000)
                .expectNone()
                .run();
    }

    @Test
    void anArbitersResultsToldToEachPlayerAboutItselfAreNoContradiction() {
        // Jason's iterated prisoners' dilemma: each of a pair hears its partner and its own score.
        RuleScenario.packs("honesty")
                .at(1_000).tell("arbitrer", "p1", "arrested(0, p2)").belief(SenderBelief.UNMODELLED)
                .at(1_000).tell("arbitrer", "p2", "arrested(0, p1)").belief(SenderBelief.UNMODELLED)
                .at(1_500).tell("arbitrer", "p1", "score(0, 0)").belief(SenderBelief.UNMODELLED)
                .at(1_500).tell("arbitrer", "p2", "score(0, 5)").belief(SenderBelief.UNMODELLED)
                .until(30_000)
                .expectNone()
                .run();
    }

    @Test
    void twoValuesOfAPredicateTheProjectDeclaresFactualContradictEvenUnmodelled() {
        RuleScenario.packs("honesty")
                .param("honesty.factual", "bid")
                .at(2_000).tell("b1", "house1", "bid(lamp, 10)").belief(SenderBelief.UNMODELLED)
                .at(2_100).tell("b1", "house2", "bid(lamp, 30)").belief(SenderBelief.UNMODELLED)
                .until(30_000)
                .expect(CONTRADICTION, "b1")
                .run();
    }

    @Test
    void aSellerQuotingAPriceItDoesNotHoldBesideTheOneItDoesContradictsItself() {
        // It keeps its price list: 10 for the first round; it tells one buyer 10 and the other 14.
        RuleScenario.packs("honesty")
                .at(1_000).tell("seller", "alice", "price(apple, 1, 10)").belief(SenderBelief.BELIEVES)
                .at(1_000).tell("seller", "bob", "price(apple, 1, 14)").belief(SenderBelief.NO_BELIEF)
                .until(30_000)
                .expect(CONTRADICTION, "seller")
                .run();
    }

    @Test
    void flagsTellingTwoAgentsDifferentThingsWithinTheWindowAndCitesBothClaims() {
        Outcome o = RuleScenario.packs("honesty")
                .at(1_000).tell("alice", "bob", "price(apple, 10)")
                .at(5_000).tell("alice", "carol", "price(apple, 14)")
                .until(30_000)
                .expect(CONTRADICTION, "alice")
                .run();
        String why = o.of(CONTRADICTION).get(0).explanation();
        assertTrue(why.contains("price(apple,10)") && why.contains("price(apple,14)"), why);
        assertTrue(o.of(CONTRADICTION).get(0).evidence().containsAll(java.util.List.of("m1", "m2")), o.describe());
    }

    @Test
    void roundStampedPricesRestatedEveryRoundAreNoContradiction() {
        // The round is a qualifier of the claim: price(apple, 2, 12) does not contradict price(apple, 1, 10).
        RuleScenario.packs("honesty")
                .at(1_000).tell("seller", "alice", "price(apple, 1, 10)")
                .at(1_000).tell("seller", "bob", "price(apple, 1, 10)")
                .at(6_000).tell("seller", "alice", "price(apple, 2, 12)")
                .at(6_100).tell("seller", "bob", "price(apple, 2, 12)")
                .at(11_000).tell("seller", "bob", "price(apple, 3, 11)")
                .at(11_100).tell("seller", "alice", "price(apple, 3, 11)")
                .until(30_000)
                .expectNone()
                .run();
    }

    @Test
    void twoPricesForTheSameRoundContradict() {
        RuleScenario.packs("honesty")
                .at(1_000).tell("seller", "alice", "price(apple, 1, 10)")
                .at(1_000).tell("seller", "bob", "price(apple, 1, 10)")
                .at(6_000).tell("seller", "alice", "price(apple, 2, 12)")
                .at(6_100).tell("seller", "bob", "price(apple, 2, 16)")
                .until(30_000)
                .expect(CONTRADICTION, "seller").expectTimes(CONTRADICTION, 1)
                .run();
    }

    @Test
    void anUpdateToldToEveryoneIsNoContradiction() {
        RuleScenario.packs("honesty")
                .at(1_000).tell("seller", "alice", "price(apple, 10)")
                .at(1_000).tell("seller", "bob", "price(apple, 10)")
                .at(20_000).tell("seller", "bob", "price(apple, 12)")
                .at(20_050).tell("seller", "alice", "price(apple, 12)")
                .until(60_000)
                .expectNone()
                .run();
    }

    @Test
    void aChangeOfMindBelievedEachTimeIsNoContradiction() {
        RuleScenario.packs("honesty")
                .at(1_000).tell("seller", "alice", "price(apple, 10)").belief(SenderBelief.BELIEVES)
                .at(20_000).tell("seller", "bob", "price(apple, 12)").belief(SenderBelief.BELIEVES)
                .until(60_000)
                .expectNone()
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
                .at(6_000).tell("alice", "carol", "player(alice)")
                .at(6_000).tell("alice", "dave", "player(bob)")
                .until(30_000)
                .expectNone()
                .run();
    }

    @Test
    void contradictionsFurtherApartThanTheWindowPass() {
        RuleScenario.packs("honesty")
                .param("honesty.window", "30s")
                .at(1_000).tell("alice", "bob", "price(apple, 10)")
                .at(40_000).tell("alice", "carol", "price(apple, 14)")
                .until(80_000)
                .expectNone()
                .run();
    }

    // The rumour's liar: it tells its neighbours both values of one report, a millisecond apart, holding both.
    @Test
    void aSenderHoldingBothValuesOfAFunctionalClaimAndTellingEachToADifferentAgentIsFlagged() {
        RuleScenario.packs("honesty")
                .param("honesty.window", "5s")
                .param("honesty.functional", "report")
                .at(1_001).tell("liar", "n1", "report(r1, open)").belief(SenderBelief.BELIEVES_OTHER_VALUE)
                .at(1_002).tell("liar", "n2", "report(r1, closed)").belief(SenderBelief.BELIEVES_OTHER_VALUE)
                .at(1_003).tell("liar", "n3", "report(r1, open)").belief(SenderBelief.BELIEVES_OTHER_VALUE)
                .until(9_999)
                .expect(CONTRADICTION, "liar")
                .run();
    }

    @Test
    void aContradictionIsJudgedWhenTheClockJumpsPastTheWindow() {
        // A scenario's round ends by moving the clock to its last millisecond: one jump past the pair's settle
        // and past its window.
        RuleScenario.packs("honesty")
                .param("honesty.window", "5s")
                .at(3_001).tell("liar", "n1", "report(r1, open)")
                .at(3_002).tell("liar", "n2", "report(r1, closed)")
                .until(9_999)
                .expect(CONTRADICTION, "liar")
                .run();
    }

    @Test
    void aContradictionToldNearlyAWindowApartIsJudgedOnASmoothClock() {
        // The later tell 4.5 s after the first, with a 5 s window: the first leaves its window before the
        // settle is over; other traffic moves the clock on every 100 ms.
        RuleScenario s = RuleScenario.packs("honesty")
                .param("honesty.window", "5s")
                .at(1_000).tell("liar", "n1", "report(r1, open)")
                .at(5_500).tell("liar", "n2", "report(r1, closed)");
        for (long t = 5_600; t <= 12_000; t += 100) {
            s.at(t).send("n3", "n4", "achieve", "ping");
        }
        s.expect(CONTRADICTION, "liar").run();
    }

    @Test
    void anUpdateToldToTheFirstReceiverAfterAClockJumpStillExcuses() {
        RuleScenario.packs("honesty")
                .param("honesty.window", "5s")
                .at(1_000).tell("seller", "alice", "price(apple, 10)")
                .at(1_000).tell("seller", "bob", "price(apple, 10)")
                .at(3_000).tell("seller", "bob", "price(apple, 12)")
                .at(3_900).tell("seller", "alice", "price(apple, 12)")
                .until(9_999)
                .expectNone()
                .run();
    }

    @Test
    void aRelationOfSeveralValuesTheSenderHoldsIsNoContradiction() {
        // Two pieces of gold in one column, each told to a different miner: gold(3, 5) and gold(3, 7) both hold.
        RuleScenario.packs("honesty")
                .at(1_000).tell("leader", "miner1", "gold(3, 5)").belief(SenderBelief.BELIEVES_OTHER_VALUE)
                .at(1_100).tell("leader", "miner2", "gold(3, 7)").belief(SenderBelief.BELIEVES_OTHER_VALUE)
                .until(30_000)
                .expectNone()
                .run();
    }

    @Test
    void aChangeOfMindOnAFunctionalClaimIsNoContradiction() {
        // The road reopened: the witness dropped the old report (-+) before telling the next agent.
        RuleScenario.packs("honesty")
                .param("honesty.functional", "report")
                .at(1_000).tell("witness", "n1", "report(r1, closed)").belief(SenderBelief.BELIEVES)
                .at(9_000).tell("witness", "n2", "report(r1, open)").belief(SenderBelief.BELIEVES)
                .until(30_000)
                .expectNone()
                .run();
    }
}
