package vigil.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * Vigil's entry point:
 * <pre>
 * Monitor monitor = Vigil.builder().config(Config.load(path)).sink(mySink).start();
 * Verdict v = monitor.judge(event);
 * </pre>
 * {@link Builder#start()} compiles the rules and fails with every rule error listed as
 * {@code file:line: message} ({@link vigil.core.RuleCompilationException}) when they do not compile;
 * {@link Builder#check()} does the same without starting anything. The builder is used by one thread.
 */
public final class Vigil {

    private Vigil() {
    }

    /**
     * What {@link Builder#check()} found when the rules compile: the DRL sources read (the configured
     * locations, then the rules given as text) and every rule compiled, helper rules included.
     */
    public record RuleCheck(List<RuleSource> sources, List<RuleInfo> rules) {
        public RuleCheck {
            sources = List.copyOf(sources);
            rules = List.copyOf(rules);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects what a monitor is made of. Not thread-safe; build once. */
    public static final class Builder {
        private Config config = Config.defaults();
        private final List<AlertSink> sinks = new ArrayList<>();
        private final List<AlertSink> synchronous = new ArrayList<>();
        private Platform platform = Platform.NONE;
        private boolean serviceSinks = true;
        private boolean extensions = true;
        private ClassLoader loader = Vigil.class.getClassLoader();
        private Predicate<Violation> recorded;

        private Builder() {
        }

        /** The configuration (the embedded defaults unless set). */
        public Builder config(Config c) {
            this.config = c;
            return this;
        }

        /** Adds an alert sink; it is called from a thread of its own (see {@link AlertSink}). */
        public Builder sink(AlertSink s) {
            sinks.add(s);
            return this;
        }

        /**
         * Adds a sink called on the judging thread (an agent's for the gate, the watch's for the watch) before
         * the verdict returns and before any sanction takes effect, as the audit log is: for a record that must
         * exist before its consequence. It must be quick and must not block; a failure counts as the audit
         * log's do ({@code Stats.auditFailures}, and with {@code fail = closed} the event is blocked).
         */
        public Builder synchronousSink(AlertSink s) {
            synchronous.add(s);
            return this;
        }

        /** Whether to add the sinks listed in {@code META-INF/services/vigil.core.AlertSink} (yes by default). */
        public Builder serviceSinks(boolean on) {
            this.serviceSinks = on;
            return this;
        }

        /** Whether to start the {@link MonitorExtension}s found on the class path (yes by default). */
        public Builder extensions(boolean on) {
            this.extensions = on;
            return this;
        }

        /**
         * The platform the sanctions are carried out on (the Jason adapter gives its own); without one they
         * are only recorded, in the audit log and the alerts.
         */
        public Builder platform(Platform p) {
            this.platform = p;
            return this;
        }

        /**
         * Violations an earlier run already recorded (the watch service of a bus, judging again after a
         * restart what it had judged before): they count for escalation and cooldowns as before, and are
         * not recorded, alerted or applied again.
         */
        public Builder recorded(Predicate<Violation> alreadyRecorded) {
            this.recorded = alreadyRecorded;
            return this;
        }

        /** The class loader searched for classpath rule packs, service sinks and sanction kinds. */
        public Builder classLoader(ClassLoader l) {
            this.loader = l;
            return this;
        }

        /**
         * Reads and compiles the configured rules as {@link #start()} would, and starts nothing: no session,
         * no thread, no file written. Throws {@link RuleCompilationException} with every error.
         */
        public RuleCheck check() {
            RuleSet set = new RuleSet(config, loader);
            List<RuleSource> sources = set.sources();
            return new RuleCheck(sources, SanctionKinds.with(loader,
                    () -> RuleCompiler.compile(sources, config.params(), config.origins(), config.engineExpiry())).rules());
        }

        /** Compiles the rules, opens the configured sinks and starts the monitor's threads. */
        public Monitor start() {
            List<AlertSink> all = new ArrayList<>(sinks);
            if (serviceSinks) {
                for (AlertSink s : ServiceLoader.load(AlertSink.class, loader)) {
                    all.add(s);
                }
            }
            Monitor m = Monitor.create(config, new RuleSet(config, loader), synchronous, all, platform, recorded, loader);
            if (extensions) {
                try {
                    for (MonitorExtension e : ServiceLoader.load(MonitorExtension.class, loader)) {
                        m.closeWith(e.start(m));
                    }
                } catch (Exception e) {
                    m.close();
                    throw e instanceof ConfigException c ? c : new ConfigException(e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
            return m;
        }
    }
}
