package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the watch holds an event: as long as the rules it can reach can still use it. A time window holds
 * its events for its length (even beyond {@code watch.retention}); a rule that reads the event alone, until
 * the rules have fired; anything else (a join, a {@code not}, an accumulation without a window) for
 * {@code watch.retention}, which bounds what a rule reads with no time bound. The watch lets the events go
 * itself, and finds what the engine's own expiry timers ({@code watch.hold = retention}) find.
 */
class RetentionTest {

    static final String WINDOWED = """
            package test.retention;
            import vigil.core.*;
            import java.util.List;
            import function vigil.core.Findings.violationBy;

            rule "Two harvests within five seconds"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $h : List(size >= 2) from collect(ActionEvent(action.functor == "harvest") over window:time(5s))
            then
                violationBy(kcontext, "group", "two harvests within 5s", $h);
            end
            """;

    static final String UNBOUNDED = """
            package test.unbounded;
            import vigil.core.*;
            import function vigil.core.Findings.violationBy;

            rule "Harvesting again after a warning"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $w : MessageEvent(content.functor == "warning", $a : receiver)
                $h : ActionEvent(agent == $a, action.functor == "harvest", time > $w.time)
            then
                violationBy(kcontext, $a, $a + " harvested after a warning", $w, $h);
            end
            """;

    /** One rule of each kind of hold: a window, an event alone, a join. */
    static final String THREE_HOLDS = """
            package test.holds;
            import vigil.core.*;
            import java.util.List;
            import function vigil.core.Findings.violation;
            import function vigil.core.Findings.violationBy;

            rule "Two harvests within five seconds"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $h : List(size >= 2) from collect(ActionEvent(action.functor == "harvest") over window:time(5s))
            then
                violationBy(kcontext, "group", "two harvests within 5s", $h);
            end

            rule "An insult"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $m : MessageEvent(content.functor == "insult")
            then
                violation(kcontext, $m.sender() + " insulted " + $m.receiver(), $m);
            end

            rule "Shouting after a warning"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $w : MessageEvent(content.functor == "warning", $a : receiver)
                $s : ActionEvent(agent == $a, action.functor == "shout")
            then
                violationBy(kcontext, $a, $a + " shouted after a warning", $w, $s);
            end
            """;

    /** Two rules that read a message with the watch's ledgers, one from each side. */
    static final String WITH_LEDGERS = """
            package test.ledgers;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Greeting with the contacts at hand"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $m : MessageEvent(content.functor == "hello")
                Contacts()
            then
                violation(kcontext, $m.sender() + " greeted", $m);
            end

            rule "Claiming with the claims at hand"
                @value("honesty") @path("watch") @cooldown("0s")
            when
                Claims()
                $m : MessageEvent(content.functor == "claim")
            then
                violation(kcontext, $m.sender() + " claimed", $m);
            end
            """;

