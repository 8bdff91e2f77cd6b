package vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import vigil.core.Monitor;
import vigil.live.LiveView;

/**
 * What the live view costs a running MAS: the ping-pong MAS of {@link MasOverhead}, monitored with every default
 * pack, once without the live view (vigil-live on the class path, {@code live.port} off) and once with it, a
 * page open on it (a client reading {@code /events} as a browser does) and a Prometheus scrape of
 * {@code /metrics} every second; alternating (off, on, off, on ...) after one warm-up of each, in this JVM.
 */
final class LiveOverhead {

    private final MasOverhead mas;
    private final int rounds;

    LiveOverhead(int pairs, int perPair, int rounds, boolean warmUp) {
        this.mas = new MasOverhead(pairs, perPair, rounds, warmUp);
        this.rounds = rounds;
    }

    Table run() throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Table t = new Table("The live view's cost: " + 2 * mas.pairs() + " Jason agents, " + Runs.f0(mas.messages())
                        + " messages per run, monitored with every default pack",
                "runs (off / on)", "live view off: wall s (median)", "on, a page open, scraped every 1 s: wall s (median)",
                "wall-time ratio on/off (median)", "process CPU s off / on (median)", "CPU ratio on/off (median)",
                "frames pushed to the page per run (median)");
        Path dir = Files.createTempDirectory("vigil-bench-live");
        try {
            Path project = mas.write(dir, false);
            AtomicLong frames = new AtomicLong();
            if (mas.warmUp()) {
                mas.beside(m -> null);
                mas.run(project, true, true, null);
                mas.beside(m -> open(m, frames));
                mas.run(project, true, true, null);
            }
            List<Double> off = new ArrayList<>();
            List<Double> on = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> pushed = new ArrayList<>();
            List<Double> cpuOff = new ArrayList<>();
            List<Double> cpuOn = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                mas.beside(m -> null);
                double c0 = cpu();
                double a = mas.run(project, true, true, null);
                double c1 = cpu();
                frames.set(0);
                mas.beside(m -> open(m, frames));
                double b = mas.run(project, true, true, null);
                double c2 = cpu();
                cpuOff.add(c1 - c0);
                cpuOn.add(c2 - c1);
                cpuRatios.add((c2 - c1) / (c1 - c0));
                pushed.add((double) frames.get());
                off.add(a);
                on.add(b);
                ratios.add(b / a);
            }
            t.row(rounds + " / " + rounds, Table.f(Table.median(off), 2), Table.f(Table.median(on), 2),
                    Table.f(Table.median(ratios), 3) + "x", Table.f(Table.median(cpuOff), 1) + " / " + Table.f(Table.median(cpuOn), 1),
                    Table.f(Table.median(cpuRatios), 3) + "x", Runs.f0(Table.median(pushed)));
        } finally {
            Runs.deleteTree(dir);
        }
        return t.note("Off is the monitored run of `benchmarks/run mas` with vigil-live on the class path: without"
                + " `live.port` the live view starts nothing. On, the live view runs beside the monitor (its event"
                + " observer on the watch's thread, its alert sink, the frames made for the open page at most every"
                + " 200 ms) and the page's stream is read to its end; the timed span is the same as in `mas`. The CPU"
                + " figure is the whole JVM's over each run (start and close included), which other processes on the"
                + " machine disturb less than the wall time.");
    }

    /** The CPU time this JVM has used, in seconds (every thread: the agents, the monitor, the live view, the page). */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** A live view with one page reading its stream and a scrape of its metrics every second; closed after the run. */
    static AutoCloseable open(Monitor monitor, AtomicLong frames) {
        LiveView view;
        try {
            view = LiveView.start(monitor, LiveView.Options.loopback(0));
        } catch (IOException e) {
            throw new IllegalStateException("the live view could not start: " + e.getMessage(), e);
        }
        URI base = view.address();
        Thread page = new Thread(() -> {
            try {
                HttpURLConnection c = (HttpURLConnection) base.resolve("/events").toURL().openConnection();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event: state")) {
                            frames.incrementAndGet();
                        }
                    }
                }
            } catch (IOException closed) {
                // The live view closed at the end of the run.
            }
        }, "bench-page");
        Thread scraper = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                    HttpURLConnection c = (HttpURLConnection) base.resolve("/metrics").toURL().openConnection();
                    c.getInputStream().readAllBytes();
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        }, "bench-scraper");
        page.setDaemon(true);
        scraper.setDaemon(true);
        long before = frames.get();
        page.start();
        scraper.start();
        // The page is open once it has its first frame: only then do the agents start.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (frames.get() == before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return () -> {
            scraper.interrupt();
            view.close();
            page.join(5_000);
        };
    }
}
