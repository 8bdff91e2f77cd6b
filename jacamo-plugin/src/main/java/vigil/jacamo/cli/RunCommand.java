package vigil.jacamo.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.RuleCompilationException;
import vigil.jacamo.MasMonitor;

/**
 * {@code vigil run PROJECT.mas2j ...}: starts the monitor (and refuses to go on if it cannot), runs the
 * project headless with every agent monitored, prints alerts as they come and a summary at the end.
 */
final class RunCommand {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int BAD_RULES = 3;
    static final int BAD_PROJECT = 4;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private record Options(Path project, List<Path> rules, Path config, Path audit, Path trace, Duration duration,
            boolean failClosed) {
    }

    int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("vigil run: " + e.getMessage());
            err.print(Main.USAGE);
            return USAGE;
        }
        Config config;
        try {
            config = configure(o);
        } catch (ConfigException e) {
            err.println("vigil run: bad configuration: " + e.getMessage());
            return USAGE;
        }
        Summary summary = new Summary();
        Monitor monitor;
        try {
            monitor = MasMonitor.install(Vigil.builder().config(config).sink(new LivePrinter(out)).sink(summary));
        } catch (RuleCompilationException e) {
            err.println("vigil run: the rules do not compile, the MAS is not started." + System.lineSeparator() + e.getMessage());
            return BAD_RULES;
        } catch (ConfigException | UncheckedIOException e) {
            err.println("vigil run: the monitor cannot start, the MAS is not started: " + e.getMessage());
            return BAD_RULES;
        } catch (RuntimeException e) {
            err.println("vigil run: the monitor cannot start, the MAS is not started: " + e);
            return BAD_RULES;
        }
        long started = System.currentTimeMillis();
        JasonRun run;
        try {
            run = JasonRun.start(o.project(), true);
        } catch (ProjectException e) {
            MasMonitor.shutdown();
            err.println("vigil run: " + e.getMessage());
            return BAD_PROJECT;
        }
        out.println("vigil: running " + o.project() + " with " + run.agents().size() + " agents " + run.agents()
                + "; " + monitor.rules().stream().filter(r -> r.judges()).count() + " rules; audit "
                + (config.audit() == null ? "off" : config.audit()) + "; until .stopMAS"
                + (o.duration() == null ? " or Ctrl-C" : " or " + Config.formatDuration(o.duration())));
        AtomicBoolean finished = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> finish(run, monitor, summary, started, finished, "interrupted"), "vigil-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        String how;
        try {
            boolean stoppedItself = run.awaitStop(o.duration() == null ? Duration.ofDays(365_000) : o.duration());
            how = stoppedItself ? "the MAS stopped itself" : "the duration ended";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            how = "interrupted";
        }
        finish(run, monitor, summary, started, finished, how);
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // The JVM is already exiting.
        }
        return run.exitValue() == 0 ? OK : run.exitValue();
    }

    private void finish(JasonRun run, Monitor monitor, Summary summary, long started, AtomicBoolean finished, String how) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        run.close();
        try {
            monitor.drain(5_000);
            monitor.flushAlerts(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        summary.print(out, how, System.currentTimeMillis() - started, MasMonitor.traffic(), monitor);
        MasMonitor.shutdown();
        out.flush();
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
        return b.build();
    }

    private static Options parse(String[] args) {
        Path project = null;
        List<Path> rules = new ArrayList<>();
        Path config = null;
        Path audit = null;
        Path trace = null;
        Duration duration = null;
        boolean failClosed = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--rules" -> rules.add(Path.of(value != null ? value : next(args, ++i, a)));
                case "--config" -> config = Path.of(value != null ? value : next(args, ++i, a));
                case "--audit" -> audit = Path.of(value != null ? value : next(args, ++i, a));
                case "--trace" -> trace = Path.of(value != null ? value : next(args, ++i, a));
                case "--duration" -> {
                    String d = value != null ? value : next(args, ++i, a);
                    try {
                        duration = Config.parseDuration(d);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--duration: " + e.getMessage());
                    }
                }
                case "--fail-closed" -> failClosed = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (project != null) {
                        throw new IllegalArgumentException("one project only (got " + project + " and " + a + ")");
                    }
                    project = Path.of(a);
                }
            }
        }
        if (project == null) {
            throw new IllegalArgumentException("give the project file, e.g. vigil run my.mas2j");
        }
        return new Options(project, rules, config, audit, trace, duration, failClosed);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
