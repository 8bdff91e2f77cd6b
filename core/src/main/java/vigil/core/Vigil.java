package vigil.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Vigil's entry point:
 * <pre>
 * Monitor monitor = Vigil.builder().config(Config.load(path)).sink(mySink).start();
 * Verdict v = monitor.judge(event);
 * </pre>
 * {@link Builder#start()} compiles the rules and fails with every rule error listed as
 * {@code file:line: message} ({@link vigil.core.RuleCompilationException}) when they do not compile.
 */
public final class Vigil {

    private Vigil() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects what a monitor is made of. Not thread-safe; build once. */
    public static final class Builder {
        private Config config = Config.defaults();
        private final List<AlertSink> sinks = new ArrayList<>();
        private Enforcer enforcer = Enforcer.NONE;
        private boolean serviceSinks = true;
        private boolean extensions = true;
        private ClassLoader loader = Vigil.class.getClassLoader();

        private Builder() {
        }

        public Builder config(Config c) {
            this.config = c;
            return this;
        }

        /** Adds an alert sink; it is called from a thread of its own (see {@link AlertSink}). */
        public Builder sink(AlertSink s) {
            sinks.add(s);
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

        /** Who carries the sanctions out on the platform. */
        public Builder enforcer(Enforcer e) {
            this.enforcer = e;
            return this;
        }

        /** The class loader searched for classpath rule packs and service sinks. */
        public Builder classLoader(ClassLoader l) {
            this.loader = l;
            return this;
        }

        public Monitor start() {
            List<AlertSink> all = new ArrayList<>(sinks);
            if (serviceSinks) {
                for (AlertSink s : ServiceLoader.load(AlertSink.class, loader)) {
                    all.add(s);
                }
            }
            Monitor m = Monitor.create(config, new RuleSet(config, loader), all, enforcer);
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
