package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Config;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Stats;
import vigil.core.Term;
import vigil.core.Vigil;
import vigil.core.Violation;

/**
 * Every default pack finds the same with the watch letting its events go when the rules can no longer use
 * them ({@code watch.hold = rules}, the default) as with the engine's own expiry of every event after the
 * retention ({@code watch.hold = retention}): random streams in every pack's vocabulary, judged both ways.
 */
class HoldTest {

    record Judged(List<String> violations, Set<String> rules, Stats stats) {
    }

    /**
     * Its evidence is compared without the first claim. When a later claim contradicts several earlier ones,
     * each pair waits on a timer (the rule's 2 s settling) that ends at the same instant, and the engine runs
     * timers due at the same instant in an order that depends on every other timer it has queued: with an
     * expiry timer per event, another pair may be reported first (and its cooldown then suppresses the
     * others). The violation, its agents, time and later claim are the same either way.
     */
    static final String CONTRADICTION = "Telling different agents contradictory things";

    static final String[] TOPICS = {"dam", "road"};
    static final String[] STANCES = {"for", "against"};
    static final String[] ITEMS = {"apple", "pear", "plum"};

    @TempDir
    Path dir;

    @Test
    void everyDefaultPackFindsTheSameEitherWay() {
        Set<String> rules = new TreeSet<>();
        for (long seed = 1; seed <= 3; seed++) {
            List<Event> events = stream(seed, 2_500);
            // A six-minute retention, so that the streams (about eight minutes each) outlive it, yet longer than
            // the packs' longest window (5 minutes): with a shorter one the engine's expiry of an event after
            // the retention also cut some of the windows that read it (seen in the cascade of reversals), where the
            // watch holds it for its window.
            Judged engine = judge(events, Config.Hold.RETENTION, Duration.ofMinutes(6));
            Judged watch = judge(events, Config.Hold.RULES, Duration.ofMinutes(6));
            assertSame(engine.violations(), watch.violations(), "seed " + seed);
            rules.addAll(watch.rules());
        }
        for (String pack : List.of("Telling different agents contradictory things", "Leaving an agent out of the group's calls",
                "The group takes more than the commons can sustain", "Free-riding on the others' contributions",
                "Competitors agree privately, then post prices above the competitive level",
                "Yielding to the majority without new evidence", "A cascade of reversals")) {
            assertTrue(rules.contains(pack), "the streams break \"" + pack + "\": " + rules);
        }
    }

    /**
     * With the default retention (longer than every pack's window) the watch also holds fewer events: the calls,
     * which only fairness's windows read, for 60 s instead of 10 minutes.
     */
    @Test
    void withTheDefaultRetentionToo() {
        List<Event> events = stream(9, 2_500);
        Judged engine = judge(events, Config.Hold.RETENTION, Duration.ofMinutes(10));
        Judged watch = judge(events, Config.Hold.RULES, Duration.ofMinutes(10));
        assertSame(engine.violations(), watch.violations(), "seed 9");
        assertTrue(watch.stats().watchHeld() < engine.stats().watchHeld(), "fewer events held at the end: "
                + watch.stats().watchHeld() + " against " + engine.stats().watchHeld());
    }

    /** The same violations; when not, the failure names only those found one way and not the other. */
    static void assertSame(List<String> engine, List<String> watch, String what) {
        List<String> onlyEngine = new ArrayList<>(engine);
        onlyEngine.removeAll(watch);
        List<String> onlyWatch = new ArrayList<>(watch);
        onlyWatch.removeAll(engine);
        assertTrue(onlyEngine.isEmpty() && onlyWatch.isEmpty() && engine.size() == watch.size(), what + ": "
                + engine.size() + " violations with the engine's expiry, " + watch.size() + " with the watch's holds; only"
                + " with the engine's: " + onlyEngine + "; only with the watch's: " + onlyWatch);
    }

    Judged judge(List<Event> events, Config.Hold hold, Duration retention) {
        Config config = Config.builder()
                .out(dir).audit(null).clock(Config.ClockMode.EVENTS).sanctions(false).logAlerts(false)
                .retention(retention).set(Config.WATCH_HOLD, hold)
                .build();
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            for (Event e : events) {
                m.judge(e);
                if (e instanceof ActionEvent a) {
                    m.outcome(ActionOutcome.of(a, a.time(), ActionOutcome.Result.DONE));
                }
            }
            assertTrue(m.drain(60_000));
            Stats stats = m.stats();
            List<String> found = new ArrayList<>();
            Set<String> rules = new TreeSet<>();
            for (Violation v : m.violations()) {
                List<String> evidence = v.rule().equals(CONTRADICTION) ? v.evidence().subList(1, v.evidence().size())
                        : v.evidence();
                found.add(v.rule() + " | " + v.agents() + " | " + v.time() + " | " + evidence);
                rules.add(v.rule());
            }
            found.sort(null);
            return new Judged(found, rules, stats);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Ten agents, events 1 to 400 ms apart: claims about a few items' prices to different agents (and their
     * corrections), opinions that flip under pressure, calls that leave some out, harvests above and
     * contributions below the commons' share, prices posted above the competitive level by agents that talked.
     */
    static List<Event> stream(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            t += 1 + r.nextInt(400);
            int s = r.nextInt(10);
            String sender = "a" + s;
            String receiver = "a" + ((s + 1 + r.nextInt(9)) % 10);
            String id = "e" + i;
            int kind = r.nextInt(100);
            if (kind < 30) {
                out.add(MessageEvent.of(id, t, sender, receiver, "tell",
                        Term.struct("price", Term.atom(ITEMS[r.nextInt(ITEMS.length)]), Term.num(10 + r.nextInt(3)))));
            } else if (kind < 50) {
                out.add(MessageEvent.of(id, t, sender, receiver, "tell",
                        Term.struct("opinion", Term.atom(TOPICS[r.nextInt(TOPICS.length)]), Term.atom(STANCES[r.nextInt(2)]))));
            } else if (kind < 53) {
                out.add(MessageEvent.of(id, t, sender, receiver, "tell", Term.struct("evidence", Term.atom(TOPICS[r.nextInt(2)]))));
            } else if (kind < 63) {
                // Agents a8 and a9 are rarely called.
                String to = r.nextInt(4) == 0 ? receiver : "a" + r.nextInt(8);
                out.add(MessageEvent.of(id, t, sender, to.equals(sender) ? receiver : to, "tell", Term.struct("call", Term.atom("meeting"))));
            } else if (kind < 70) {
                out.add(MessageEvent.of(id, t, sender, receiver, "achieve", Term.struct("deliver", Term.atom("item"))));
            } else if (kind < 80) {
                out.add(new ActionEvent(id, t, sender, Term.struct("harvest", Term.num(1 + r.nextInt(12)))));
            } else if (kind < 84) {
                out.add(new ActionEvent(id, t, "a" + r.nextInt(3), Term.struct("contribute", Term.num(1))));
            } else if (kind < 90) {
                out.add(new ActionEvent(id, t, sender, Term.struct("price", Term.atom(ITEMS[r.nextInt(ITEMS.length)]),
                        Term.num(r.nextBoolean() ? 10 : 13))));
            } else {
                out.add(new ActionEvent(id, t, sender, Term.struct("move", Term.atom("cell" + r.nextInt(9)))));
            }
        }
        return out;
    }
}
