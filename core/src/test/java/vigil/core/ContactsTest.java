package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch's {@link Contacts} ledger answers what an {@code exists MessageEvent} over the same span would:
 * the same random streams of messages and price posts give the same violations with either form of the rule,
 * while with the ledger no message enters the watch's session.
 */
class ContactsTest {

    static final String HEAD = """
            package test.contacts;
            import vigil.core.*;
            import function vigil.core.Findings.violationAbout;

            rule "Talked, then posted the same price"
                @value("competition") @path("watch") @cooldown("0s")
            when
                $p : ActionOutcome(done, action.functor == "price", $x : agent, $item : action.arg(0), $px : action.number(1))
                $q : ActionOutcome(done, action.functor == "price", agent > $x, action.arg(0) == $item,
                                   action.number(1) == $px, this after[-3s, 3s] $p)
            """;
    static final String TAIL = """
            then
                violationAbout(kcontext, $item, null, $x + " and " + $q.agent() + " posted " + $item, $p, $q);
            end
            """;
    static final String WITH_EVENTS = HEAD + """
                exists MessageEvent((sender == $x && receiver == $q.agent) || (sender == $q.agent && receiver == $x),
                                    this before[0s, 3s] $p, this before[0s, 3s] $q)
            """ + TAIL;
    static final String WITH_LEDGER = HEAD + """
                Contacts(talkedBefore($x, $q.agent, $p, $q, "3s"))
            """ + TAIL;

    @TempDir
    Path dir;

    @Test
    void theLedgerFindsWhatHeldMessagesFind() {
        int found = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<Event> events = stream(seed, 2_000);
            StreamJudge.Result held = judge(events, WITH_EVENTS);
            StreamJudge.Result ledger = judge(events, WITH_LEDGER);
            assertEquals(held.violations(), ledger.violations(), "seed " + seed);
            long messages = events.stream().filter(e -> e instanceof MessageEvent).count();
            assertEquals(messages, ledger.stats().watchPassedBy() - held.stats().watchPassedBy(),
                    "seed " + seed + ": with the ledger no message enters the session; held, every one does");
            found += ledger.violations().size();
        }
        assertTrue(found > 20, "the streams break the rule often enough to compare: " + found);
    }

    @Test
    void aPairTalksEitherWayWithinTheSpanAsked() {
        Contacts c = new Contacts(java.time.Duration.ofMinutes(1));
        c.record("ann", "bob", 1_000);
        c.record("bob", "ann", 5_000);
        c.record("cat", "cat", 2_000);
        assertTrue(c.between("bob", "ann", 900, 1_000));
        assertTrue(c.between("ann", "bob", 4_000, 6_000));
        assertFalse(c.between("ann", "bob", 1_001, 4_999));
        assertFalse(c.between("cat", "cat", 0, 10_000), "an agent does not talk privately with itself");
        assertFalse(c.between("ann", "cat", 0, 10_000));
        c.record("ann", "bob", 3_000); // out of order, as two threads a millisecond apart may deliver
        assertTrue(c.between("ann", "bob", 2_500, 3_500));
        c.record("ann", "dan", 200_000); // the clock moves past the retention: the old times go
        assertFalse(c.between("ann", "bob", 0, 10_000));
        assertEquals(1, c.size());
    }

    StreamJudge.Result judge(List<Event> events, String drl) {
        return StreamJudge.judge(dir, events, drl, true, true);
    }

    /** Four agents chatting and posting one of two items at one of three prices. */
    static List<Event> stream(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            t += 1 + r.nextInt(300);
            String a = "s" + r.nextInt(4);
            if (r.nextInt(4) == 0) {
                out.add(new ActionEvent("e" + i, t, a, Term.struct("price", Term.atom("item" + r.nextInt(2)),
                        Term.num(10 + r.nextInt(3)))));
            } else {
                out.add(MessageEvent.of("e" + i, t, a, "s" + r.nextInt(4), "tell", Term.struct("chat", Term.atom("x"))));
            }
        }
        return out;
    }
}
