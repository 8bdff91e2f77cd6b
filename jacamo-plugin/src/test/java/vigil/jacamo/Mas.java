package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.fail;

import jason.infra.local.BaseLocalMAS;
import jason.infra.local.LocalAgArch;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Alert;
import vigil.core.Config;
import vigil.core.RuleSource;
import vigil.jacamo.run.JasonRun;

/**
 * A real Jason MAS from {@code src/test/resources/mas}, run headless under a monitor built from DRL given
 * in the test. Records what the agents print ({@code "alice: text"}) and the alerts raised.
 */
final class Mas implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    final List<String> printed = new CopyOnWriteArrayList<>();
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    Monitor monitor;
    JasonRun run;
    private final Handler handler;

    private Mas() {
        handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String name = r.getLoggerName();
                String prefix = "jason.asSemantics.TransitionSystem.";
                if (name != null && name.startsWith(prefix) && r.getMessage() != null) {
                    printed.add(name.substring(prefix.length()) + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.INFO);
        Logger.getLogger("").addHandler(handler);
    }

    static Path resource(String name) {
        try {
            return Path.of(Mas.class.getResource("/mas/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource mas/" + name, e);
        }
    }

    /** Starts the monitor (when {@code config} is not null) and then the project. */
    static Mas start(String project, Config.Builder config, String... drl) {
        return start(resource(project), config, drl);
    }

    /** Starts the monitor (when {@code config} is not null) and then the project file, wherever it is. */
    static Mas start(Path project, Config.Builder config, String... drl) {
        return start(project, config, null, drl);
    }

    /**
     * As {@link #start(Path, Config.Builder, String...)}; with a class {@code loader}, the monitor finds its
     * sinks and sanction kinds through the SPI in what that loader sees, as a deployment with extra jars does.
     */
    static Mas start(Path project, Config.Builder config, ClassLoader loader, String... drl) {
        return start(project, config, loader, false, drl);
    }

    /** As {@link #start(String, Config.Builder, String...)}, with Vigil's architecture put in every agent by the runner. */
    static Mas startMonitoringEveryAgent(String project, Config.Builder config, String... drl) {
        return start(resource(project), config, null, true, drl);
    }

    private static Mas start(Path project, Config.Builder config, ClassLoader loader, boolean everyAgent, String... drl) {
        Mas m = new Mas();
        try {
            if (config != null) {
                RuleSource[] sources = new RuleSource[drl.length];
                for (int i = 0; i < drl.length; i++) {
                    sources[i] = new RuleSource("test" + i + ".drl", drl[i]);
                }
                Vigil.Builder b = Vigil.builder().config(config.rules(sources).build()).sink(m.alerts::add);
                m.monitor = MasMonitor.install(loader == null ? b.serviceSinks(false).classLoader(NO_PACKS) : b.classLoader(loader));
            }
            m.run = JasonRun.start(project, everyAgent);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    /**
     * Finds no rule packs: the default packs are on the test classpath (for {@link CorpusTest}), and these
     * tests judge with the rules they give.
     */
    static final ClassLoader NO_PACKS = new ClassLoader(null) {
    };

    /** A configuration for tests: the rules given in the test (not the packs), output in {@code dir}. */
    static Config.Builder config(Path dir) {
        return Config.builder().out(dir).audit(dir.resolve("audit.jsonl"));
    }

    void awaitPrinted(String line) {
        await(() -> printed.contains(line), "'" + line + "' to be printed");
    }

    void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; printed: " + printed + "; alerts: " + alerts);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** What an agent printed, in order, without its name. */
    List<String> printedBy(String agent) {
        List<String> out = new ArrayList<>();
        for (String p : printed) {
            if (p.startsWith(agent + ": ")) {
                out.add(p.substring(agent.length() + 2));
            }
        }
        return out;
    }

    /** The running agent's architecture chain, first to last. */
    static List<String> chain(String agent) {
        LocalAgArch a = BaseLocalMAS.getRunner().getAg(agent);
        return a.getFirstAgArch().getAgArchClassesChain();
    }

    @Override
    public void close() {
        try {
            if (run != null) {
                run.close();
            }
        } finally {
            MasMonitor.shutdown();
            Logger.getLogger("").removeHandler(handler);
        }
    }
}
