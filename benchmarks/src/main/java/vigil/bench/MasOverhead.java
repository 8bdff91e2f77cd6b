package vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import vigil.bench.mas.finished;
import vigil.core.Config;
import vigil.core.Monitor;
import vigil.core.Stats;
import vigil.core.Vigil;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.run.JasonRun;

/**
 * What monitoring costs a running Jason MAS: pairs of agents play request/reply rounds (an {@code achieve}
 * one way, a {@code tell} of something the sender believes the other way), with or without an environment
 * action per round. Each variant runs unmonitored and monitored with every default pack, alternating in
 * this JVM (U, M, U, M, ...) after one warm-up of each, and the wall time of each run is taken from the start
 * of the agents until every pinger has finished. Jason keeps static state, so one MAS runs at a time.
 *
 * <p>For profiling, system properties narrow a run: {@code vigil.bench.mas.variant=messages|actions} runs one
 * variant, {@code vigil.bench.mas.skipOff=true} leaves out the runs with admission off, and
 * {@code vigil.bench.mas.rules=DIR} monitors with the rules of {@code DIR} instead of the default packs.
 */
class MasOverhead {

    private static final String PINGER = """
            count(0).
            !start.
            +!start : partner(P) <- .send(P, achieve, ping).
            +ready[source(A)] : count(N) & N < %d <- -ready[source(A)]; -+count(N + 1); .send(A, achieve, ping).
            +ready[source(A)] : count(N) & N >= %d <- -ready[source(A)]; vigil.bench.mas.finished.
            """;
    private static final String PONGER = """
            ready.
            +!ping[source(A)] <- %s.send(A, tell, ready).
            """;

    private final int pairs;
    private final int rounds;
    private final int perPair;
    private final boolean warmUp;
    /** Started beside the monitor of each monitored run and closed after it (the live view's cost); nothing by default. */
    private Function<Monitor, AutoCloseable> beside = m -> null;
    /** The CPU time of the whole process, every thread, during the last run's timed span. */
    private double lastCpu;
    /** The rule folder monitored runs load instead of the default packs; empty: the default packs (or the property's). */
    private String rules = System.getProperty("vigil.bench.mas.rules", "");

    /** {@code pairs} pairs of agents, each playing {@code perPair} request/reply rounds (two messages each). */
    MasOverhead(int pairs, int perPair, int rounds, boolean warmUp) {
        this.warmUp = warmUp;
        this.pairs = pairs;
        this.perPair = perPair;
        this.rounds = rounds;
    }

    int pairs() {
        return pairs;
    }

    boolean warmUp() {
        return warmUp;
    }

    void beside(Function<Monitor, AutoCloseable> start) {
        this.beside = start;
    }

    /** The process's CPU seconds, every thread, over the last run's timed span. */
    double lastCpu() {
        return lastCpu;
    }

    /** Monitored runs load the default packs from now on. */
    MasOverhead defaultPacks() {
        this.rules = "";
        return this;
    }

    /** Monitored runs load the rules of {@code dir} instead of the default packs. */
    MasOverhead rules(Path dir) {
        this.rules = dir.toString();
        return this;
    }

    /**
     * The messages-only variant, unmonitored and monitored alternating (after a warm-up of each when this
     * benchmark warms up): the medians of the per-round wall-time and CPU ratios, monitored over unmonitored.
     */
    double[] ratios() throws Exception {
        Path dir = Files.createTempDirectory("vigil-bench-mas");
        try {
            Path project = write(dir, false);
            if (warmUp) {
                run(project, false, true, null);
                run(project, true, true, null);
            }
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            long[] judged = new long[2];
            for (int r = 0; r < rounds; r++) {
                double us = run(project, false, true, null);
                double uCpu = lastCpu;
                double ms = run(project, true, true, judged);
                wall.add(ms / us);
                cpu.add(lastCpu / uCpu);
            }
            return new double[] {Table.median(wall), Table.median(cpu)};
        } finally {
            Runs.deleteTree(dir);
        }
    }

    /** The messages one run sends at least: every monitored run must judge as many events. */
    long messages() {
        return 2L * pairs * perPair;
    }

    /** How many agents call {@code vigil.bench.mas.finished} in one run. */
    int finishers() {
        return pairs;
    }

    String title() {
        return "MAS overhead: " + 2 * pairs + " Jason agents, " + Runs.f0(messages()) + " messages per run";
    }

    String variant(boolean actions) {
        return actions ? "messages + an environment action per round" : "messages only";
    }

    String note() {
        return "Rounds alternate unmonitored, monitored, and monitored with `admission = off` (every event"
                + " inserted into the watch's session, as before admission). Each agent is a plain Jason 3.2.1 agent on the Local infrastructure; monitored runs have"
                + " `vigil.jacamo.MonitoredArch` first in every agent and a monitor with every default pack (live clock,"
                + " no audit file, no alert log). The timed span starts before the agents are created and ends when the"
                + " last pinger finishes; the watch may still hold a backlog then, which it judges before the monitor closes."
                + " CPU: the process's, every thread, over the same span.";
    }