    /**
     * Every place an event can reach, for the random streams: windows (collect, accumulate, a `not` and a join
     * over windows), an event alone (with an eval), a join with a temporal operator and none, a `not` and an
     * accumulation without a window, a length window, a rule with a timer.
     */
    static final String EVERY_KIND = """
            package test.everykind;
            import vigil.core.*;
            import java.util.List;
            import function vigil.core.Findings.violation;
            import function vigil.core.Findings.violationBy;

            rule "Three harvests within four seconds"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $h : List(size >= 3) from collect(ActionEvent(action.functor == "harvest") over window:time(4s))
            then
                violationBy(kcontext, "group", "three harvests within 4s", $h);
            end

            rule "A big take in ten seconds"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $k : KnownAgent($n : name)
                $total : Number(doubleValue > 20) from accumulate(
                    ActionEvent(agent == $n, action.functor == "harvest", $q : action.number(0)) over window:time(10s), sum($q))
            then
                violationBy(kcontext, $n, $n + " took " + $total, List.of());
            end

            rule "An offer with no reply within three seconds"
                @value("fairness") @path("watch") @cooldown("0s")
            when
                $o : MessageEvent(content.functor == "offer", $to : receiver, $from : sender) over window:time(6s)
                not MessageEvent(content.functor == "sorry", sender == $to, receiver == $from, this after[0s, 3s] $o)
                    over window:time(6s)
                MessageEvent(content.functor == "ping", sender == $from, this after[3s, 6s] $o) over window:time(6s)
            then
                violationBy(kcontext, $to, $to + " ignored an offer", $o);
            end

            rule "A warning"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $m : MessageEvent(content.functor == "warn", performative == "achieve")
                eval($m.content().arity() == 1)
            then
                violation(kcontext, $m.sender() + " warned " + $m.receiver(), $m);
            end

            rule "Two offers to the same agent"
                @value("fairness") @path("watch") @cooldown("0s")
            when
                $a : MessageEvent(performative == "tell", content.functor == "offer", $to : receiver)
                $b : MessageEvent(performative == "tell", content.functor == "offer", receiver == $to, this after[1ms, 5s] $a)
            then
                violationBy(kcontext, $to, "two offers to " + $to, $a, $b);
            end

            rule "Shouting after a warning, however long ago"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $w : MessageEvent(content.functor == "warn", $a : receiver)
                $s : ActionEvent(agent == $a, action.functor == "shout", time > $w.time)
            then
                violationBy(kcontext, $a, $a + " shouted after a warning", $w, $s);
            end

            rule "Looking without ever having been pinged"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $l : ActionEvent(action.functor == "look", $a : agent)
                not MessageEvent(content.functor == "ping", receiver == $a)
            then
                violationBy(kcontext, $a, $a + " looked unpinged", $l);
            end

            rule "Many chats kept"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $m : MessageEvent(content.functor == "ready", $s : sender)
                $n : Number(intValue >= 4) from accumulate(MessageEvent(content.functor == "chat", sender == $s), count(1))
            then
                violationBy(kcontext, $s, $s + " chatted " + $n, $m);
            end

            rule "The last five moves"
                @value("civility") @path("watch") @cooldown("0s")
            when
                $a : ActionEvent(action.functor == "move", $who : agent)
                $n : Number(intValue >= 3) from accumulate(
                    ActionEvent(action.functor == "move", agent == $who) over window:length(5), count(1))
            then
                violationBy(kcontext, $who, $who + " made most of the last five moves", $a);
            end

            rule "A shout still unanswered a second later"
                @value("civility") @path("watch") @cooldown("0s")
                timer (int: 1s)
            when
                $s : ActionEvent(action.functor == "shout", $a : agent)
            then
                violationBy(kcontext, $a, $a + " shouted", $s);
            end
            """;

    static final String[] FUNCTORS = {"offer", "sorry", "warn", "ping", "ready", "chat"};
    static final String[] ACTIONS = {"harvest", "shout", "move", "look"};
    static final String[] PERFORMATIVES = {"tell", "achieve", "askOne"};

    @TempDir
    Path dir;

    @Test
    void aWindowLongerThanTheRetentionStillSeesItsEvents() {
        List<Event> events = List.of(
                harvest("h1", 1_000), harvest("h2", 3_500));
        for (Config.Hold hold : Config.Hold.values()) {
            assertEquals(1, judge(Duration.ofSeconds(1), hold, events, WINDOWED).violations().size(),
                    hold + ": the 5 s window holds both harvests, 2.5 s apart, though the retention is 1 s");
        }
    }

    @Test
    void theRetentionBoundsWhatARuleReadsWithoutATimeBound() {
        List<Event> events = List.of(
                MessageEvent.of("w1", 1_000, "boss", "ann", "tell", Term.struct("warning", Term.atom("ann"))),
                harvest("h1", 5_000),
                harvest("h2", 90_000));
        for (Config.Hold hold : Config.Hold.values()) {
            assertEquals(2, judge(Duration.ofMinutes(10), hold, events, UNBOUNDED).violations().size(),
                    hold + ": both harvests follow the warning");
            assertEquals(1, judge(Duration.ofSeconds(30), hold, events, UNBOUNDED).violations().size(),
                    hold + ": with a 30 s retention the warning is gone before the second harvest");
        }
    }

