package vigil.bench;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH benchmarks from code and turns their results into tables. JMH's own report goes to
 * {@code target/jmh-*.log}. Quick runs (the smoke test) stay in this JVM with one short iteration.
 */
final class JmhRun {

    private final boolean quick;

    JmhRun(boolean quick) {
        this.quick = quick;
    }

    private ChainedOptionsBuilder options(Class<?> bench, String log) {
        ChainedOptionsBuilder b = new OptionsBuilder().include(bench.getName() + "\\.").shouldFailOnError(true)
                .output("target/jmh-" + log + ".log").jvmArgsAppend("-Xmx2g");
        if (quick) {
            if (bench == GateBench.class) {
                b.param("kind", "tell");
            }
            if (bench == WatchBench.class) {
                b.param("spacingMicros", "1000");
            }
            return b.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        }
        return b.forks(1);
    }

    private Collection<RunResult> run(ChainedOptionsBuilder b) {
        try {
            return new Runner(b.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
    }

    Table gate() {
        ChainedOptionsBuilder latency = options(GateBench.class, "gate-latency").mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS);
        ChainedOptionsBuilder throughput = options(GateBench.class, "gate-throughput").mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS);
        if (!quick) {
            latency.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(3));
            throughput.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> lat = run(latency);
        Collection<RunResult> thr = run(throughput);
        Table t = new Table("Gate: one event's verdict, all packs loaded (JMH)",
                "event", "p50 (us)", "p99 (us)", "p99.9 (us)", "samples", "throughput (verdicts/s, one thread)");
        for (RunResult r : lat) {
            String kind = r.getParams().getParam("kind");
            Statistics s = r.getPrimaryResult().getStatistics();
            double ops = 0;
            for (RunResult q : thr) {
                if (kind.equals(q.getParams().getParam("kind"))) {
                    ops = q.getPrimaryResult().getScore();
                }
            }
            t.row(kind, Table.f(s.getPercentile(50), 1), Table.f(s.getPercentile(99), 1), Table.f(s.getPercentile(99.9), 1),
                    Runs.f0(s.getN()), Runs.f0(ops));
        }
        return t.note("The gate alone (its Drools session, under its lock, in the calling thread), as an agent's send or"
                + " act waits for it; lawful events, so this is the common case. `Mode.SampleTime` for the percentiles,"
                + " `Mode.Throughput` for the rate.");
    }

    Table watch() {
        ChainedOptionsBuilder b = options(WatchBench.class, "watch").mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS);
        if (!quick) {
            b.warmupIterations(3).warmupTime(TimeValue.seconds(5)).measurementIterations(6).measurementTime(TimeValue.seconds(5));
        }
        Table t = new Table("Watch: events/s through the whole monitor, all packs (JMH)",
                "event spacing (event time)", "events/s (mean)", "error (99.9%)");
        for (RunResult r : run(b)) {
            t.row(r.getParams().getParam("spacingMicros") + " us", Runs.f0(r.getPrimaryResult().getScore()),
                    Double.isNaN(r.getPrimaryResult().getScoreError()) ? "n/a (one iteration)"
                            : Runs.f0(r.getPrimaryResult().getScoreError()));
        }
        return t.note("Each operation is one event judged by the gate in the benchmark thread and by the watch's"
                + " collective and windowed rules on the monitor thread; a batch of " + WatchBench.BATCH
                + " counts only once the watch has drained it. One monitor per trial, so the windows fill as in a long run.");
    }

    Table reload() {
        ChainedOptionsBuilder b = options(ReloadBench.class, "reload").mode(Mode.SingleShotTime).timeUnit(TimeUnit.MILLISECONDS);
        if (!quick) {
            b.warmupIterations(5).measurementIterations(20);
        }
        Table t = new Table("Reload: swapping the default packs in a running monitor (JMH)",
                "reloads", "median (ms)", "max (ms)");
        for (RunResult r : run(b)) {
            Statistics s = r.getPrimaryResult().getStatistics();
            t.row(Runs.f0(s.getN()), Table.f(s.getPercentile(50), 0), Table.f(s.getMax(), 0));
        }
        return t.note("`Monitor.reload()`: read and compile every pack, build the gate's and the watch's knowledge bases, and"
                + " swap them in; timed until the watch has its new session. After " + (quick ? 0 : 5) + " warm-up reloads.");
    }
}
