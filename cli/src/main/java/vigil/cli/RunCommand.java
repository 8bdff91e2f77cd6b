package vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.RuleCompilationException;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.run.JasonRun;
import vigil.jacamo.run.MasSession;
import vigil.jacamo.run.ProjectException;
import vigil.live.LiveView;

/**
 * {@code vigil run PROJECT.mas2j ...}: starts the monitor (and refuses to go on if it cannot), runs the
 * project headless with every agent monitored, prints alerts as they come and a summary at the end.
 */
public final class RunCommand implements Command {

    private PrintStream out;
    private PrintStream err;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String usage() {
        return """
                run PROJECT.mas2j|APP.jcm [--rules FILE|DIR[,...]]... [--config FILE] [--audit FILE] [--trace FILE]
                                  [--duration 30s] [--fail-closed] [--monitor AGENT[,...]] [--jacamo DIR]
                                  [--ui] [--ui-port N] [--ui-bind ADDRESS]
                                  [--jade-main HOST:PORT] [--jade-container NAME] [--no-spawn]
                    runs a Jason project or a JaCaMo application headless with every agent (or those named)
                    monitored by Vigil, its Java compiled as Jason's build does; prints alerts live and a
                    summary at the end; stops when the MAS stops itself (.stopMAS) or the duration ends.
                    --jacamo: the folder of your JaCaMo install or build (default: $JACAMO_HOME);
                    --ui serves the live view on 127.0.0.1 (any free port, or --ui-port N; another address
                    only with --ui-bind) and prints its address and the operator token (docs/live.md);
                    a .mas2j on JADE (infrastructure: Jade) runs its main container here (on --jade-main,
                    default 127.0.0.1 and a free port) and each container it names in a JVM of its own, unless
                    --no-spawn; --jade-container NAME runs that container, joining --jade-main (docs/jacamo.md)
                """;
    }

    private record Options(Path project, List<Path> rules, Path config, Path audit, Path trace, Duration duration,
            boolean failClosed, Set<String> monitor, Path jacamo, Integer uiPort, String uiBind, String jadeContainer,
            String jadeHost, Integer jadePort, boolean noSpawn) {
    }

