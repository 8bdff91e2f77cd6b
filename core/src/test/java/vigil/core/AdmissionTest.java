package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch passes by the events no watch rule can match, and finds exactly what it finds without doing so:
 * the same random stream judged with admission on and off gives the same violations, while most events of
 * the stream never enter the session.
 */
class AdmissionTest {

    /** Every kind of place an event can reach: an alpha chain, a window, an accumulation, a `not`, an `exists`. */
    static final String RULES = """
            package test.admission;
            import vigil.core.*;
            import java.util.List;
            import function vigil.core.Findings.violationBy;

            rule "Two offers to the same agent"
                @value("fairness") @path("watch") @cooldown("0s")
            when
                $a : MessageEvent(performative == "tell", content.functor == "offer", $to : receiver)
                $b : MessageEvent(performative == "tell", content.functor == "offer", receiver == $to, this after[1ms, 5s] $a)
            then
                violationBy(kcontext, $to, "two offers to " + $to, $a, $b);
            end

            rule "A big harvest in ten seconds"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $k : KnownAgent($n : name)
                $total : Number(doubleValue > 20) from accumulate(
                    ActionEvent(agent == $n, action.functor == "harvest", $q : action.number(0)) over window:time(10s), sum($q))
            then
                violationBy(kcontext, $n, $n + " took " + $total, List.of());
            end

            rule "A warning with no apology after it"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $w : MessageEvent(performative == "achieve", content.functor == "warn", $s : sender)
                not MessageEvent(performative == "tell", content.functor == "sorry", receiver == $s, this after[0s, 3s] $w)
                ActionEvent(agent == $s, action.functor == "shout", this after[3s, 10s] $w)
            then
                violationBy(kcontext, $s, $s + " warned, got no apology and shouted", $w);
            end
            """;

    static final String[] FUNCTORS = {"offer", "sorry", "warn", "ping", "ready", "chat"};
    static final String[] ACTIONS = {"harvest", "shout", "move", "look"};
    static final String[] PERFORMATIVES = {"tell", "achieve", "askOne"};

    @TempDir
    Path dir;

    @Test
    void findsTheSameWithAndWithoutAdmissionWhilePassingMostEventsBy() {
        for (long seed = 1; seed <= 5; seed++) {
            List<Event> events = stream(seed, 3_000);
            StreamJudge.Result on = judge(events, true);
            StreamJudge.Result off = judge(events, false);
            assertEquals(off.violations(), on.violations(), "seed " + seed + ": the same violations");
            assertFalse(off.violations().isEmpty(), "seed " + seed + ": the stream breaks some rule");
            assertEquals(0, off.stats().watchPassedBy());
            assertEquals(events.size(), on.stats().watchJudged(), "every event is judged");
            assertTrue(on.stats().watchPassedBy() > events.size() / 3,
                    "seed " + seed + ": most chat, ping and move events are passed by: " + on.stats());
        }
    }

    @Test
    void aRuleWithNoSingleEventConditionAdmitsEveryEventOfItsType() {
        String everyMessage = """
                package test.every;
                import vigil.core.*;
                import function vigil.core.Findings.violationBy;
                rule "Anyone who speaks twice"
                    @value("quiet") @path("watch")
                when
                    $a : MessageEvent($s : sender)
                    $b : MessageEvent(sender == $s, this after[1ms, 1s] $a)
                then
                    violationBy(kcontext, $s, $s + " spoke twice", $a, $b);
                end
                """;
        List<Event> events = stream(7, 500);
        StreamJudge.Result on = judge(events, true, everyMessage);
        long actions = events.stream().filter(e -> e instanceof ActionEvent).count();
        assertEquals(actions, on.stats().watchPassedBy(), "messages are all admitted, actions none");
        assertEquals(judge(events, false, everyMessage).violations(), on.violations());
    }

    @Test
    void theGateFindsTheSameWhenItPassesEventsBy() {
        String gate = """
                package test.gatepass;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "Offering a warning"
                    @value("civility") @path("gate") @sanction("block")
                when
                    $m : MessageEvent(performative == "tell", content.functor == "offer", receiver == "a1")
                then
                    violation(kcontext, "offered to a1", $m);
                end
                """;
        List<Event> events = stream(3, 1_000);
        StreamJudge.Result on = judge(events, true, gate);
        StreamJudge.Result off = judge(events, false, gate);
        assertEquals(off.violations(), on.violations());
        assertFalse(on.violations().isEmpty());
    }

    /**
     * A gate rule that joins a message with a fact waits for that fact: while the gate holds none, messages
     * pass it by; once a rule has put one in (here while judging a message, as principal preferences are read
     * at start), they are judged again. The same violations either way.
     */
    @Test
    void theGatePassesEventsByAJoinWhoseFactsAreNotThereYet() {
        String gate = """
                package test.gatewait;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                declare Member
                    name : String
                end
                rule "Joining"
                    @value("order") @path("gate")
                when
                    $m : MessageEvent(content.functor == "warn", $s : sender)
                    not Member(name == $s)
                then
                    insert(new Member($s));
                end
                rule "A member pings a1"
                    @value("order") @path("gate") @sanction("block") @cooldown("0s")
                when
                    Member($n : name)
                    $m : MessageEvent(sender == $n, receiver == "a1")
                then
                    violation(kcontext, $n + " pinged a1", $m);
                end
                """;
        List<Event> events = stream(11, 1_500);
        StreamJudge.Result on = judge(events, true, gate);
        StreamJudge.Result off = judge(events, false, gate);
        assertEquals(off.violations(), on.violations());
        assertFalse(on.violations().isEmpty(), "members joined and pinged a1");
        long beforeFirstWarn = events.stream().takeWhile(e -> !(e instanceof MessageEvent m
                && m.content().functor().equals("warn"))).count();
        assertTrue(beforeFirstWarn > 0, "the stream starts before anyone joins");
    }

    StreamJudge.Result judge(List<Event> events, boolean admission) {
        return judge(events, admission, RULES);
    }

    StreamJudge.Result judge(List<Event> events, boolean admission, String drl) {
        return StreamJudge.judge(dir, events, drl, admission, false);
    }

    static List<Event> stream(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            t += 1 + r.nextInt(400);
            String a = "a" + r.nextInt(6);
            if (r.nextInt(3) == 0) {
                String act = ACTIONS[r.nextInt(ACTIONS.length)];
                out.add(new ActionEvent("e" + i, t, a, Term.struct(act, Term.num(1 + r.nextInt(9)))));
            } else {
                String f = FUNCTORS[r.nextInt(FUNCTORS.length)];
                String p = PERFORMATIVES[r.nextInt(PERFORMATIVES.length)];
                out.add(MessageEvent.of("e" + i, t, a, "a" + r.nextInt(6), p, Term.struct(f, Term.atom("x"))));
            }
        }
        return out;
    }
}
