package vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vigil.core.Config;
import vigil.core.Monitor;
import vigil.core.RuleSource;

/**
 * The time to swap the default packs in a running monitor: recompile every pack and install the new rules
 * in the gate and the watch ({@link Monitor#reload()} returns once both have them). The packs are copied into a
 * folder and one file is edited (a comment appended) before each reload, as a user's edit would be: a process
 * keeps its last few compilations, and reloading unchanged rules would measure that cache, not a reload.
 */
@State(Scope.Benchmark)
public class ReloadBench {

    private Monitor monitor;
    private Path dir;
    private Path edited;
    private int edits;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("vigil-bench-reload");
        List<RuleSource> packs = RuleSource.classpath(ReloadBench.class.getClassLoader());
        for (int i = 0; i < packs.size(); i++) {
            Path file = dir.resolve(i + "-" + Path.of(packs.get(i).origin()).getFileName());
            Files.writeString(file, packs.get(i).text());
            edited = edited == null ? file : edited;
        }
        monitor = Monitors.start(Monitors.config().clock(Config.ClockMode.EVENTS).rules(List.of(dir.toString())));
    }

    @Benchmark
    public Monitor.ReloadResult reload() throws InterruptedException {
        try {
            Files.writeString(edited, "\n// edit " + ++edits + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Runs.deleteTree(dir);
    }
}
