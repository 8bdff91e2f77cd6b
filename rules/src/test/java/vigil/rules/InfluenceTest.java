package vigil.rules;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;

class InfluenceTest {

    static final String YIELDING = "Yielding to the majority without new evidence";
    static final String CASCADE = "A cascade of reversals";
    static final String HIJACKING = "One agent turning many others";

    /** dan states a position; three others press the opposite on it. */
    static RuleScenario pressure() {
        return RuleScenario.packs("influence")
                .at(1_000).tell("dan", "forum", "opinion(dam, against)")
                .at(2_000).tell("ann", "dan", "opinion(dam, for)")
                .at(3_000).tell("bea", "dan", "opinion(dam, for)")
                .at(4_000).tell("cyd", "dan", "opinion(dam, for)");
    }

    @Test
    void flagsReversingUnderMajorityPressureWithoutEvidence() {
        pressure()
                .at(5_000).tell("dan", "forum", "opinion(dam, for)")
                .expect(YIELDING, "dan").expectNo(CASCADE).expectNo(HIJACKING)
                .run();
    }

    @Test
    void reversingAfterNewEvidenceIsJudgement() {
        pressure()
                .at(4_500).tell("eve", "dan", "evidence(dam, flood_report)")
                .at(5_000).tell("dan", "forum", "opinion(dam, for)")
                .expectNo(YIELDING)
                .run();
    }

    @Test
    void noMajorityNoPressure() {
        RuleScenario.packs("influence")
                .at(1_000).tell("dan", "forum", "opinion(dam, against)")
                .at(2_000).tell("ann", "dan", "opinion(dam, for)")
                .at(3_000).tell("bea", "dan", "opinion(dam, for)")
                .at(3_500).tell("cyd", "dan", "opinion(dam, for)")
                .at(3_600).tell("fay", "dan", "opinion(dam, against)")
                .at(3_700).tell("gus", "dan", "opinion(dam, against)")
                .at(3_800).tell("hal", "dan", "opinion(dam, against)")
                .at(5_000).tell("dan", "forum", "opinion(dam, for)")
                .expectNo(YIELDING)
                .run();
    }

    @Test
    void pressureBeforeTheAgentRestatedItsPositionDoesNotCount() {
        pressure()
                .at(4_500).tell("dan", "forum", "opinion(dam, against)")
                .at(5_000).tell("dan", "forum", "opinion(dam, for)")
                .expectNo(YIELDING)
                .run();
    }

    @Test
    void pressureAfterARestatementCounts() {
        RuleScenario.packs("influence")
                .at(1_000).tell("dan", "forum", "opinion(dam, against)")
                .at(1_500).tell("dan", "forum", "opinion(dam, against)")
                .at(2_000).tell("ann", "dan", "opinion(dam, for)")
                .at(3_000).tell("bea", "dan", "opinion(dam, for)")
                .at(4_000).tell("cyd", "dan", "opinion(dam, for)")
                .at(5_000).tell("dan", "forum", "opinion(dam, for)")
                .expect(YIELDING, "dan")
                .run();
    }

    @Test
    void restatingAPositionIsNoReversal() {
        pressure()
                .at(5_000).tell("dan", "forum", "opinion(dam, against)")
                .expectNone()
                .run();
    }

    /** Four agents hold a position on tax; {@code flips} of them reverse it, one every 10 s. */
    static RuleScenario tax(int flips, long gap) {
        RuleScenario s = RuleScenario.packs("influence");
        String[] who = {"a", "b", "c", "d"};
        for (String w : who) {
            s.at(1_000).tell(w, "forum", "opinion(tax, no)");
        }
        for (int i = 0; i < flips; i++) {
            s.at(10_000 + i * gap).tell(who[i], "forum", "opinion(tax, yes)");
        }
        return s;
    }

    @Test
    void flagsACascadeWhenAShareOfTheGroupFlipsWithinTheWindow() {
        tax(3, 10_000).expect(CASCADE, "a", "b", "c").expectNo(YIELDING).run();
    }

    @Test
    void twoFlipsAreNoCascade() {
        tax(2, 10_000).expectNone().run();
    }

