package vigil.rules;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;

class FairnessTest {

    static final String EXCLUSION = "Leaving an agent out of the group's calls";
    static final String UNEQUAL = "Announcing an unequal allocation";

    /** dave takes part from the start; alice, bob and carol call each other five times within a minute. */
    static RuleScenario group() {
        return RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "hello")
                .at(2_000).tell("alice", "bob", "call(meeting)")
                .at(3_000).tell("alice", "carol", "call(meeting)")
                .at(10_000).tell("bob", "carol", "offer(task1)")
                .at(20_000).tell("dave", "bob", "available");
    }

    @Test
    void flagsTheCallersWhenAMemberGetsNoneOfTheCalls() {
        group()
                .at(30_000).tell("carol", "alice", "offer(task2)")
                .at(40_000).tell("alice", "bob", "call(review)")
                .expect(EXCLUSION, "alice", "bob", "carol")
                .run();
    }

    @Test
    void twoMembersLeftOutByTheSameCallersAreEachReported() {
        RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "hello")
                .at(1_500).tell("erin", "alice", "hello")
                .at(2_000).tell("alice", "bob", "call(meeting)")
                .at(3_000).tell("alice", "carol", "call(meeting)")
                .at(10_000).tell("bob", "carol", "offer(task1)")
                .at(20_000).tell("dave", "bob", "available")
                .at(21_000).tell("erin", "bob", "available")
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
    void callsSpreadBeyondTheWindowAreNotPersistentExclusion() {
        group()
                .at(80_000).tell("carol", "alice", "offer(task2)")
                .at(90_000).tell("dave", "alice", "still_here")
                .at(100_000).tell("alice", "bob", "call(review)")
                .expectNo(EXCLUSION)
                .run();
    }

    @Test
    void aMemberThatStoppedTakingPartIsNotExcluded() {
        RuleScenario.packs("fairness")
                .at(1_000).tell("dave", "alice", "bye")
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
