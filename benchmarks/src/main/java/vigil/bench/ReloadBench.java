package vigil.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vigil.core.Monitor;

/**
 * The time to swap the default packs in a running monitor: recompile every pack and install the new rules
 * in the gate and the watch ({@link Monitor#reload()} returns once both have them).
 */
@State(Scope.Benchmark)
public class ReloadBench {

    private Monitor monitor;

    @Setup(Level.Trial)
    public void setUp() {
        monitor = Monitors.replay();
    }

    @Benchmark
    public Monitor.ReloadResult reload() throws InterruptedException {
        Monitor.ReloadResult r = monitor.reload();
        if (!r.reloaded()) {
            throw new IllegalStateException(r.message());
        }
        // The watch swaps on its own thread: wait until it has, so the figure is the whole swap.
        monitor.drain(60_000);
        return r;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        monitor.close();
    }
}
