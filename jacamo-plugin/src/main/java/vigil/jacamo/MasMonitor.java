package vigil.jacamo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.AuditTrail;
import vigil.core.Config;

/**
 * The monitor of the running multi-agent system, shared by all its {@link MonitoredArch} agents (Jason runs
 * one MAS per JVM). A launcher that controls the run (Vigil's runner, a test) {@link #install installs} a
 * monitor before the agents start; otherwise the first monitored agent creates one from the configuration:
 * the file named by the system property {@code vigil.config}, else {@code vigil.properties} in the working
 * directory, else the embedded defaults. A monitor created that way is closed when the last monitored agent
 * stops (and at JVM exit). Thread-safe.
 */
public final class MasMonitor {

    /** The system property naming the configuration file. */
    public static final String CONFIG_PROPERTY = "vigil.config";
    /** The configuration file looked for in the working directory when the property is not set. */
    public static final String CONFIG_FILE = "vigil.properties";
    /** The system property that forces the fail mode ({@code open} or {@code closed}), even over a broken configuration. */
    public static final String FAIL_PROPERTY = "vigil.fail";

    private static final Logger LOG = LoggerFactory.getLogger(MasMonitor.class);
    private static final Pattern FAIL_CLOSED = Pattern.compile("(?m)^\\s*fail\\s*[=:]\\s*closed\\s*$");

    private static final Object LOCK = new Object();
    private static final Map<String, MonitoredArch> AGENTS = new ConcurrentHashMap<>();
    private static volatile Monitor monitor;
    private static volatile Unavailable unavailable;
    private static volatile LongSupplier eventClock = System::currentTimeMillis;
    private static boolean owned;
    private static boolean hookAdded;
    private static final Traffic.Counter TRAFFIC = new Traffic.Counter();

    private MasMonitor() {
    }

    /**
     * Starts the monitor for the next MAS from a builder and makes it the shared one. Vigil's
     * platform for Jason agents ({@link JasonPlatform}) replaces the builder's. The caller closes it with {@link #shutdown()}.
     * Throws what {@link Vigil.Builder#start()} throws when the rules or the configuration are bad.
     */
    public static Monitor install(Vigil.Builder builder) {
        Monitor m = builder.platform(new JasonPlatform()).start();
        synchronized (LOCK) {
            Monitor old = monitor;
            monitor = m;
            owned = false;
            unavailable = null;
            TRAFFIC.reset();
            if (old != null && old != m) {
                old.close();
            }
        }
        return m;
    }

    /**
     * Sets the time stamped on the events the agents' architectures judge: the wall clock unless a driver
     * with its own time sets another (the scenarios run in scenario time, with {@link vigil.core.Config.ClockMode#EVENTS}).
     * {@link #shutdown()} restores the wall clock. Called from any thread; the supplier is called from the agents' threads.
     */
    public static void eventClock(LongSupplier clock) {
        eventClock = clock == null ? System::currentTimeMillis : clock;
    }

    /** The time of an event judged now, on the monitor's clock (see {@link #eventClock}): every event of the MAS is stamped with it. */
    public static long now() {
        return eventClock.getAsLong();
    }

    /** The shared monitor, if one is running. */
    public static Optional<Monitor> monitor() {
        return Optional.ofNullable(monitor);
    }

    /** The names of the agents monitored now, sorted. */
    public static Set<String> monitoredAgents() {
        return new TreeSet<>(AGENTS.keySet());
    }

    /** What the monitored agents sent and did since the monitor was installed. */
    public static Traffic traffic() {
        return TRAFFIC.snapshot();
    }

    /** Closes the shared monitor (its audit log records the close) and forgets it, so a next MAS starts afresh. */
    public static void shutdown() {
        Monitor m;
        synchronized (LOCK) {
            m = monitor;
            monitor = null;
            unavailable = null;
            owned = false;
            eventClock = System::currentTimeMillis;
        }
        if (m != null) {
            m.close();
        }
    }

    // ---- what the agents' architectures use ----

    /** Why there is no monitor, and what the agents must do about it. */
    record Unavailable(String reason, boolean failClosed) {
    }

    /** Registers a monitored agent; creates the monitor on first use. Returns the monitor, or null when it cannot start. */
    static Monitor join(MonitoredArch arch) {
        String name = arch.getAgName();
        // Agents create, clone, kill and stop through the platform's services: put them under the monitor too.
        PlatformGuard.install();
        synchronized (LOCK) {
            AGENTS.put(name, arch);
            if (monitor == null && unavailable == null) {
                create();
            }
            return monitor;
        }
    }

    /**
     * An agent named {@code vigil} started by a launcher other than Vigil's runner: it is not registered as a
     * monitored agent (no message of it passes as judged), its refusal is logged once, and the monitor (created
     * here if need be) records what it attempts as withheld. Returns the monitor, or null.
     */
    static Monitor refuse(MonitoredArch arch) {
        LOG.warn("{}: everything the agent named vigil sends or does is withheld", MonitoredArch.RESERVED);
        PlatformGuard.install();
        synchronized (LOCK) {
            if (monitor == null && unavailable == null) {
                create();
            }
            return monitor;
        }
    }

