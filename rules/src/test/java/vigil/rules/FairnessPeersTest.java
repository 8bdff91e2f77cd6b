package vigil.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vigil.core.MessageEvent;
import vigil.core.Term;

/**
 * The fairness pack's exclusion rule reads each agent's peers from a {@code Peers} fact that changes only when the
 * set of agents it calls does, instead of gathering its calls again at every call. Random streams of calls among
 * a few agents (some calling only a sub-group, some joining late, some falling silent) give the same violations
 * with the pack as it is and with the form it had ({@code equivalence/fairness-windows.drl}; see {@link Equivalence}).
 */
class FairnessPeersTest {

    static final String EXCLUSION = "Leaving an agent out of the group's calls";
    static final String[] CALLS = {"call(meeting)", "offer(task)", "invite(party)", "hello(x)"};

    @Test
    void thePeersFactFindsWhatTheWindowsFind() {
        int found = Equivalence.compare("fairness.drl", "/equivalence/fairness-windows.drl", EXCLUSION, seed -> stream(seed, 1_500));
        assertTrue(found > 20, "the streams leave agents out often enough to compare: " + found);
    }

    /**
     * Six agents: a core of four calling each other, an outsider calling the core and rarely called back, a
     * sixth that joins late; now and then one falls silent for a while. Calls are a second or so apart.
     */
    static List<MessageEvent> stream(long seed, int n) {
        Random r = new Random(seed);
        List<MessageEvent> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(10) == 0 ? 0 : r.nextInt(2_500);
            int s = r.nextInt(i > n / 2 ? 6 : 5);
            int to = r.nextInt(6);
            if (to == s || to == 4 && r.nextInt(8) != 0) {
                to = (s + 1 + r.nextInt(3)) % 4;
            }
            if (to == s) {
                continue;
            }
            out.add(MessageEvent.of("m" + i, t, "a" + s, "a" + to, "tell", vigil.testing.TermText.parse(CALLS[r.nextInt(CALLS.length)])));
        }
        return out;
    }
}
