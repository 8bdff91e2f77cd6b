package vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import vigil.core.Stats;
import vigil.core.Vigil;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.run.JasonRun;

/**
 * Jason's own token-ring benchmark (jason-lang/benchmarks, {@code eval-token-ring-jason-c1}): 500 agents
 * pass one token round a ring until it has made {@code hops} hops, then {@code .stopMAS}. Jason publishes
 * 2.6 s for 500,000 hops (Java 12, {@code pool 16}). Runs alternate unmonitored and monitored (every
 * default pack) in this JVM after a warm-up of each; the wall time runs from creating the agents until the
 * MAS stops itself.
 */
final class TokenRing {

    private final int agents;
    private final int hops;
    private final int rounds;
    private final boolean warmUp;

    TokenRing(int agents, int hops, int rounds, boolean warmUp) {
        this.agents = agents;
        this.hops = hops;
        this.rounds = rounds;
        this.warmUp = warmUp;
    }

    Table run() throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Path dir = Files.createTempDirectory("vigil-bench-ring");
        try {
            Path project = write(dir);
            if (warmUp) {
                run(project, false, null);
                run(project, true, null);
            }
            List<Double> u = new ArrayList<>();
            List<Double> m = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long[] judged = new long[2];
            for (int r = 0; r < rounds; r++) {
                double us = run(project, false, null);
                double ms = run(project, true, judged);
                u.add(us);
                m.add(ms);
                ratios.add(ms / us);
            }
            Table t = new Table("Jason's token ring: " + agents + " agents, " + Runs.f0(hops) + " messages per run",
                    "runs (U / M)", "unmonitored s (median)", "monitored s (median)", "Jason's published s",
                    "wall-time ratio M/U (median)", "events judged per M run", "events the watch passed by");
            t.row(rounds + " / " + rounds, Table.f(Table.median(u), 2), Table.f(Table.median(m), 2),
                    agents == 500 && hops == 500_000 ? "2.6 (Java 12, pool 16, its own machine)" : "-",
                    Table.f(Table.median(ratios), 3) + "x", Runs.f0(judged[0]), Runs.f0(judged[1]));
            return t.note("The agent is jason-lang/benchmarks' `thread.asl`, unmodified; the project runs it as"
                    + " `thread #" + agents + "` on the Local infrastructure with `pool,16`, as the benchmark's own project"
                    + " does (Centralised was Local's name before Jason 3). Monitored runs have `vigil.jacamo.MonitoredArch`"
                    + " first in every agent and every default pack (live clock, no audit file, no alert log).");
        } finally {
            Runs.deleteTree(dir);
        }
    }

    private double run(Path project, boolean monitored, long[] judged) throws Exception {
        Runs.gc();
        if (monitored) {
            MasMonitor.install(Vigil.builder().config(Monitors.config().build()).serviceSinks(false));
        }
        long t0 = System.nanoTime();
        JasonRun run = JasonRun.start(project, monitored);
        double seconds;
        try {
            if (!run.awaitStop(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the token ring did not stop within 10 minutes");
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        } finally {
            run.close();
            if (monitored) {
                Stats s = MasMonitor.monitor().map(mon -> mon.stats()).orElse(null);
                if (s != null && judged != null) {
                    judged[0] = s.observed();
                    judged[1] = s.watchPassedBy();
                }
                MasMonitor.shutdown();
            }
        }
        if (monitored && judged != null && judged[0] < hops) {
            throw new IllegalStateException("the monitor judged " + judged[0] + " events, fewer than the " + hops + " hops");
        }
        return seconds;
    }

    private Path write(Path dir) throws IOException {
        String asl;
        try (InputStream in = TokenRing.class.getResourceAsStream("tokenring/thread.asl")) {
            asl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // The ring's size and the token's hops are the benchmark's constants (500 and 500000).
        asl = asl.replace("N mod 500 + 1", "N mod " + agents + " + 1")
                .replace("thread500", "thread" + agents)
                .replace("token(500000)", "token(" + hops + ")");
        Files.writeString(dir.resolve("thread.asl"), asl);
        Path project = dir.resolve("threadring.mas2j");
        Files.writeString(project, "MAS threadring {\n    infrastructure: Local(pool,16)\n    agents:\n        thread #"
                + agents + ";\n}\n");
        return project;
    }
}
