package vigil.samples;

import jason.asSemantics.Circumstance;
import jason.asSemantics.TransitionSystem;
import jason.asSyntax.Literal;
import jason.environment.Environment;
import jason.infra.local.BaseLocalMAS;
import jason.infra.local.LocalAgArch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import vigil.core.Monitor;
import vigil.jacamo.MasMonitor;

/**
 * The base of the scenarios' Jason environments. A scenario is driven by rounds, not by the wall clock: the
 * environment changes what agents perceive, then waits until every agent has perceived the change and gone
 * idle (no event, intention, message or pending action), and until the monitor has judged all it saw. So a
 * round's outcome depends on the seed and on the sanctions decided in earlier rounds, not on thread timing.
 * Between rounds it leaves a gap longer than the rule windows the scenario configures, so that a window
 * never mixes two rounds. Every random choice comes from {@link #random}, seeded from the {@link Spec}.
 */
public abstract class ScenarioEnv extends Environment {

    /** The pause between rounds; the scenarios' rule windows are shorter ({@link #WINDOW}). */
    static final Duration GAP = Duration.ofMillis(400);
    /** The rule window the scenarios configure: longer than a round's burst of events, shorter than {@link #GAP}. */
    static final Duration WINDOW = Duration.ofMillis(300);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

    protected Spec spec;
    protected Random random;
    private final Map<String, AtomicLong> cycles = new ConcurrentHashMap<>();
    private final List<Truth> truth = new CopyOnWriteArrayList<>();
    private final List<Long> roundStarts = new CopyOnWriteArrayList<>();
    private final List<double[]> points = new CopyOnWriteArrayList<>();
    private long lastSettled;

    @Override
    public void init(String[] args) {
        spec = Stage.spec();
        random = new Random(spec.seed());
        setUp();
        Stage.attach(this);
    }

    /** Assigns roles and sets the first percepts; called once, before the agents start. */
    protected abstract void setUp();

    /** Plays one round (1-based); the caller has already marked its start. */
    protected abstract void playRound(int round);

    /** The outcome before the first round (round 0 of the series). */
    protected abstract double initialOutcome();

    /** The final figure and the sentence that says it, for the run's summary. */
    protected abstract Series summary(String label, List<double[]> points);

    /** The agents the scenario scripts to misbehave, sorted. */
    public abstract List<String> misaligned();

    /** Plays every round, telling {@code progress} each round's number once it is over. */
    public final void play(IntConsumer progress) {
        points.add(new double[] {0, initialOutcome()});
        lastSettled = System.currentTimeMillis();
        for (int r = 1; r <= spec.rounds(); r++) {
            long wait = lastSettled + GAP.toMillis() - System.currentTimeMillis();
            if (wait > 0) {
                sleep(wait);
            }
            roundStarts.add(System.currentTimeMillis());
            playRound(r);
            drainMonitor();
            progress.accept(r);
        }
    }

    /** Records the outcome at the end of a round. */
    protected final void outcome(int round, double value) {
        points.add(new double[] {round, value});
    }

    /** Records one labelled misbehaviour. */
    protected final void label(String agent, String behaviour, int round, String rule) {
        truth.add(new Truth(agent, behaviour, round, System.currentTimeMillis(), rule));
    }

    public final List<Truth> truth() {
        return List.copyOf(truth);
    }

    /** When each round started (epoch ms), round 1 first. */
    public final List<Long> roundStarts() {
        return List.copyOf(roundStarts);
    }

    public final Series series(String label) {
        return summary(label, List.copyOf(points));
    }

    /** The round an instant falls in: the last round started at or before it (0 before the first). */
    public static int roundAt(List<Long> starts, long time) {
        int r = 0;
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) <= time) {
                r = i + 1;
            }
        }
        return r;
    }

    // ---- synchronisation with the agents ----

    @Override
    public Collection<Literal> getPercepts(String agName) {
        // Jason asks once per reasoning cycle: a count of cycles per agent, read by settle().
        cycles.computeIfAbsent(agName, a -> new AtomicLong()).incrementAndGet();
        return super.getPercepts(agName);
    }

    /**
     * Wakes the agents and waits until each has perceived what changed and gone idle. The monitor's watch
     * may still be judging; {@link #play} waits for it at the end of each round, so that the sanctions it
     * decides are in force before the next round.
     */
    protected final void settle() {
        Map<String, Long> before = snapshot();
        informAgsEnvironmentChanged();
        long end = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Map<String, Long> previous = null;
        int stable = 0;
        while (stable < 5) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(getClass().getSimpleName() + ": the agents did not settle within "
                        + SETTLE_TIMEOUT.toSeconds() + "s");
            }
            sleep(3);
            Map<String, Long> now = snapshot();
            boolean quiet = allIdle() && now.equals(previous) && advanced(before, now);
            stable = quiet ? stable + 1 : 0;
            previous = now;
        }
        lastSettled = System.currentTimeMillis();
    }

    private void drainMonitor() {
        Monitor m = MasMonitor.monitor().orElse(null);
        if (m != null) {
            try {
                m.drain(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastSettled = System.currentTimeMillis();
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> out = new HashMap<>();
        for (String a : agents()) {
            AtomicLong c = cycles.get(a);
            out.put(a, c == null ? 0 : c.get());
        }
        return out;
    }

    private static boolean advanced(Map<String, Long> before, Map<String, Long> now) {
        for (Map.Entry<String, Long> e : now.entrySet()) {
            if (e.getValue() <= before.getOrDefault(e.getKey(), 0L)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> agents() {
        BaseLocalMAS runner = BaseLocalMAS.getRunner();
        return runner == null ? List.of() : new ArrayList<>(runner.getAgs().keySet());
    }

    private static boolean allIdle() {
        BaseLocalMAS runner = BaseLocalMAS.getRunner();
        if (runner == null) {
            return true;
        }
        for (LocalAgArch a : runner.getAgs().values()) {
            TransitionSystem ts = a.getTS();
            Circumstance c = ts.getC();
            if (!ts.canSleep() || c.hasPendingAction() || c.hasFeedbackAction()) {
                return false;
            }
            Thread t = a.getThread();
            if (t != null && !asleep(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An agent in the middle of a cycle (e.g. its action being judged) can look idle from outside: only a
     * thread waiting in Jason's own sleep is idle. Jason 3.2 sleeps in Object.wait (no blocker); Jason 3.3
     * awaits a Condition in LocalAgArch.sleep. A thread parked on a lock, such as the gate's, is busy.
     */
    private static boolean asleep(Thread t) {
        Thread.State state = t.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        Object blocker = LockSupport.getBlocker(t);
        if (blocker == null) {
            return true;
        }
        if (!(blocker instanceof Condition)) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals(LocalAgArch.class.getName()) && frame.getMethodName().equals("sleep")) {
                return true;
            }
        }
        return false;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