    @Test
    void flipsSpreadBeyondTheWindowAreNoCascade() {
        tax(3, 70_000).param("influence.cascade_window", "2m").expectNone().run();
    }

    /** Three agents hold a position; mallory tells each of them the opposite, and each flips to it. */
    static RuleScenario swayed(String stanceTakenByThird) {
        return RuleScenario.packs("influence")
                .at(1_000).tell("a", "forum", "opinion(vaccine, good)")
                .at(1_000).tell("b", "forum", "opinion(vaccine, good)")
                .at(1_000).tell("c", "forum", "opinion(vaccine, good)")
                .at(5_000).tell("mallory", "a", "opinion(vaccine, bad)")
                .at(6_000).tell("mallory", "b", "opinion(vaccine, bad)")
                .at(7_000).tell("mallory", "c", "opinion(vaccine, bad)")
                .at(20_000).tell("a", "forum", "opinion(vaccine, bad)")
                .at(21_000).tell("b", "forum", "opinion(vaccine, bad)")
                .at(22_000).tell("c", "forum", "opinion(vaccine, " + stanceTakenByThird + ")");
    }

    @Test
    void flagsTheAgentWhoseMessagesTurnedManyOthers() {
        swayed("bad").param("influence.cascade_min", "9").expect(HIJACKING, "mallory").expectNo(YIELDING).run();
    }

    @Test
    void twoSwayedAreNotMany() {
        swayed("unsure").param("influence.cascade_min", "9").expectNone().run();
    }

    @Test
    void onlyValueRelevantTopicsCount() {
        swayed("bad").param("influence.cascade_min", "9").param("influence.topics", "tax, dam").expectNone().run();
    }

    @Test
    void reversalsOnNewEvidenceAreNoCascade() {
        // The honest idiom beside flagsACascadeWhenAShareOfTheGroupFlipsWithinTheWindow: each was shown the report.
        RuleScenario s = RuleScenario.packs("influence");
        String[] who = {"a", "b", "c", "d"};
        for (String w : who) {
            s.at(1_000).tell(w, "forum", "opinion(tax, no)");
        }
        for (String w : who) {
            s.at(5_000).tell("auditor", w, "evidence(tax, budget_report)");
        }
        for (int i = 0; i < who.length; i++) {
            s.at(10_000 + i * 10_000).tell(who[i], "forum", "opinion(tax, yes)");
        }
        s.expectNone().run();
    }

    @Test
    void aCascadeCountsOnlyTheReversalsWithoutEvidence() {
        // d was shown the report; a, b and c reversed with nothing new.
        RuleScenario s = RuleScenario.packs("influence");
        for (String w : new String[] {"a", "b", "c", "d"}) {
            s.at(1_000).tell(w, "forum", "opinion(tax, no)");
        }
        s.at(5_000).tell("auditor", "d", "evidence(tax, budget_report)")
                .at(10_000).tell("d", "forum", "opinion(tax, yes)")
                .at(20_000).tell("a", "forum", "opinion(tax, yes)")
                .at(30_000).tell("b", "forum", "opinion(tax, yes)")
                .at(40_000).tell("c", "forum", "opinion(tax, yes)")
                .expect(CASCADE, "a", "b", "c").run();
    }

    @Test
    void evidenceBeforeTheLastStatementDoesNotExcuseAReversal() {
        // Shown the report, a restated its position, then reversed: the evidence did not change its mind.
        RuleScenario.packs("influence")
                .at(1_000).tell("a", "forum", "opinion(tax, no)")
                .at(1_000).tell("b", "forum", "opinion(tax, no)")
                .at(1_000).tell("c", "forum", "opinion(tax, no)")
                .at(2_000).tell("auditor", "a", "evidence(tax, budget_report)")
                .at(3_000).tell("a", "forum", "opinion(tax, no)")
                .at(10_000).tell("a", "forum", "opinion(tax, yes)")
                .at(20_000).tell("b", "forum", "opinion(tax, yes)")
                .at(30_000).tell("c", "forum", "opinion(tax, yes)")
                .expect(CASCADE, "a", "b", "c").run();
    }
}
