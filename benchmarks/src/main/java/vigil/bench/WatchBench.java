package vigil.bench;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vigil.core.Monitor;
import vigil.core.Event;

/**
 * Events per second through a whole monitor with every default pack: each batch is judged (gate, in this
 * thread) and counted only once the watch (its own thread, the collective and windowed rules) has judged
 * it all, so the figure is what the monitor sustains, not what its queue can absorb. The events come
 * {@code spacingMicros} apart in the events' own time, which sets how many of them the windows hold.
 */
@State(Scope.Benchmark)
public class WatchBench {

    static final int BATCH = 10_000;

    @Param({"1000", "10000"})
    public long spacingMicros;

    private Monitor monitor;
    private Workload workload;
    private long clock;
    private List<Event> batch;

    @Setup(Level.Trial)
    public void setUp() {
        monitor = Monitors.replay();
        workload = new Workload(42);
        clock = 1_000_000;
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        batch = workload.take(BATCH, clock, spacingMicros);
        clock += BATCH * spacingMicros / 1000;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long judgeAndDrain() throws InterruptedException {
        for (Event e : batch) {
            monitor.judge(e);
        }
        if (!monitor.drain(120_000)) {
            throw new IllegalStateException("the watch did not drain within 120 s");
        }
        return monitor.stats().watchJudged();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        monitor.close();
    }
}
