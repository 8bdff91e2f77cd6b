package vigil.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;
import vigil.testing.RuleScenario.Outcome;

class FairnessTest {

    static final String EXCLUSION = "Leaving an agent out of the group's calls";
    static final String UNEQUAL = "Announcing an unequal allocation";

    /** dave calls alice, bob and carol; they call each other five times within a minute, never dave. */
    static RuleScenario group() {
        return RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "call(lunch)")
                .at(1_100).tell("dave", "bob", "call(lunch)")
                .at(1_200).tell("dave", "carol", "call(lunch)")
                .at(2_000).tell("alice", "bob", "call(meeting)")
                .at(3_000).tell("alice", "carol", "call(meeting)")
                .at(10_000).tell("bob", "carol", "offer(task1)")
                .at(20_000).tell("dave", "bob", "available");
    }

    @Test
    void flagsTheCallersWhenAMemberThatCallsThemGetsNoneOfTheirCalls() {
        Outcome o = group()
                .at(30_000).tell("carol", "alice", "offer(task2)")
                .at(40_000).tell("alice", "bob", "call(review)")
                .expect(EXCLUSION, "alice", "bob", "carol")
                .run();
        String why = o.of(EXCLUSION).get(0).explanation();
        assertTrue(why.startsWith("dave called [alice, bob, carol] but got none of the 5 calls"), why);
        assertTrue(why.contains("reached 3 of its 3 peers (the rule needs at least 5 calls reaching 2)"), why);
    }

    @Test
    void twoMembersLeftOutByTheSameCallersAreEachReported() {
        RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "call(lunch)")
                .at(1_100).tell("dave", "bob", "call(lunch)")
                .at(1_200).tell("dave", "carol", "call(lunch)")
                .at(1_500).tell("erin", "alice", "call(lunch)")
                .at(1_600).tell("erin", "bob", "invite(party)")
                .at(1_700).tell("erin", "carol", "invite(party)")
                .at(2_000).tell("alice", "bob", "call(meeting)")
                .at(3_000).tell("alice", "carol", "call(meeting)")
                .at(10_000).tell("bob", "carol", "offer(task1)")
                .at(30_000).tell("carol", "alice", "offer(task2)")
                .at(40_000).tell("alice", "bob", "call(review)")
                .expect(EXCLUSION, "alice", "bob", "carol")
                .expectTimes(EXCLUSION, 2) // one per member left out: the cooldown keeps dave's and erin's cases apart
                .run();
    }

    @Test
    void oneCallToTheMemberIsEnough() {
        group()
                .at(25_000).tell("alice", "dave", "call(meeting)")
                .at(30_000).tell("carol", "alice", "offer(task2)")
                .at(40_000).tell("alice", "bob", "call(review)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void anAgentThatMakesNoCallsIsNoMemberOfTheCallingGroup() {
        // A bystander (a logger, an auctioneer's audience) talks to everyone but calls no one.
        RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "hello")
                .at(2_000).tell("alice", "bob", "call(meeting)")
                .at(3_000).tell("alice", "carol", "call(meeting)")
                .at(10_000).tell("bob", "carol", "offer(task1)")
                .at(20_000).tell("dave", "bob", "available")
                .at(30_000).tell("carol", "alice", "offer(task2)")
                .at(40_000).tell("alice", "bob", "call(review)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void thePlatformsDirectoryFacilitatorIsNoMember() {
        // As in Jason's Contract Net: df answers registrations; c calls its participants, which call no one.
        RuleScenario.packs("fairness")
                .at(500).tell("df", "c", "provider(p1, participant)")
                .at(1_000).tell("c", "p1", "cfp(1, fix(computer))")
                .at(1_000).tell("c", "p2", "cfp(1, fix(computer))")
                .at(1_000).tell("c", "p3", "cfp(1, fix(computer))")
                .at(1_000).tell("c", "pr", "cfp(1, fix(computer))")
                .at(1_000).tell("c", "pn", "cfp(1, fix(computer))")
                .at(1_500).tell("df", "p1", "provider(c, initiator)")
                .at(2_000).tell("c", "p1", "cfp(2, banana)")
                .at(2_000).tell("c", "p2", "cfp(2, banana)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void twoInitiatorsEachCallingTheirOwnParticipantsExcludeNoOne() {
        // Jason's Contract Net with modules: alice calls the A companies, bob the B ones; no company calls.
        RuleScenario s = RuleScenario.packs("fairness");
        for (int round = 1; round <= 3; round++) {
            for (String c : new String[] {"a1", "a2", "a3"}) {
                s.at(round * 1_000).tell("alice", c, "cfp(" + round + ", task)");
            }
            for (String c : new String[] {"b1", "b2", "b3"}) {
                s.at(round * 1_000 + 10).tell("bob", c, "cfp(" + round + ", task)");
            }
        }
        s.expectNo(EXCLUSION).run();
    }

    @Test
    void inASmallGroupCallsBetweenTwoOfManyPeersAreNotExclusion() {
        // dave calls six peers; only alice and bob call each other (2 of 6 reached, under half).
        RuleScenario s = RuleScenario.packs("fairness");
        for (String p : new String[] {"alice", "bob", "carol", "erin", "frank", "gina"}) {
            s.at(1_000).tell("dave", p, "call(lunch)");
        }
        s.at(2_000).tell("alice", "bob", "call(a)")
                .at(3_000).tell("bob", "alice", "call(b)")
                .at(4_000).tell("alice", "bob", "call(c)")
                .at(5_000).tell("bob", "alice", "call(d)")
                .at(6_000).tell("alice", "bob", "call(e)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void callsSpreadBeyondTheWindowAreNotPersistentExclusion() {
        group()
                .at(80_000).tell("carol", "alice", "offer(task2)")
                .at(90_000).tell("dave", "alice", "call(still_here)")
                .at(100_000).tell("alice", "bob", "call(review)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void aMemberThatStoppedTakingPartIsNotExcluded() {
        RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "call(bye)")
                .at(70_000).tell("alice", "bob", "call(a)")
                .at(71_000).tell("alice", "carol", "call(b)")
                .at(72_000).tell("bob", "carol", "call(c)")
                .at(73_000).tell("carol", "alice", "call(d)")
                .at(74_000).tell("alice", "bob", "call(e)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void flagsAnAllocationWhoseGiniPassesTheThreshold() {
        RuleScenario.packs("fairness")
                .at(1_000).tell("boss", "all", "allocation([share(alice, 90), share(bob, 5), share(carol, 5)])")
                .expect(UNEQUAL, "boss")
                .run();
    }

    @Test
    void aNearlyEvenAllocationPasses() {
        RuleScenario.packs("fairness")
                .at(1_000).tell("boss", "all", "allocation([share(alice, 40), share(bob, 30), share(carol, 30)])")
                .param("fairness.gini", "0.3")
                .expectNone()
                .run();
    }
}
