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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import vigil.core.Monitor;
import vigil.jacamo.MasMonitor;

/**
 * The base of the scenarios' Jason environments (and of a researcher's own: see {@code docs/scenario-kit.md}).
 * A scenario is driven by rounds, not by the wall clock: the environment changes what agents perceive, then
 * waits until every agent has perceived the change and gone idle (no event, intention, message or pending
 * action), and until the monitor has judged all it saw. So a round's outcome depends on the seed and on the
 * sanctions decided in earlier rounds, not on thread timing.
 *
 * <p>Scenarios run in scenario time: every event the agents' architectures judge is stamped with the
 * environment's clock, not the wall clock. Round r starts at {@code base + r * ROUND_MS}; each
 * {@link #settle()} in a round opens a phase {@link #PHASE_MS} later, and events within a phase are a
 * millisecond apart in the order they are judged. The monitor runs with {@code clock = events}, so a round
 * takes only as long as the agents need, and a window of {@link #WINDOW} never mixes two rounds. Every
 * random choice comes from {@link #random}, seeded from the {@link Spec}.
 */
public abstract class ScenarioEnv extends Environment {

    /** A round's length in scenario time. */
    public static final long ROUND_MS = 10_000;
    /** A phase's length in scenario time: at most nine phases a round. */
    public static final long PHASE_MS = 1_000;
    /** The rule window the scenarios configure: longer than a round's phases, shorter than a round. */
    public static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

    protected Spec spec;
    protected Random random;
    private final Map<String, AtomicLong> cycles = new ConcurrentHashMap<>();
    private final List<Truth> truth = new CopyOnWriteArrayList<>();
    private final List<double[]> points = new CopyOnWriteArrayList<>();
    private final Map<String, Double> measures = new ConcurrentSkipListMap<>();
    private long base;
    private volatile int round;
    private int phase;
    private volatile long phaseStart;
    private final AtomicLong tick = new AtomicLong();

    @Override
    public void init(String[] args) {
        spec = Stage.spec();
        base = Stage.base();
        phaseStart = base;
        random = new Random(spec.seed());
        setUp();
        Stage.attach(this);
    }

    /** Assigns roles and sets the first percepts; called once, before the agents start. */
    protected abstract void setUp();

    /** Plays one round (1-based): sets what the agents perceive, {@link #settle()}s one or more times, records the outcome. */
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
        for (int r = 1; r <= spec.rounds(); r++) {
            round = r;
            phase = 0;
            playRound(r);
            finishRound(r);
            progress.accept(r);
        }
    }

    /** The current time in scenario time: the phase's start plus one millisecond per event judged in it. */
    public final long now() {
        return phaseStart + Math.min(tick.incrementAndGet(), PHASE_MS - 1);
    }

    /** The round being played (0 before the first). */
    protected final int round() {
        return round;
    }

    /** Where scenario time starts for this run (round 0). */
    public final long base() {
        return base;
    }

    /** The round an instant of scenario time falls in (0 before the first round). */
    public static int roundAt(long base, long time) {
        return time < base ? 0 : (int) ((time - base) / ROUND_MS);
    }

    /** Records the outcome at the end of a round. */
    protected final void outcome(int round, double value) {
        points.add(new double[] {round, value});
    }

    /**
     * Records a named measure of the whole run (e.g. {@code "objective: deliveries met"}); the benchmark
     * reports each one's mean and confidence interval per run label. The last value recorded counts.
     */
    protected final void measure(String name, double value) {
        measures.put(name, value);
    }

    /** Records one labelled misbehaviour of a scripted (non-adaptive) kind: the benchmark's targets apply to it. */
    protected final void label(String agent, String behaviour, int round, String rule) {
        truth.add(new Truth(agent, behaviour, round, now(), rule, false, System.currentTimeMillis()));
    }

    /**
     * Records one labelled misbehaviour of an adaptive adversary (one that changed its ways after a sanction):
     * reported per behaviour, caught or missed, but not held to the targets.
     */
    protected final void labelAdaptive(String agent, String behaviour, int round, String rule) {
        truth.add(new Truth(agent, behaviour, round, now(), rule, true, System.currentTimeMillis()));
    }

    /**
     * Whether {@code agent} of the running MAS holds a belief unifying with {@code literal}: the script's own
     * state (an adversary's note that it was warned), for the ground truth. Call it between phases.
     */
    protected final boolean believes(String agent, String literal) {
        return Beliefs.holds(agent, literal);
    }

    /** Whether the monitor has an agent muted or quarantined now, in scenario time. */
    protected final boolean muted(String agent) {
        Monitor m = MasMonitor.monitor().orElse(null);
        return m != null && m.isMuted(agent, now());
    }

    protected final boolean quarantined(String agent) {
        Monitor m = MasMonitor.monitor().orElse(null);
        return m != null && m.isQuarantined(agent, now());
    }

    public final List<Truth> truth() {
        return List.copyOf(truth);
    }

    public final Map<String, Double> measures() {
        return Map.copyOf(measures);
    }

    public final Series series(String label) {
        return summary(label, List.copyOf(points));
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
        phaseStart = base + round * ROUND_MS + phase * PHASE_MS;
        phase++;
        tick.set(0);
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
    }

    /** Lets the monitor judge everything and close the round's windows, so its sanctions hold from the next round. */
    private void finishRound(int r) {
        Monitor m = MasMonitor.monitor().orElse(null);
        if (m != null) {
            try {
                m.drain(10_000);
                m.advanceTo(base + (r + 1) * ROUND_MS - 1);
                m.drain(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitIdle();
    }

    /**
     * Waits until every agent is idle again: a sanction decided at the end of the round (a warning the agent
     * reacts to) is carried out in the agent's own next cycle, and must be before the next round looks at the
     * agents or wakes them, or whether an agent has adapted would depend on thread timing.
     */
    private void awaitIdle() {
        long end = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        int stable = 0;
        while (stable < 3) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(getClass().getSimpleName() + ": the agents did not go idle within "
                        + SETTLE_TIMEOUT.toSeconds() + "s after the round");
            }
            sleep(2);
            stable = allIdle() ? stable + 1 : 0;
        }
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