    @Override
    public List<String> options() {
        return List.of("--rules=", "--config=", "--audit=", "--trace=", "--duration=", "--fail-closed", "--monitor=",
                "--jacamo=", "--ui", "--ui-port=", "--ui-bind=", "--jade-main=", "--jade-container=", "--no-spawn");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        Options o = parse(args);
        List<String> containers = null;
        try {
            // The project first: a missing file or agent source is told before the rules are compiled.
            if (!o.project().toString().endsWith(".jcm")) {
                JasonRun.check(o.project());
                containers = JasonRun.jadeContainers(o.project());
            }
        } catch (ProjectException e) {
            err.println("vigil run: " + e.getMessage());
            return Exit.BAD_PROJECT.code;
        }
        boolean jade = containers != null;
        if (!jade && (o.jadeContainer() != null || o.jadeHost() != null || o.noSpawn())) {
            throw new UsageException((o.jadeContainer() != null ? "--jade-container" : o.jadeHost() != null ? "--jade-main" : "--no-spawn")
                    + ": " + o.project() + " is not a project on JADE (infrastructure: Jade)");
        }
        if (o.jadeContainer() != null && o.jadeHost() == null) {
            throw new UsageException("--jade-container " + o.jadeContainer() + ": give the main container's address with --jade-main HOST:PORT");
        }
        String jadeHost = o.jadeHost() == null ? "127.0.0.1" : o.jadeHost();
        Config config;
        RunOutput folder;
        try {
            Config chosen = configure(o);
            folder = RunOutput.of(chosen, o.audit(), o.project());
            config = folder == null ? chosen : chosen.toBuilder().out(folder.dir()).audit(folder.dir().resolve("audit.jsonl")).build();
        } catch (ConfigException e) {
            err.println("vigil run: bad configuration: " + e.getMessage());
            return Exit.BAD_INPUT.code;
        }
        RunSummary summary = new RunSummary();
        MasSession run;
        try {
            run = MasSession.open(o.project(), o.jacamo());
        } catch (ProjectException e) {
            err.println("vigil run: " + e.getMessage());
            return Exit.BAD_PROJECT.code;
        }
        Monitor monitor;
        try {
            monitor = run.install(Vigil.builder().config(config).sink(new LivePrinter(out)).sink(summary));
        } catch (RuleCompilationException e) {
            run.close();
            err.println("vigil run: the rules do not compile, the MAS is not started." + System.lineSeparator() + e.getMessage());
            return Exit.BAD_INPUT.code;
        } catch (ConfigException | UncheckedIOException e) {
            run.close();
            err.println("vigil run: the monitor cannot start, the MAS is not started: " + e.getMessage());
            return Exit.BAD_INPUT.code;
        } catch (RuntimeException e) {
            run.close();
            err.println("vigil run: the monitor cannot start, the MAS is not started: " + e);
            return Exit.BAD_INPUT.code;
        }
        LiveView live = null;
        if (o.uiPort() != null) {
            try {
                live = LiveView.start(monitor, new LiveView.Options(InetAddress.getByName(o.uiBind()), o.uiPort()));
            } catch (IOException e) {
                run.close();
                err.println("vigil run: the live view cannot listen on " + o.uiBind() + ":" + o.uiPort() + " (--ui-port, --ui-bind): "
                        + e.getMessage() + "; the MAS is not started");
                return Exit.BAD_INPUT.code;
            }
            out.println(live.describe());
        }
        LiveView page = live;
        if (folder != null) {
            folder.markLatest();
        }
        int jadePort = 0;
        if (jade) {
            try {
                jadePort = o.jadePort() != null ? o.jadePort() : vigil.jacamo.run.Ports.free(jadeHost);
            } catch (ProjectException e) {
                run.close();
                err.println("vigil run: --jade-main " + jadeHost + ": " + e.getMessage());
                return Exit.BAD_INPUT.code;
            }
            run.jade(o.jadeContainer(), jadeHost, jadePort);
        }
        long started = System.currentTimeMillis();
        try {
            run.start(o.monitor());
        } catch (ProjectException e) {
            if (page != null) {
                page.close();
            }
            run.close();
            err.println("vigil run: " + e.getMessage());
            return Exit.BAD_PROJECT.code;
        }
        String where = !jade ? "" : " (JADE " + (o.jadeContainer() == null ? "main container at " + jadeHost + ":" + jadePort
                : "container " + o.jadeContainer() + ", joined " + jadeHost + ":" + jadePort) + ", pid " + ProcessHandle.current().pid() + ")";
        out.println("vigil: running " + o.project() + where + " with " + run.agents().size() + " agents " + run.agents()
                + "; " + count(monitor.rules().stream().filter(r -> r.judges()).count(), "rule") + "; audit "
                + (config.audit() == null ? "off" : config.audit()) + "; until .stopMAS"
                + (o.duration() == null ? " or Ctrl-C" : " or " + Config.formatDuration(o.duration())));
        JadeContainers spawned = null;
        if (jade && o.jadeContainer() == null && !containers.isEmpty()) {
            JadeContainers.Launch launch = new JadeContainers.Launch(o.project().toAbsolutePath(), jadeHost, jadePort,
                    passOn(o), config.audit() == null ? null : config.audit().toAbsolutePath(),
                    config.trace() == null ? null : config.trace().toAbsolutePath());
            if (o.noSpawn()) {
                out.println("vigil: start each container of " + o.project() + " in its own JVM (on this machine or another that reaches "
                        + jadeHost + ":" + jadePort + "):");
                for (String c : containers) {
                    out.println("  ./vigil " + String.join(" ", JadeContainers.command(launch, c)));
                }
            } else {
                try {
                    spawned = JadeContainers.spawn(containers, launch, out);
                } catch (IllegalStateException e) {
                    run.close();
                    err.println("vigil run: " + e.getMessage());
                    return Exit.BAD_PROJECT.code;
                }
                out.println("vigil: containers " + String.join(", ", containers) + " started, each in a JVM of its own");
            }
        }
        JadeContainers others = spawned;
        AtomicBoolean finished = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> finish(run, monitor, page, summary, started, finished, "interrupted", others),
                "vigil-interrupt");
        try {
            Runtime.getRuntime().addShutdownHook(onInterrupt);
        } catch (IllegalStateException exiting) {
            // Interrupted (SIGTERM, Ctrl-C) while starting: the JVM is already on its way out, so finish now.
            finish(run, monitor, page, summary, started, finished, "interrupted", others);
            return Exit.OK.code;
        }
        String how;
        try {
            Duration limit = o.duration() == null ? Duration.ofDays(365_000) : o.duration();
            if (o.jadeContainer() != null && JadeContainers.spawnedHere()) {
                how = JadeContainers.awaitStop(run, limit);
            } else {
                boolean stoppedItself = run.awaitStop(limit);
                how = stoppedItself ? "the MAS stopped itself" : "the duration ended";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            how = "interrupted";
        }
        finish(run, monitor, page, summary, started, finished, how, others);
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // The JVM is already exiting.
        }
        return run.exitValue() == 0 ? Exit.OK.code : run.exitValue();
    }

    private void finish(MasSession run, Monitor monitor, LiveView page, RunSummary summary, long started, AtomicBoolean finished,
            String how, JadeContainers others) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (others != null) {
            // The containers first, each stopping its own agents while the main container still knows them.
            others.stop(java.time.Duration.ofSeconds(30));
        }
        run.stop();
        try {
            monitor.drain(5_000);
            // The MAS has stopped: let the watch's clock run on past the rules judged a moment after their
            // last event (a contradiction is judged honesty.settle after the later tell).
            monitor.advanceTo(System.currentTimeMillis() + 5_000);
            monitor.drain(5_000);
            monitor.flushAlerts(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        summary.print(out, how, System.currentTimeMillis() - started, run.traffic(), monitor);
        if (page != null) {
            page.close();
        }
        run.close();
        out.flush();
    }

    /** The options a container's JVM gets from the main one's command line. */
    private static List<String> passOn(Options o) {
        List<String> l = new ArrayList<>();
        for (Path r : o.rules()) {
            l.addAll(List.of("--rules", r.toAbsolutePath().toString()));
        }
        if (o.config() != null) {
            l.addAll(List.of("--config", o.config().toAbsolutePath().toString()));
        }
        if (o.failClosed()) {
            l.add("--fail-closed");
        }
        if (!o.monitor().isEmpty()) {
            l.addAll(List.of("--monitor", String.join(",", o.monitor())));
        }
        if (o.duration() != null) {
            // A safety net: the containers end with the platform, which the main JVM stops at its duration.
            l.addAll(List.of("--duration", Config.formatDuration(o.duration().plusSeconds(60))));
        }
        return l;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private Config configure(Options o) {
        Config base;
        if (o.config() != null) {
            base = Config.load(o.config());
        } else {
            Path local = o.project().toAbsolutePath().getParent().resolve(MasMonitor.CONFIG_FILE);
            base = Files.isRegularFile(local) ? Config.load(local) : Config.defaults();
        }
        Config.Builder b = base.toBuilder().logAlerts(false);
        if (!o.rules().isEmpty()) {
            List<String> locations = new ArrayList<>();
            for (Path p : o.rules()) {
                locations.add(p.toString());
            }
            b.rules(locations);
        }
        if (o.audit() != null) {
            b.audit(o.audit());
        }
        if (o.trace() != null) {
            b.trace(o.trace());
        }
        if (o.failClosed()) {
            b.fail(Config.FailMode.CLOSED);
        }
        if (o.uiPort() != null) {
            // --ui starts the page itself (it prints on this command's output): not a second one from live.port.
            b.set(Config.LIVE_PORT, null);
        }
        return b.build();
    }

    private static Options parse(Args args) {
        List<String> projects = args.positional();
        if (projects.isEmpty()) {
            throw new UsageException("give the project file, e.g. vigil run my.mas2j");
        }
        if (projects.size() > 1) {
            throw new UsageException("one project only (got " + projects.get(0) + " and " + projects.get(1) + ")");
        }
        Duration duration = null;
        if (args.value("--duration") != null) {
            try {
                duration = Config.parseDuration(args.value("--duration"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--duration: " + e.getMessage());
            }
        }
        Integer uiPort = null;
        if (args.value("--ui-port") != null) {
            uiPort = args.number("--ui-port", Integer::valueOf);
            if (uiPort < 0 || uiPort > 65535) {
                throw new UsageException("--ui-port: expected a port within 0..65535 (0: any free one), got " + uiPort);
            }
        } else if (args.flag("--ui") || args.value("--ui-bind") != null) {
            uiPort = 0;
        }
        String uiBind = args.value("--ui-bind") == null ? "127.0.0.1" : args.value("--ui-bind");
        String jadeHost = null;
        Integer jadePort = null;
        String main = args.value("--jade-main");
        if (main != null) {
            int colon = main.lastIndexOf(':');
            if (colon <= 0 || colon == main.length() - 1) {
                throw new UsageException("--jade-main: expected HOST:PORT (e.g. 127.0.0.1:1099), got '" + main + "'");
            }
            jadeHost = main.substring(0, colon);
            try {
                jadePort = Integer.valueOf(main.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("--jade-main: not a port: '" + main.substring(colon + 1) + "'");
            }
            if (jadePort < 1 || jadePort > 65535) {
                throw new UsageException("--jade-main: expected a port within 1..65535, got " + jadePort);
            }
        }
        String container = args.value("--jade-container");
        if (container != null && container.isBlank()) {
            throw new UsageException("--jade-container: give the container's name");
        }
        return new Options(Path.of(projects.get(0)), args.list("--rules").stream().map(Path::of).toList(),
                args.path("--config"), args.path("--audit"), args.path("--trace"), duration, args.flag("--fail-closed"),
                new TreeSet<>(args.list("--monitor")), args.path("--jacamo"), uiPort, uiBind, container, jadeHost, jadePort,
                args.flag("--no-spawn"));
    }
}
