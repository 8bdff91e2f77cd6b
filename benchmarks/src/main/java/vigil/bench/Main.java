package vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The benchmark runner behind {@code benchmarks/run}: runs the figures asked for and prints them as the
 * Markdown tables of docs/performance.md, with the machine they ran on. Progress goes to stderr.
 * <pre>
 * benchmarks/run [all|gate|watch|lag|reload|memory|naive|packs|admission|growth|mas|plumbing|cnp|ring|live|bus]... [--quick]
 *                [--memory=FIRST,LAST,SPACING_US] [--naive=EVENTS,ROUNDS] [--lag=RATE,SECONDS] [--packs=EVENTS,WARM_UP] [--admission=EVENTS,WARM_UP,ROUNDS] [--ring=AGENTS,HOPS,RUNS] [--growth=EVENTS,WARM_UP,MAS_MESSAGES,MAS_RUNS] [--mas=PAIRS,ROUNDS_PER_PAIR,RUNS] [--plumbing=PAIRS,ROUNDS_PER_PAIR,RUNS] [--live=PAIRS,ROUNDS_PER_PAIR,RUNS] [--bus=EVENTS,COLLUSIONS]
 * </pre>
 * The sizes default to the (1M and 10M events, 500k messages ...); smaller ones fit a loaded machine.
 */
public final class Main {

    static final List<String> FIGURES = List.of("gate", "watch", "lag", "reload", "memory", "naive", "packs", "admission", "growth", "mas", "plumbing", "cnp", "ring", "live", "bus");
    /** The full-size runs; {@code --NAME=a,b} replaces them. */
    static final Map<String, long[]> SIZES = new HashMap<>(Map.ofEntries(
            Map.entry("memory", new long[] {1_000_000, 10_000_000, 1_000}),
            Map.entry("naive", new long[] {100_000, 5}),
            Map.entry("lag", new long[] {50_000, 20}),
            Map.entry("packs", new long[] {100_000, 600_000}),
            Map.entry("admission", new long[] {100_000, 600_000, 3}),
            Map.entry("ring", new long[] {500, 500_000, 3}),
            Map.entry("growth", new long[] {50_000, 120_000, 100_000, 2}),
            Map.entry("mas", new long[] {25, 10_000, 3}),
            Map.entry("plumbing", new long[] {25, 10_000, 3}),
            Map.entry("cnp", new long[] {10, 20, 2, 500, 3}),
            Map.entry("live", new long[] {25, 10_000, 3}),
            Map.entry("bus", new long[] {200_000, 200})));

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        List<String> which = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.startsWith("--") && a.contains("=") && SIZES.containsKey(a.substring(2, a.indexOf('=')))) {
                String key = a.substring(2, a.indexOf('='));
                try {
                    long[] v = Arrays.stream(a.substring(a.indexOf('=') + 1).split(",")).mapToLong(x -> Long.parseLong(x.trim())).toArray();
                    long[] sizes = SIZES.get(key);
                    if (v.length == 0 || v.length > sizes.length) {
                        throw new NumberFormatException();
                    }
                    // Fewer numbers than the figure takes: the rest keep their defaults.
                    System.arraycopy(v, 0, sizes, 0, v.length);
                } catch (NumberFormatException e) {
                    System.err.println(a + ": give up to " + SIZES.get(key).length + " whole numbers separated by commas");
                    System.exit(2);
                }
            } else if (a.equals("all")) {
                which.addAll(FIGURES);
            } else if (FIGURES.contains(a)) {
                which.add(a);
            } else {
                System.err.println("unknown figure '" + a + "'; choose from all, " + String.join(", ", FIGURES)
                        + " (and --quick for a tiny run)");
                System.exit(2);
            }
        }
        if (which.isEmpty()) {
            which.addAll(FIGURES);
        }
        System.out.println(machine());
        for (String w : which) {
            System.err.println("benchmarks: running " + w + (quick ? " (quick)" : "") + " ...");
            System.out.println(figure(w, quick).markdown());
            System.out.flush();
        }
        // Jason and Drools may leave non-daemon threads behind.
        System.exit(0);
    }

    static Table figure(String name, boolean quick) throws Exception {
        JmhRun jmh = new JmhRun(quick);
        return switch (name) {
            case "gate" -> jmh.gate();
            case "watch" -> jmh.watch();
            case "reload" -> jmh.reload();
            case "lag" -> quick ? Runs.lag(2_000, 1) : Runs.lag((int) size("lag", 0), (int) size("lag", 1));
            case "memory" -> quick ? Runs.memory(1_000, 5_000, 1_000)
                    : Runs.memory((int) size("memory", 0), (int) size("memory", 1), size("memory", 2));
            case "naive" -> quick ? Runs.naive(2_000, 1) : Runs.naive((int) size("naive", 0), (int) size("naive", 1));
            case "packs" -> Runs.packs(quick ? 2_000 : (int) size("packs", 0), quick ? 0 : (int) size("packs", 1), quick);
            case "admission" -> Runs.admission(quick ? 2_000 : (int) size("admission", 0), quick ? 0 : (int) size("admission", 1),
                    quick ? 1 : (int) size("admission", 2), quick);
            case "growth" -> quick ? Runs.growth(1_000, 0, 200, 1, true)
                    : Runs.growth((int) size("growth", 0), (int) size("growth", 1), (int) size("growth", 2), (int) size("growth", 3), false);
            case "ring" -> quick ? new TokenRing(10, 200, 1, false).run()
                    : new TokenRing((int) size("ring", 0), (int) size("ring", 1), (int) size("ring", 2), true).run();
            case "mas" -> quick ? new MasOverhead(2, 50, 1, false).run()
                    : new MasOverhead((int) size("mas", 0), (int) size("mas", 1), (int) size("mas", 2), true).run();
            case "plumbing" -> quick ? new PlumbingOverhead(2, 50, 1, false).run()
                    : new PlumbingOverhead((int) size("plumbing", 0), (int) size("plumbing", 1), (int) size("plumbing", 2), true).run();
            case "cnp" -> quick ? new ContractNet(1, 2, 1, 5, 1, false).run()
                    : new ContractNet((int) size("cnp", 0), (int) size("cnp", 1), (int) size("cnp", 2), (int) size("cnp", 3),
                            (int) size("cnp", 4), true).run();
            case "bus" -> quick ? new BusBench(2_000, 3, java.time.Duration.ofMillis(200)).run()
                    : new BusBench((int) size("bus", 0), (int) size("bus", 1), java.time.Duration.ofMillis(200)).run();
            case "live" -> quick ? new LiveOverhead(2, 50, 1, false).run()
                    : new LiveOverhead((int) size("live", 0), (int) size("live", 1), (int) size("live", 2), true).run();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static long size(String figure, int i) {
        return SIZES.get(figure)[i];
    }

    /** The machine, as docs/performance.md quotes it. */
    static String machine() {
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the JVM's figures still say enough.
        }
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s (%s), max heap %d MB, %s %s.%n",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), heap, System.getProperty("os.name"), System.getProperty("os.arch"));
    }

}
