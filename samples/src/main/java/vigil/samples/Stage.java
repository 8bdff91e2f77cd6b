package vigil.samples;

/**
 * Hands a run's {@link Spec} to the environment Jason creates by name, and the environment back to the
 * runner. Jason runs one MAS per JVM, so one stage suffices.
 */
final class Stage {

    private static volatile Spec spec;
    private static volatile ScenarioEnv env;

    private Stage() {
    }

    static void prepare(Spec s) {
        spec = s;
        env = null;
    }

    static Spec spec() {
        if (spec == null) {
            throw new IllegalStateException("no scenario is being prepared: run scenarios through vigil.samples.ScenarioRun");
        }
        return spec;
    }

    static void attach(ScenarioEnv e) {
        env = e;
    }

    static ScenarioEnv env() {
        return env;
    }
}
