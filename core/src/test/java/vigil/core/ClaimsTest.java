package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@link Claims} ledger against its definition, by brute force over every tell recorded before: random
 * tells of a few senders, receivers, claims and values, some in one millisecond, some a little out of order,
 * many values to one claim (past the point where a claim's values are indexed).
 */
class ClaimsTest {

    @Test
    void givesEveryPairItsDefinitionGives() {
        int pairs = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Random r = new Random(seed);
            Claims c = new Claims(Duration.ofMinutes(10));
            List<MessageEvent> before = new ArrayList<>();
            long t = 1_000;
            for (int i = 0; i < 2_000; i++) {
                int step = r.nextInt(10);
                t += step == 0 ? 0 : step == 1 ? -1 : r.nextInt(3_000);
                int values = seed % 2 == 0 ? 3 : 40;
                MessageEvent m = MessageEvent.of("m" + i, t, "s" + r.nextInt(2), "r" + r.nextInt(3), "tell",
                        Term.struct("price", Term.atom("item" + r.nextInt(2)), Term.num(r.nextInt(values))));
                c.record(m);
                List<String> expected = brute(before, m, 60_000);
                List<String> got = new ArrayList<>();
                for (Claims.Pair p : c.contradicting(m, "60s")) {
                    got.add(p.first().id() + ">" + p.later().id());
                }
                expected.sort(null);
                got.sort(null);
                assertEquals(expected, got, "seed " + seed + ", " + m);
                for (Claims.Pair p : c.contradicting(m, "60s")) {
                    assertFalse(c.updated(p.first(), p.later(), "1h"), "a pair given has no update yet");
                }
                pairs += got.size();
                before.add(m);
            }
        }
        assertTrue(pairs > 1_000, "the streams contradict themselves often enough: " + pairs);
    }

    @Test
    void anUpdateToTheFirstReceiverExcusesThePair() {
        Claims c = new Claims(Duration.ofMinutes(10));
        MessageEvent first = tell("a", 1_000, "r1", 10);
        MessageEvent later = tell("b", 2_000, "r2", 12);
        c.record(first);
        c.record(later);
        assertEquals(List.of(new Claims.Pair(first, later)), c.contradicting(later, "60s"));
        assertFalse(c.updated(first, later, "2s"));
        c.record(tell("c", 4_500, "r1", 12));
        assertFalse(c.updated(first, later, "2s"), "r1 was told 12 only 2.5 s after the later tell");
        c.record(tell("c", 2_500, "r1", 12));
        assertTrue(c.updated(first, later, "2s"), "r1 was told 12 too, within the 2 s after the later tell");
        assertEquals(List.of(), c.contradicting(tell("d", 3_000, "r3", 12), "60s"), "a tell never recorded pairs with nothing");
    }

    @Test
    void keepsATellTwiceTheLongestSpanAskedAndAMinuteThenLetsItGo() {
        Claims c = new Claims(Duration.ofMinutes(10));
        MessageEvent first = tell("a", 1_000, "r1", 10);
        c.record(first);
        c.record(tell("b", 170_000, "r2", 12));
        assertEquals(2, c.size(), "before any rule asked, a tell is kept for the retention");
        c.contradicting(first, "60s");
        c.record(tell("c", 200_000, "r2", 12));
        assertEquals(2, c.size(), "asked about 60 s, a tell is kept 3 minutes: the first, 199 s old, is gone");
        assertEquals(List.of(), c.contradicting(tell("d", 200_500, "r1", 14), "60s"));
    }

    static MessageEvent tell(String id, long t, String to, int value) {
        return MessageEvent.of(id, t, "s", to, "tell", Term.struct("price", Term.atom("apple"), Term.num(value)));
    }

    /** The pairs m makes with the tells recorded before it, by the definition. */
    static List<String> brute(List<MessageEvent> before, MessageEvent m, long w) {
        List<String> out = new ArrayList<>();
        List<MessageEvent> all = new ArrayList<>(before);
        all.add(m);
        for (MessageEvent x : before) {
            if (!x.sender().equals(m.sender()) || !x.content().claim().equals(m.content().claim())
                    || x.receiver().equals(m.receiver()) || x.content().value().equals(m.content().value())
                    || Math.abs(x.time() - m.time()) > w) {
                continue;
            }
            if (x.time() <= m.time() && !update(all, x, m)) {
                out.add(x.id() + ">" + m.id());
            }
            if (x.time() >= m.time() && !update(all, m, x)) {
                out.add(m.id() + ">" + x.id());
            }
        }
        return out;
    }

    /** Whether first's receiver was told later's value of the claim at or after first, by another tell than these two. */
    static boolean update(List<MessageEvent> all, MessageEvent first, MessageEvent later) {
        for (MessageEvent u : all) {
            if (u != first && u != later && u.sender().equals(first.sender()) && u.receiver().equals(first.receiver())
                    && u.content().claim().equals(first.content().claim())
                    && u.content().value().equals(later.content().value()) && u.time() >= first.time()) {
                return true;
            }
        }
        return false;
    }
}
