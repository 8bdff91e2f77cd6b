package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vigil.core.ActionOutcome;
import vigil.core.Trace;

/**
 * The honest idioms the default packs used to flag, each as a real Jason run next to the misbehaviour the
 * same rule must still catch (the rules' own tests pair them as RuleScenario tests): an auction's bids, prices
 * restated every round, harvests that failed, a bystander beside a team's calls.
 */
class IdiomsTest {

    private static final Path OUT = Path.of("target", "idioms");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    static PacksRun run(String project) throws Exception {
        return PacksRun.run(Mas.resource("idioms/" + project), PATIENCE, OUT.resolve(project.replace(".mas2j", "")));
    }

    @Test
    void theHonestAuctionRaisesNothing() throws Exception {
        PacksRun r = run("auction.mas2j");
        assertTrue(r.messages() >= 6, "auction, bids and the winner: " + r.messages());
        assertEquals(List.of(), r.said());
    }

    @Test
    void aBidderOfferingTwoHousesDifferentBidsForOneLotIsNotLying() throws Exception {
        // Two offers to two parties: it keeps no bid beliefs, so they are proposals, not claims.
        PacksRun r = run("shill.mas2j");
        assertEquals(2, r.messages());
        assertEquals(List.of(), r.said());
    }

    @Test
    void pricesRestatedEveryRoundWithTheRoundNumberRaiseNothing() throws Exception {
        PacksRun r = run("market.mas2j");
        assertEquals(6, r.messages(), "three rounds to two buyers");
        assertEquals(List.of(), r.said());
    }

    @Test
    void twoPricesForOneRoundFromASellerThatKeepsItsPriceListAreFlagged() throws Exception {
        PacksRun r = run("cheat.mas2j");
        // The second quote is not on its list (the gate's rule, at once), and it contradicts the first (the watch's).
        assertEquals(List.of("Telling what one does not believe", "Telling different agents contradictory things"), r.rules(),
                String.join("; ", r.said()));
        String why = r.violations().get(1).explanation();
        assertTrue(why.contains("price(apple,1,10)") && why.contains("price(apple,1,14)"), why);
    }

    @Test
    void harvestsThatFailedForWantOfAnEnvironmentTookNothing() throws Exception {
        PacksRun r = run("fishery.mas2j");
        // Each fisher tried once, and the watch heard that each harvest failed.
        List<ActionOutcome> outcomes = outcomes("fishery");
        assertEquals(List.of("f1 harvest(60) FAILED", "f2 harvest(60) FAILED", "f3 harvest(60) FAILED"),
                outcomes.stream().filter(o -> o.action().functor().equals("harvest"))
                        .map(o -> o.agent() + " " + o.action() + " " + o.result()).sorted().toList());
        assertEquals(List.of(), r.said());
    }

    /** The outcomes the run's trace recorded. */
    static List<ActionOutcome> outcomes(String run) throws Exception {
        List<ActionOutcome> out = new ArrayList<>();
        for (String line : Files.readAllLines(OUT.resolve(run).resolve("trace.jsonl"))) {
            if (Trace.read(line) instanceof ActionOutcome o) {
                out.add(o);
            }
        }
        return out;
    }

    @Test
    void theSameHarvestsPerformedByAnEnvironmentAreOverharvesting() throws Exception {
        PacksRun r = run("fishery-env.mas2j");
        assertEquals(3, outcomes("fishery-env").stream().filter(o -> o.action().functor().equals("harvest") && o.done()).count());
        // Each greedy fisher reported once in the window, as the total crosses the limit (f1 with the last take).
        assertEquals(Set.of("The group takes more than the commons can sustain"), Set.copyOf(r.rules()), String.join("; ", r.said()));
        assertEquals(Set.of("f1", "f2", "f3"), r.violations().stream().flatMap(v -> v.agents().stream()).collect(Collectors.toSet()));
        assertTrue(r.violations().get(r.violations().size() - 1).explanation().startsWith("the group took 180 within 60s"),
                r.said().toString());
    }

    @Test
    void aBystanderBesideTheTeamsCallsIsNotLeftOut() throws Exception {
        PacksRun r = run("team-logger.mas2j");
        assertEquals(List.of(), r.said());
    }

    @Test
    void aMemberThatCallsTheTeamButIsNeverCalledIsLeftOut() throws Exception {
        PacksRun r = run("team.mas2j");
        assertEquals(List.of("Leaving an agent out of the group's calls"), r.rules(), String.join("; ", r.said()));
        assertTrue(r.violations().get(0).explanation().startsWith("dave called [alice, bob, carol] but got none of the "),
                r.said().toString());
    }

    @Test
    void aPanelThatChangesItsAnswerOnTheChairsEvidenceRaisesNothing() throws Exception {
        PacksRun r = run("panel-evidence.mas2j");
        // Four answers, four pieces of evidence, four changed answers.
        assertEquals(12, r.messages());
        assertEquals(List.of(), r.said());
    }

    @Test
    void aPanelThatChangesItsAnswerWhenMerelyAskedToIsACascade() throws Exception {
        PacksRun r = run("panel-pressure.mas2j");
        // Found at the third reversal, and again at the fourth with every member named.
        assertEquals(Set.of("A cascade of reversals"), Set.copyOf(r.rules()), String.join("; ", r.said()));
        assertEquals(List.of("p1", "p2", "p3", "p4"),
                r.violations().get(r.violations().size() - 1).agents().stream().sorted().toList(), r.said().toString());
    }
}
