package vigil.jacamo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;
import vigil.core.Config;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.jacamo.run.JasonRun;
import vigil.jacamo.run.MasSession;

/**
 * One Jason project run headless under the default packs, as {@code ./vigil run} runs it: every agent
 * monitored, default configuration; a project with Java of its own is built first ({@link #runBuilt}). Stops when the project stops itself or the duration ends; then lets the
 * watch's clock run past the last timers (a contradiction is judged a moment after the later tell) and
 * reads what was found. What the program printed itself, the trace and the audit log go to {@code out}.
 */
record PacksRun(int agents, long messages, long actions, List<Violation> violations) {

    static PacksRun run(Path project, Duration duration, Path out) throws IOException, InterruptedException {
        return quietly(out, config -> {
            Monitor monitor = MasMonitor.install(Vigil.builder().config(config).serviceSinks(false));
            try {
                int agents;
                JasonRun run = JasonRun.start(project, true);
                try {
                    agents = run.agents().size();
                    run.awaitStop(duration);
                } finally {
                    run.close();
                }
                settle(monitor);
                MasMonitor.Traffic t = MasMonitor.traffic();
                return new PacksRun(agents, t.messages(), t.actions(), monitor.violations());
            } finally {
                MasMonitor.shutdown();
            }
        });
    }

    /**
     * As {@link #run}, for a project with Java of its own: built and run as {@code ./vigil run} does
     * ({@link MasSession}: its Java compiled, the MAS in a class loader of its own).
     */
    static PacksRun runBuilt(Path project, Duration duration, Path out) throws IOException, InterruptedException {
        return quietly(out, config -> {
            try (MasSession session = MasSession.open(project, null)) {
                Monitor monitor = session.install(Vigil.builder().config(config).serviceSinks(false));
                session.start(true);
                int agents = session.agents().size();
                session.awaitStop(duration);
                session.stop();
                settle(monitor);
                MasMonitor.Traffic t = session.traffic();
                return new PacksRun(agents, t.messages(), t.actions(), monitor.violations());
            }
        });
    }

    /** The MAS has stopped: lets the watch judge what is queued and its clock run past the last timers. */
    private static void settle(Monitor monitor) throws InterruptedException {
        monitor.drain(10_000);
        monitor.advanceTo(System.currentTimeMillis() + 5_000);
        monitor.drain(10_000);
    }

    private interface Body {
        PacksRun run(Config config) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code body} with the default configuration writing to {@code out}; the program's .print and Jason's
     * notices go to SLF4J (quiet in tests), as with ./vigil run; what the program prints itself (an agent with
     * verbose=0, an architecture printing to standard output) goes to {@code out/output.txt}.
     */
    private static PacksRun quietly(Path out, Body body) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("audit.jsonl"));
        Files.deleteIfExists(out.resolve("trace.jsonl"));
        Config config = Config.defaults().toBuilder().logAlerts(false).out(out).audit(out.resolve("audit.jsonl"))
                .trace(out.resolve("trace.jsonl")).build();
        Logger root = Logger.getLogger("");
        Handler[] handlers = root.getHandlers();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PrintStream stdout = System.out;
        try (PrintStream printed = new PrintStream(Files.newOutputStream(out.resolve("output.txt")), true, StandardCharsets.UTF_8)) {
            System.setOut(printed);
            return body.run(config);
        } finally {
            System.setOut(stdout);
            SLF4JBridgeHandler.uninstall();
            for (Handler h : handlers) {
                root.addHandler(h);
            }
        }
    }

    /** The violations by pack, for the corpus's figures. */
    Map<String, Integer> byPack() {
        Map<String, Integer> out = new TreeMap<>();
        for (Violation v : violations) {
            out.merge(v.pack(), 1, Integer::sum);
        }
        return out;
    }

    /** Each violation as {@code rule: explanation}, for failure messages. */
    List<String> said() {
        List<String> out = new ArrayList<>();
        for (Violation v : violations) {
            out.add(v.rule() + ": " + v.explanation());
        }
        return out;
    }

    /** The names of the rules that fired, in order. */
    List<String> rules() {
        return violations.stream().map(Violation::rule).toList();
    }
}
