package vigil.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;
import vigil.core.Term;

/**
 * The honesty pack's contradiction rule reads the watch's {@code Claims} ledger instead of holding every tell in
 * two windows and a {@code not} over a third. Random streams of tells (a few senders, receivers, claims and
 * values, every kind of belief snapshot, updates to everyone, tells in one millisecond and a little out of
 * order) give the same contradictions, every pair found, with the pack as it is and with the windowed form it
 * had ({@code equivalence/honesty-windows.drl}, the pack before the ledger; see {@link Equivalence}).
 */
class HonestyLedgerTest {

    static final String CONTRADICTION = "Telling different agents contradictory things";
    static final SenderBelief[] BELIEFS = {SenderBelief.BELIEVES, SenderBelief.BELIEVES_OTHER_VALUE,
            SenderBelief.NO_BELIEF, SenderBelief.UNMODELLED};

    @Test
    void theLedgerFindsWhatTheWindowsFind() {
        int found = Equivalence.compare("honesty.drl", "/equivalence/honesty-windows.drl", CONTRADICTION, seed -> stream(seed, 1_500));
        assertTrue(found > 30, "the streams contradict themselves often enough to compare: " + found);
    }

    /**
     * Three senders telling four receivers prices of two items in two rounds, values from a small range so that
     * tells agree, contradict and update one another; now and then a broadcast of one value to everyone, two
     * tells in one millisecond, or a tell a millisecond older than the one before.
     */
    static List<MessageEvent> stream(long seed, int n) {
        Random r = new Random(seed);
        List<MessageEvent> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            int step = r.nextInt(10);
            t += step == 0 ? 0 : step == 1 ? -1 : r.nextInt(4_000);
            String sender = "s" + r.nextInt(3);
            Term content = Term.struct("price", Term.atom("item" + r.nextInt(2)), Term.num(r.nextInt(2)),
                    Term.num(10 + r.nextInt(3)));
            SenderBelief belief = BELIEFS[r.nextInt(BELIEFS.length)];
            if (r.nextInt(12) == 0) {
                for (int k = 0; k < 4; k++) {
                    out.add(tell("m" + i + "." + k, t, sender, "r" + k, content, belief));
                }
            } else {
                out.add(tell("m" + i, t, sender, "r" + r.nextInt(4), content, belief));
            }
        }
        return out;
    }

    static MessageEvent tell(String id, long t, String sender, String receiver, Term content, SenderBelief belief) {
        return MessageEvent.of(id, t, sender, receiver, "tell", content).withBelief(belief);
    }
}