    Table run() throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Table t = new Table(title(),
                "variant", "runs (U / M)", "unmonitored s (median)", "monitored s (median)", "unmonitored msg/s",
                "monitored msg/s", "wall-time ratio M/U (median)", "CPU ratio M/U (median)", "events judged per M run",
                "ratio with admission = off (median)", "events the watch passed by");
        String only = System.getProperty("vigil.bench.mas.variant", "");
        for (boolean actions : new boolean[] {false, true}) {
            if (!only.isEmpty() && only.equals("actions") != actions) {
                continue;
            }
            Path dir = Files.createTempDirectory("vigil-bench-mas");
            try {
                Path project = write(dir, actions);
                if (warmUp) {
                    run(project, false, true, null);
                    run(project, true, true, null);
                }
                List<Double> u = new ArrayList<>();
                List<Double> m = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> cpuRatios = new ArrayList<>();
                List<Double> offRatios = new ArrayList<>();
                long[] judged = new long[2];
                long[] ignored = new long[2];
                for (int r = 0; r < rounds; r++) {
                    double us = run(project, false, true, null);
                    double uCpu = lastCpu;
                    double ms = run(project, true, true, judged);
                    cpuRatios.add(lastCpu / uCpu);
                    double off = Boolean.getBoolean("vigil.bench.mas.skipOff") ? Double.NaN : run(project, true, false, ignored);
                    u.add(us);
                    m.add(ms);
                    ratios.add(ms / us);
                    offRatios.add(off / us);
                }
                double mu = Table.median(u);
                double mm = Table.median(m);
                t.row(variant(actions), rounds + " / " + rounds,
                        Table.f(mu, 2), Table.f(mm, 2), Runs.f0(messages() / mu), Runs.f0(messages() / mm),
                        Table.f(Table.median(ratios), 3) + "x", Table.f(Table.median(cpuRatios), 3) + "x", Runs.f0(judged[0]),
                        Table.f(Table.median(offRatios), 3) + "x", Runs.f0(judged[1]));
            } finally {
                Runs.deleteTree(dir);
            }
        }
        return t.note(note());
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One run; returns its wall time in seconds ({@link #lastCpu}: the process's CPU seconds over the same span). */
    double run(Path project, boolean monitored, boolean admission, long[] judged) throws Exception {
        Runs.gc();
        synchronized (finished.COUNT) {
            finished.COUNT.set(0);
        }
        AutoCloseable extra = null;
        if (monitored) {
            Config.Builder cb = Monitors.config().set(Config.ADMISSION, admission);
            if (!rules.isEmpty()) {
                cb.rules(List.of(rules));
            }
            extra = beside.apply(MasMonitor.install(Vigil.builder().config(cb.build()).serviceSinks(false)));
        }
        long t0 = System.nanoTime();
        long cpu0 = processCpu();
        JasonRun run = JasonRun.start(project, monitored);
        double seconds;
        try {
            if (!monitored && (MasMonitor.monitor().isPresent() || !MasMonitor.monitoredAgents().isEmpty())) {
                throw new IllegalStateException("an unmonitored run has monitored agents");
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            synchronized (finished.COUNT) {
                while (finished.COUNT.get() < finishers()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("the MAS did not finish within 10 minutes (" + finished.COUNT.get()
                                + " of " + finishers() + " done)");
                    }
                    finished.COUNT.wait(Math.max(1, left / 1_000_000));
                }
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            lastCpu = (processCpu() - cpu0) / 1e9;
        } finally {
            run.close();
            if (extra != null) {
                extra.close();
            }
            if (monitored) {
                Stats s = MasMonitor.monitor().map(mon -> mon.stats()).orElse(null);
                if (s != null && judged != null) {
                    judged[0] = s.observed();
                    judged[1] = s.watchPassedBy();
                }
                MasMonitor.shutdown();
            }
        }
        if (monitored && judged != null && judged[0] < messages()) {
            throw new IllegalStateException("the monitor judged " + judged[0] + " events, fewer than the " + messages() + " messages sent");
        }
        return seconds;
    }

    Path write(Path dir, boolean actions) throws IOException {
        StringBuilder mas = new StringBuilder("MAS bench {\n");
        if (actions) {
            mas.append("    environment: vigil.bench.mas.Workshop\n");
        }
        mas.append("    agents:\n");
        Files.writeString(dir.resolve("ponger.asl"), PONGER.formatted(actions ? "work; " : ""));
        for (int i = 1; i <= pairs; i++) {
            Files.writeString(dir.resolve("pinger" + i + ".asl"),
                    "partner(ponger" + i + ").\n" + PINGER.formatted(perPair, perPair));
            mas.append("        pinger").append(i).append(" pinger").append(i).append(".asl;\n");
            mas.append("        ponger").append(i).append(" ponger.asl;\n");
        }
        mas.append("}\n");
        Path project = dir.resolve("bench.mas2j");
        Files.writeString(project, mas);
        return project;
    }
}