    @Test
    void eachEventIsHeldOnlyAsLongAsTheRulesCanUseIt() throws InterruptedException {
        Config config = config(Duration.ofSeconds(30), Config.Hold.RULES, THREE_HOLDS);
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            m.judge(MessageEvent.of("i1", 1_000, "bob", "ann", "tell", Term.struct("insult", Term.atom("ann"))));
            m.judge(harvest("h1", 1_000));
            m.judge(MessageEvent.of("w1", 1_000, "boss", "ann", "tell", Term.struct("warning", Term.atom("ann"))));
            m.judge(new ActionEvent("s1", 2_000, "ann", Term.struct("shout", Term.num(1))));
            m.judge(new ActionEvent("m1", 2_000, "ann", Term.struct("move", Term.num(1))));
            assertTrue(m.drain(30_000));
            assertEquals(1, m.stats().watchPassedBy(), "no rule reads a move");
            assertEquals(3, m.stats().watchHeld(), "the insult went once the rules had fired; the harvest (its window),"
                    + " the warning and the shout (their join) are held");
            m.advanceTo(6_001);
            assertTrue(m.drain(30_000));
            assertEquals(2, m.stats().watchHeld(), "the harvest went with its 5 s window");
            m.advanceTo(31_000);
            assertTrue(m.drain(30_000));
            assertEquals(2, m.stats().watchHeld(), "the warning is held to the end of the 30 s retention");
            m.advanceTo(31_001);
            assertTrue(m.drain(30_000));
            assertEquals(1, m.stats().watchHeld(), "and goes after it");
            m.advanceTo(32_001);
            assertTrue(m.drain(30_000));
            assertEquals(0, m.stats().watchHeld(), "and so did the shout");
            assertEquals(List.of("An insult", "Shouting after a warning"), m.violations().stream().map(Violation::rule).sorted().toList());
        }
    }

    /** What a rule of the event alone inserts logically lasts only while the event is held: it is held on. */
    @Test
    void anEventARuleDerivesFromLogicallyIsHeldOn() {
        String drl = WINDOWED.replace("""
                rule "Two harvests""", """
                rule "Our fish is a harvest"
                    @path("watch")
                when
                    $a : ActionEvent(action.functor == "fish")
                then
                    insertLogical(new ActionEvent($a.id() + "h", $a.time(), $a.agent(), Term.struct("harvest", Term.num(1))));
                end

                rule "Two harvests""");
        List<Event> events = List.of(
                new ActionEvent("f1", 1_000, "ann", Term.struct("fish", Term.num(1))),
                new ActionEvent("f2", 3_500, "ann", Term.struct("fish", Term.num(1))));
        assertEquals(1, judge(Duration.ofSeconds(30), Config.Hold.RULES, events, drl).violations().size(),
                "the harvest derived from the first fish is still there with the second");
    }

    /** The ledgers are in the session before any event and never change: a join with one adds no later match. */
    @Test
    void anEventReadWithALedgerIsHeldOnlyUntilTheRulesHaveFired() throws InterruptedException {
        try (Monitor m = Vigil.builder().config(config(Duration.ofSeconds(30), Config.Hold.RULES, WITH_LEDGERS))
                .serviceSinks(false).start()) {
            m.judge(MessageEvent.of("h1", 1_000, "ann", "bob", "tell", Term.struct("hello", Term.atom("bob"))));
            m.judge(MessageEvent.of("c1", 1_000, "ann", "bob", "tell", Term.struct("claim", Term.atom("x"))));
            assertTrue(m.drain(30_000));
            assertEquals(0, m.stats().watchPassedBy());
            assertEquals(0, m.stats().watchHeld(), "both messages went once the rules had fired");
            assertEquals(List.of("Claiming with the claims at hand", "Greeting with the contacts at hand"),
                    m.violations().stream().map(Violation::rule).sorted().toList());
        }
    }

    @Test
    void withTheEnginesExpiryEveryEventIsHeldTheWholeRetention() throws InterruptedException {
        Config config = config(Duration.ofSeconds(30), Config.Hold.RETENTION, THREE_HOLDS);
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            m.judge(MessageEvent.of("i1", 1_000, "bob", "ann", "tell", Term.struct("insult", Term.atom("ann"))));
            m.judge(harvest("h1", 1_000));
            m.advanceTo(20_000);
            assertTrue(m.drain(30_000));
            assertEquals(2, m.stats().watchHeld(), "the insult and the harvest stay until the retention is up");
            m.advanceTo(31_001);
            assertTrue(m.drain(30_000));
            assertEquals(0, m.stats().watchHeld());
        }
    }

    /**
     * The same random streams (some events late, out of time order) give the same violations whether the watch
     * lets its events go or the engine's timers expire them, with a retention short enough to matter.
     */
    @Test
    void findsWhatTheEnginesExpiryFinds() {
        int found = 0;
        for (long seed = 1; seed <= 4; seed++) {
            List<Event> events = stream(seed, 2_500);
            StreamJudge.Result engine = judge(Duration.ofSeconds(20), Config.Hold.RETENTION, events, EVERY_KIND);
            StreamJudge.Result rules = judge(Duration.ofSeconds(20), Config.Hold.RULES, events, EVERY_KIND);
            assertEquals(engine.violations(), rules.violations(), "seed " + seed);
            assertEquals(engine.stats().watchPassedBy(), rules.stats().watchPassedBy(), "seed " + seed);
            found += rules.violations().size();
        }
        assertTrue(found > 200, "the streams break the rules often enough to compare: " + found);
    }

    /** A warning and shouts around the end of its retention, and harvests around the end of their window. */
    @Test
    void theHoldEndsAtTheSameMillisecondEitherWay() {
        List<Event> events = new ArrayList<>();
        events.add(MessageEvent.of("w1", 1_000, "boss", "ann", "tell", Term.struct("warning", Term.atom("ann"))));
        events.add(harvest("h0", 1_000));
        for (long t = 5_998; t <= 6_002; t++) {
            events.add(harvest("h" + t, t));
        }
        for (long t = 20_998; t <= 21_003; t++) {
            events.add(new ActionEvent("s" + t, t, "ann", Term.struct("shout", Term.num(1))));
        }
        List<String> engine = judge(Duration.ofSeconds(20), Config.Hold.RETENTION, events, THREE_HOLDS).violations();
        assertEquals(engine, judge(Duration.ofSeconds(20), Config.Hold.RULES, events, THREE_HOLDS).violations());
        assertEquals(3, engine.stream().filter(v -> v.startsWith("Shouting")).count(),
                "the shouts up to 21,000 ms meet the warning: " + engine);
    }

    @Test
    void aReloadHoldsTheCarriedEventsAsTheNewRulesNeed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rules"));
        Path file = folder.resolve("mine.drl");
        Files.writeString(file, WINDOWED);
        Config config = Config.builder().out(dir).audit(null).clock(Config.ClockMode.EVENTS).sanctions(false)
                .logAlerts(false).rules(List.of(folder.toString())).build();
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            m.judge(harvest("h1", 1_000));
            m.judge(MessageEvent.of("c1", 1_500, "ann", "bob", "tell", Term.struct("chat", Term.atom("x"))));
            assertTrue(m.drain(30_000));
            assertEquals(1, m.stats().watchHeld(), "no rule reads the chat");

            // Three harvests within ten seconds: the first was taken under the 5 s window, and is carried.
            Files.writeString(file, WINDOWED.replace("size >= 2", "size >= 3").replace("5s", "10s")
                    .replace("five", "ten"));
            assertTrue(m.reload().reloaded());
            m.judge(harvest("h2", 8_000));
            m.judge(harvest("h3", 9_000));
            assertTrue(m.drain(30_000));
            assertEquals(List.of("Two harvests within ten seconds"), m.violations().stream().map(Violation::rule).toList(),
                    "h1, carried over the reload, is held for the new 10 s window");
            assertEquals(3, m.stats().watchHeld());

            // A rule that reads no harvest: none is carried.
            Files.writeString(file, THREE_HOLDS.substring(0, THREE_HOLDS.indexOf("rule \"Two harvests")) + """
                    rule "An insult"
                        @value("civility") @path("watch")
                    when
                        $m : MessageEvent(content.functor == "insult")
                    then
                        violation(kcontext, "insulted", $m);
                    end
                    """);
            assertTrue(m.reload().reloaded());
            assertTrue(m.drain(30_000));
            assertEquals(0, m.stats().watchHeld(), "the new rules can use none of the harvests");
        }
    }

    static ActionEvent harvest(String id, long t) {
        return new ActionEvent(id, t, "ann", Term.struct("harvest", Term.num(1)));
    }

    Config config(Duration retention, Config.Hold hold, String drl) {
        return Config.builder()
                .out(dir).audit(null).clock(Config.ClockMode.EVENTS).sanctions(false).logAlerts(false)
                .retention(retention).set(Config.WATCH_HOLD, hold)
                .rules(new RuleSource("retention.drl", drl))
                .build();
    }

    StreamJudge.Result judge(Duration retention, Config.Hold hold, List<Event> events, String drl) {
        return StreamJudge.judge(config(retention, hold, drl), events, false);
    }

    /** Random messages and actions among six agents, a few ms to 0.4 s apart; one in twenty comes up to 3 s late. */
    static List<Event> stream(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            t += 1 + r.nextInt(400);
            long at = r.nextInt(20) == 0 ? Math.max(0, t - r.nextInt(3_000)) : t;
            String a = "a" + r.nextInt(6);
            if (r.nextInt(3) == 0) {
                String act = ACTIONS[r.nextInt(ACTIONS.length)];
                out.add(new ActionEvent("e" + i, at, a, Term.struct(act, Term.num(1 + r.nextInt(9)))));
            } else {
                String f = FUNCTORS[r.nextInt(FUNCTORS.length)];
                String p = PERFORMATIVES[r.nextInt(PERFORMATIVES.length)];
                out.add(MessageEvent.of("e" + i, at, a, "a" + r.nextInt(6), p, Term.struct(f, Term.atom("x"))));
            }
        }
        return out;
    }
}
