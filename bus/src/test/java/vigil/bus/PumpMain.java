package vigil.bus;

import java.nio.file.Path;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Term;
import vigil.core.Vigil;

/**
 * A JVM of the society for the tests: a monitor with the bus on, judging a known stream of events through its
 * real gate. Arguments: the configuration file, a name (the agents' prefix), how many rounds, the pause
 * between rounds in ms. Each round is three events. One round in {@link #COLLUSION_EVERY} is a collusion
 * the watch finds once (seller {@code NAME_aI} tells {@code NAME_bI} a price, both post it at 15; every such
 * round has its own pair); the others are workers greeting, working and thanking. Prints {@code judged N} when done, waits for a file {@code stop} in its
 * working folder, and closes the monitor (the bus sends what its spool holds).
 */
public final class PumpMain {

    /** One round in this many is a collusion (the collusion rule joins every high price post with the others: keep them few). */
    static final int COLLUSION_EVERY = 10;

    /** How many events a pump of {@code rounds} rounds publishes (a collusion round adds its two outcomes). */
    static long events(int rounds) {
        return 3L * rounds + 2L * ((rounds + COLLUSION_EVERY - 1) / COLLUSION_EVERY);
    }

    private PumpMain() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.load(Path.of(args[0]));
        String name = args[1];
        int rounds = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        long judged = 0;
        try (Monitor m = Vigil.builder().config(config).start()) {
            for (int i = 0; i < rounds; i++) {
                long t = System.currentTimeMillis();
                if (i % COLLUSION_EVERY == 0) {
                    String a = name + "_a" + i;
                    String b = name + "_b" + i;
                    m.judge(MessageEvent.of("m" + i, t, a, b, "tell", Term.struct("price", Term.atom("widget"), Term.num(15))));
                    ActionEvent pa = new ActionEvent("pa" + i, t + 1, a, Term.struct("price", Term.atom("widget"), Term.num(15)));
                    ActionEvent pb = new ActionEvent("pb" + i, t + 2, b, Term.struct("price", Term.atom("widget"), Term.num(15)));
                    m.judge(pa);
                    m.outcome(ActionOutcome.of(pa, t + 1, ActionOutcome.Result.DONE));
                    m.judge(pb);
                    m.outcome(ActionOutcome.of(pb, t + 2, ActionOutcome.Result.DONE));
                    judged += 2;
                } else {
                    String a = name + "_w" + (i % 7);
                    m.judge(MessageEvent.of("m" + i, t, a, name + "_w" + ((i + 1) % 7), "tell", Term.struct("greeting", Term.num(i))));
                    m.judge(new ActionEvent("x" + i, t + 1, a, Term.struct("work", Term.num(i))));
                    m.judge(MessageEvent.of("r" + i, t + 2, name + "_w" + ((i + 1) % 7), a, "tell", Term.struct("thanks", Term.num(i))));
                }
                judged += 3;
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
            System.out.println("judged " + judged);
            System.out.flush();
            // A JVM of a society lives on after its agents' last event: it stays until the test says stop.
            Path stop = Path.of("stop");
            long end = System.currentTimeMillis() + 180_000;
            while (!java.nio.file.Files.exists(stop) && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
        }
        System.out.println("closed");
    }
}