    /** Forgets a stopped agent; the last one to leave closes a monitor created here. */
    static void leave(MonitoredArch arch) {
        Monitor toClose = null;
        synchronized (LOCK) {
            if (!AGENTS.remove(arch.getAgName(), arch)) {
                return;
            }
            if (AGENTS.isEmpty()) {
                unavailable = null;
                if (owned) {
                    toClose = monitor;
                    monitor = null;
                    owned = false;
                }
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    static Unavailable unavailable() {
        return unavailable;
    }

    static MonitoredArch arch(String agent) {
        return AGENTS.get(agent);
    }

    /** Whether an agent of that name runs on the platform (true when the platform cannot say). */
    static boolean exists(String agent) {
        jason.infra.local.BaseLocalMAS runner = jason.infra.local.BaseLocalMAS.getRunner();
        return runner == null || runner.getAg(agent) != null;
    }

    static boolean isMonitored(String agent) {
        return agent != null && AGENTS.containsKey(agent);
    }

    static Collection<MonitoredArch> archs() {
        return AGENTS.values();
    }

    static Traffic.Counter counter() {
        return TRAFFIC;
    }

    /** Creates the monitor from the configuration found; on failure says so once for the whole MAS. Holds LOCK. */
    private static void create() {
        Path file = configFile();
        Config config = null;
        try {
            config = file == null ? Config.defaults() : Config.load(file);
            monitor = Vigil.builder().config(config).platform(new JasonPlatform()).start();
            owned = true;
            TRAFFIC.reset();
            addShutdownHook();
        } catch (RuntimeException | LinkageError e) {
            boolean closed = failClosed(config, file);
            String reason = "Vigil's monitor could not start"
                    + (file == null ? " (embedded default configuration)" : " (configuration " + file + ")") + ": "
                    + e.getMessage() + System.lineSeparator() + "  -> " + (closed
                            ? "fail = closed: every message and action of the monitored agents is withheld"
                            : "fail = open: the agents run UNMONITORED");
            unavailable = new Unavailable(reason, closed);
            report(reason, config);
        }
    }

    private static Path configFile() {
        String prop = System.getProperty(CONFIG_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path local = Path.of(CONFIG_FILE);
        return Files.isRegularFile(local) ? local : null;
    }

    /** The fail mode, read leniently when the configuration itself is what failed. */
    private static boolean failClosed(Config config, Path file) {
        String prop = System.getProperty(FAIL_PROPERTY);
        if (prop != null) {
            return prop.trim().toLowerCase(Locale.ROOT).equals("closed");
        }
        if (config != null) {
            return config.fail() == Config.FailMode.CLOSED;
        }
        if (file != null) {
            try {
                return FAIL_CLOSED.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
            } catch (Exception ignored) {
                // An unreadable file cannot ask for fail-closed.
            }
        }
        return false;
    }

    /** One error for the MAS: in the log (stderr when no logger is bound) and in the audit log when there is one. */
    private static void report(String reason, Config config) {
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            System.err.println("ERROR " + reason);
        } else {
            LOG.error(reason);
        }
        if (config == null || config.audit() == null) {
            if (config != null) {
                System.err.println("ERROR " + reason.lines().findFirst().orElse(reason) + " (no audit log is configured)");
            }
            return;
        }
        try {
            AuditTrail.recordUnavailable(config, reason);
        } catch (Exception e) {
            System.err.println("ERROR " + reason + " (and the audit log " + config.audit() + " could not record it: " + e.getMessage() + ")");
        }
    }

    private static void addShutdownHook() {
        if (hookAdded) {
            return;
        }
        hookAdded = true;
        // Plain Jason's .stopMAS ends with System.exit: close the audit log properly on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Monitor m;
            synchronized (LOCK) {
                m = owned ? monitor : null;
                monitor = null;
            }
            if (m != null) {
                m.close();
            }
        }, "vigil-shutdown"));
    }

    /** Counts of what monitored agents sent and did, and what was withheld. */
    public record Traffic(long messages, long messagesWithheld, long incoming, long incomingWithheld, long actions,
            long actionsWithheld, long undeliverable) {

        /** Counted by every agent's thread at once: adders, so that the threads do not contend for one line of memory. */
        static final class Counter {
            final LongAdder messages = new LongAdder();
            final LongAdder messagesWithheld = new LongAdder();
            final LongAdder incoming = new LongAdder();
            final LongAdder incomingWithheld = new LongAdder();
            final LongAdder actions = new LongAdder();
            final LongAdder actionsWithheld = new LongAdder();
            /** Messages to receivers that do not exist: not judged, not delivered. */
            final LongAdder undeliverable = new LongAdder();

            void reset() {
                for (LongAdder a : List.of(messages, messagesWithheld, incoming, incomingWithheld, actions, actionsWithheld,
                        undeliverable)) {
                    a.reset();
                }
            }

            Traffic snapshot() {
                return new Traffic(messages.sum(), messagesWithheld.sum(), incoming.sum(), incomingWithheld.sum(),
                        actions.sum(), actionsWithheld.sum(), undeliverable.sum());
            }
        }
    }
}
