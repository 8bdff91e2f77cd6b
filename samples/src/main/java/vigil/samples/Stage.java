package vigil.samples;

/**
 * Hands a run's {@link Spec} and the start of its scenario time to the environment Jason creates by name,
 * and the environment back to the runner. Jason runs one MAS per JVM, so one stage suffices. Each run's
 * scenario time starts at least an hour after the previous run's ended, so that no two runs' times meet.
 */
final class Stage {

    private static final long APART_MS = 3_600_000;
    private static volatile Spec spec;
    private static volatile ScenarioEnv env;
    private static volatile long base;
    private static long nextBase;

    private Stage() {
    }

    static synchronized void prepare(Spec s) {
        spec = s;
        env = null;
        base = Math.max(System.currentTimeMillis() / 1000 * 1000, nextBase);
        nextBase = base + (s.rounds() + 2) * ScenarioEnv.ROUND_MS + APART_MS;
    }

    static Spec spec() {
        if (spec == null) {
            throw new IllegalStateException("no scenario is being prepared: run scenarios through vigil.samples.ScenarioRun");
        }
        return spec;
    }

    static long base() {
        return base;
    }

    /** Scenario time now: the environment's clock once it runs, the run's start before. */
    static long now() {
        ScenarioEnv e = env;
        return e == null ? base : e.now();
    }

    static void attach(ScenarioEnv e) {
        env = e;
    }

    static ScenarioEnv env() {
        return env;
    }
}
