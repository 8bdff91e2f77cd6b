package vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vigil.core.Monitor;
import vigil.core.Stats;
import vigil.core.Config;
import vigil.core.Event;

import vigil.core.RuleSource;

/**
 * The plain harnesses (figures that are a whole run rather than a tight loop): the naive baseline side by
 * side with the monitor, heap after millions of events, the watch's lag under a steady load, and the CPU
 * each pack costs. Each
 * returns its table; all take their sizes from the caller so the smoke test can run them tiny.
 */
final class Runs {

    /** The events' spacing in their own time: 1 ms, a busy MAS of 50 agents each acting 20 times a second. */
    static final long SPACING_MICROS = 1000;

    private Runs() {
    }

    /** Alternating rounds of the naive session and the monitor on the same events; events/s and the ratio. */
    static Table naive(int events, int rounds) throws InterruptedException {
        List<Event> stream = new Workload(7).take(events, 1_000_000, SPACING_MICROS);
        List<Double> naiveRates = new ArrayList<>();
        List<Double> vigilRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long naiveFound = 0;
        long vigilViolations = 0;
        for (int r = 0; r < rounds; r++) {
            double n;
            try (Naive naive = new Naive()) {
                long t0 = System.nanoTime();
                for (Event e : stream) {
                    naive.judge(e);
                }
                n = rate(events, System.nanoTime() - t0);
                naiveFound = naive.found();
            }
            gc();
            double v;
            try (Monitor m = Monitors.replay()) {
                long t0 = System.nanoTime();
                for (Event e : stream) {
                    m.judge(e);
                }
                drain(m);
                v = rate(events, System.nanoTime() - t0);
                vigilViolations = m.stats().violations() + m.stats().suppressed();
            }
            gc();
            naiveRates.add(n);
            vigilRates.add(v);
            ratios.add(v / n);
        }
        return new Table("Naive baseline: the same packs, one session, insert + fireAllRules per event, no expiry",
                "events per round", "rounds", "naive events/s (median)", "Vigil events/s (median)", "Vigil / naive (median)")
                .row(f0(events), rounds, f0(Table.median(naiveRates)), f0(Table.median(vigilRates)),
                        Table.f(Table.median(ratios), 2) + "x")
                .note("Rounds alternate naive, Vigil, naive, Vigil... on the same " + f0(events) + " events ("
                        + SPACING_MICROS / 1000 + " ms apart in event time). The ratio is the median of each round's ratio."
                        + " Findings in the last round: naive " + naiveFound + " (counted only), Vigil " + vigilViolations
                        + " (violations + suppressed repeats, sentenced).");
    }

    /** What one monitor's heap was at the memory figure's checkpoints. */
    record Heap(double baseline, double atFirst, double atLast, long held, double admitted, double watchCpuMicros,
            double seconds) {
    }

    /** The heap never grows by more than this between the memory figure's two sizes, once the retention is full. */
    static final double FLAT_PERCENT = 10;

    /**
     * Heap after a full GC once {@code first} and then {@code last} events have been judged, by a monitor whose
     * engine expires every event after the retention (a timer each: {@code watch.hold = retention}) and by one
     * whose watch lets each go when the rules can no longer use it (the default), side by side.
     */
    static Table memory(int first, int last, long spacingMicros) throws InterruptedException {
        Heap engine = heap(Config.Hold.RETENTION, first, last, spacingMicros);
        Heap rules = heap(Config.Hold.RULES, first, last, spacingMicros);
        // The events within the retention at the end: what the watch holds, or passed by, or let go sooner.
        double inRetention = Math.min(last, Config.defaults().retention().toNanos() / 1000.0 / spacingMicros);
        Table t = new Table("Memory: heap after a full GC, all packs, one monitor each",
                "", "`watch.hold = retention` (an engine timer per event)", "`watch.hold = rules` (the default)");
        t.row("heap at start (MB)", mb(engine.baseline()), mb(rules.baseline()));
        t.row("heap after " + f0(first) + " events (MB)", mb(engine.atFirst()), mb(rules.atFirst()));
        t.row("heap after " + f0(last) + " events (MB)", mb(engine.atLast()), mb(rules.atLast()));
        t.row("change from " + f0(first) + " to " + f0(last), growth(engine), growth(rules));
        t.row("heap flat (within " + f0(FLAT_PERCENT) + "%)", flat(engine), flat(rules));
        t.row("events the watch holds at the end", f0(engine.held()), f0(rules.held()));
        t.row("bytes per event held", Table.f(perHeld(engine), 0), Table.f(perHeld(rules), 0));
        t.row("bytes per event within the retention", Table.f((engine.atLast() - engine.baseline()) / inRetention, 0),
                Table.f((rules.atLast() - rules.baseline()) / inRetention, 0));
        t.row("events admitted into the watch's session", Table.f(engine.admitted() * 100, 1) + "%",
                Table.f(rules.admitted() * 100, 1) + "%");
        t.row("watch CPU per event (us)", Table.f(engine.watchCpuMicros(), 1), Table.f(rules.watchCpuMicros(), 1));
        return t.note("Events " + Table.f(spacingMicros / 1000.0, 1) + " ms apart in event time (" + f0(last * spacingMicros / 1e6)
                + " s of the MAS's time), default retention (" + Config.defaults().retention().toMinutes()
                + " min); " + f0(engine.seconds() + rules.seconds()) + " s of wall time in all. Heap used is read after"
                + " `System.gc()` twice, once the watch has drained; the events held are the watch's own count"
                + " (`Stats.watchHeld`). The heap is flat when it grew less than " + f0(FLAT_PERCENT) + "% from "
                + f0(first) + " to " + f0(last) + " events, which says something only when " + f0(first)
                + " events fill the retention (" + f0(inRetention) + " at this spacing). The watch's CPU is its thread's"
                + " over the whole run, checkpoints included.");
    }

    private static Heap heap(Config.Hold hold, int first, int last, long spacingMicros) throws InterruptedException {
        Workload w = new Workload(11);
        long micros = 1_000_000_000L;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double atFirst = 0;
        double atLast = 0;
        gc();
        try (Monitor m = Monitors.start(Monitors.config().clock(Config.ClockMode.EVENTS).set(Config.WATCH_HOLD, hold))) {
            Thread watch = watchThread();
            gc();
            double baseline = mem.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            long w0 = cpu.getThreadCpuTime(watch.getId());
            for (int i = 1; i <= last; i++) {
                m.judge(w.next(micros / 1000));
                micros += spacingMicros;
                if (i == first || i == last) {
                    drain(m);
                    gc();
                    double used = mem.getHeapMemoryUsage().getUsed();
                    if (i == first) {
                        atFirst = used;
                    } else {
                        atLast = used;
                    }
                }
            }
            long watchCpu = cpu.getThreadCpuTime(watch.getId()) - w0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            Stats st = m.stats();
            double admitted = st.watchJudged() == 0 ? 0 : 1 - (double) st.watchPassedBy() / st.watchJudged();
            return new Heap(baseline, atFirst, atLast, st.watchHeld(), admitted, watchCpu / 1e3 / last, seconds);
        }
    }

    private static String growth(Heap h) {
        double g = (h.atLast() - h.atFirst()) / h.atFirst() * 100;
        return (g >= 0 ? "+" : "") + Table.f(g, 1) + "%";
    }

    private static String flat(Heap h) {
        return Math.abs(h.atLast() - h.atFirst()) / h.atFirst() * 100 < FLAT_PERCENT ? "yes" : "no";
    }

    private static double perHeld(Heap h) {
        return h.held() == 0 ? 0 : (h.atLast() - h.baseline()) / h.held();
    }

    /**
     * The watch's lag under a steady offered load: events judged at {@code rate} per second for
     * {@code seconds}; every 250 ms a barrier measures how long the monitor thread takes to catch up.
     */
    static Table lag(int rate, int seconds) throws InterruptedException {
        Workload w = new Workload(13);
        List<Double> lags = new ArrayList<>();
        long maxBacklog = 0;
        long sent = 0;
        long start;
        long end;
        try (Monitor m = Monitors.replay()) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Double> samples = Collections.synchronizedList(lags);
            long[] backlog = new long[1];
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        Stats s = m.stats();
                        backlog[0] = Math.max(backlog[0], s.watchQueued() - s.watchJudged());
                        long t = System.nanoTime();
                        m.drain(60_000);
                        samples.add((System.nanoTime() - t) / 1e6);
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "lag-sampler");
            start = System.nanoTime();
            end = start + TimeUnit.SECONDS.toNanos(seconds);
            sampler.start();
            long eventTime = 1_000_000;
            long now;
            while ((now = System.nanoTime()) < end) {
                long due = (now - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    m.judge(w.next(eventTime));
                    eventTime += SPACING_MICROS / 1000;
                    sent++;
                }
                Thread.onSpinWait();
            }
            running.set(false);
            sampler.join();
            drain(m);
            maxBacklog = backlog[0];
        }
        double offered = sent / ((end - start) / 1e9);
        List<Double> sorted = new ArrayList<>(lags);
        sorted.sort(null);
        double max = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
        return new Table("Watch lag under a steady load (all packs)",
                "offered events/s", "seconds", "lag median (ms)", "lag max (ms)", "largest backlog (events)")
                .row(f0(offered), seconds, Table.f(Table.median(lags), 1), Table.f(max, 1), f0(maxBacklog))
                .note("The lag is how long a barrier queued behind the events takes to be reached by the monitor thread,"
                        + " sampled every 250 ms (" + lags.size() + " samples); the gate runs in the sending thread.");
    }

    /**
     * What each pack costs: CPU time per event in the judging thread (the gate) and in the monitor thread
     * (the watch), each pack alone and all together, on the same events. CPU time, not wall time, so the
     * figure holds on a shared machine. A quick run costs only the first pack and all of them.
     */
    static Table packs(int events, int warmUp, boolean quick) throws Exception {
        List<Event> all = new Workload(17).take(warmUp + events, 1_000_000, SPACING_MICROS);
        return perPack("Cost of each pack: CPU per event, gate and watch, " + f0(events) + " events after "
                + f0(warmUp) + " (steady state)", all.subList(0, warmUp), all.subList(warmUp, all.size()), quick)
                .note("Each pack alone from its own folder, then all of them as the default monitor loads them. The events"
                + " are the benchmark workload, " + SPACING_MICROS / 1000 + " ms apart in event time. The first " + f0(warmUp)
                + " events of each monitor are not measured: " + (warmUp * SPACING_MICROS / 1_000_000) + " s of event time, so"
                + " that the windows and the retention are as full as in a long run; the figures before"
                + " that are lower and do not last. \"Admitted\": the share of the measured events some watch rule"
                + " of the pack can match (the others are judged without entering the watch's session).");
    }

    /**
     * Watch and gate CPU per event of a recorded stream, each pack alone and then all: the first third warms the
     * monitor up (not measured), the rest is measured.
     */
    static Table packsOn(List<Event> events, String what) throws Exception {
        int warm = events.size() / 3;
        return perPack("Watch CPU per event, pack by pack: " + what + " (" + f0(events.size() - warm) + " events after "
                + f0(warm) + ")", events.subList(0, warm), events.subList(warm, events.size()), false)
                .note("Replayed on the events' own clock through a monitor with the pack's rules only (\"all\": the default"
                + " monitor), as the admission figure replays its workload.");
    }

    /** Each pack alone from its own folder, then all: CPU per event of {@code stream} after {@code before}. */
    private static Table perPack(String title, List<Event> before, List<Event> stream, boolean quick) throws Exception {
        Table t = new Table(title, "packs", "gate CPU (us/event)", "watch CPU (us/event)", "events admitted by the watch",
                "violations + suppressed repeats");
        for (String pack : packNames(quick)) {
            Cost c = cost(pack, true, before, stream);
            t.row(pack, Table.f(c.gateUs(), 1), Table.f(c.watchUs(), 1), pct(c.admitted(), stream.size()), f0(c.found().size()));
        }
        return t;
    }

    /**
     * The watch's admission side by side: each pack (and all) with admission on and off, alternating rounds on
     * the same events after the same warm-up; the findings must be the same.
     */
    static Table admission(int events, int warmUp, int rounds, boolean quick) throws Exception {
        List<Event> all = new Workload(17).take(warmUp + events, 1_000_000, SPACING_MICROS);
        List<Event> before = all.subList(0, warmUp);
        List<Event> stream = all.subList(warmUp, all.size());
        Table t = new Table("The watch's admission: watch CPU per event with and without it, " + f0(events) + " events after "
                + f0(warmUp) + ", " + rounds + " alternating rounds",
                "packs", "events admitted", "watch CPU, admission off (us/event, median)",
                "watch CPU, admission on (us/event, median)", "off / on (median)", "same findings");
        List<String> differences = new ArrayList<>();
        for (String pack : packNames(quick)) {
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long admitted = 0;
            boolean same = true;
            for (int r = 0; r < rounds; r++) {
                Cost without = cost(pack, false, before, stream);
                Cost with = cost(pack, true, before, stream);
                off.add(without.watchUs());
                on.add(with.watchUs());
                ratios.add(without.watchUs() / with.watchUs());
                admitted = with.admitted();
                if (!with.found().equals(without.found())) {
                    same = false;
                    List<String> onlyOff = new ArrayList<>(without.found());
                    onlyOff.removeAll(with.found());
                    List<String> onlyOn = new ArrayList<>(with.found());
                    onlyOn.removeAll(without.found());
                    differences.add(pack + ": only with admission off " + onlyOff + "; only with it on " + onlyOn);
                }
            }
            t.row(pack, pct(admitted, events), Table.f(Table.median(off), 1), Table.f(Table.median(on), 1),
                    Table.f(Table.median(ratios), 2) + "x", same ? "yes" : "**no**");
        }
        return t.note("`admission = off` inserts every event into the watch's session, as before this change;"
                + " on, an event that no watch rule can match (by the compiled rules' single-event conditions) is"
                + " counted and traced but never inserted. The findings (rule, agents, evidence of every violation and"
                + " suppressed repeat) are compared between the two, in any order."
                + (differences.isEmpty() ? "" : " Differences: " + String.join("; ", differences)));
    }

    /**
     * How the monitor's cost grows: gate and watch CPU per event, every default pack, against the number of
     * agents in the workload and the number of rules (the packs, and the packs four times over as renamed
     * variants), each after the same warm-up.
     */
    /**
     * How the cost grows: the monitor's CPU per event against the number of agents and of rules, against the
     * number of events the windows hold, and the MAS ratio against agents and rules; the first and the last are
     * also drawn in {@code target/growth.svg}.
     */
    static Table growth(int events, int warmUp, int masMessages, int masRuns, boolean quick) throws Exception {
        Table t = new Table("How the cost grows: CPU per event, " + f0(events) + " events after " + f0(warmUp),
                "agents", "rules", "gate CPU (us/event)", "watch CPU (us/event)", "events admitted");
        int[] agentCounts = quick ? new int[] {10} : new int[] {10, 100, 1_000};
        int[] copies = quick ? new int[] {1} : new int[] {1, 4};
        Map<Integer, double[]> watchUs = new java.util.TreeMap<>();
        Map<Integer, double[]> masRatio = new java.util.TreeMap<>();
        Table mas = new Table("How the cost grows: the MAS ratio, " + f0(masMessages) + " messages per run",
                "agents", "rules", "wall-time ratio M/U (median)", "CPU ratio M/U (median)");
        Table held = new Table("How the cost grows: CPU per event against the events the windows hold",
                "event spacing (us)", "events in a 60 s window", "watch CPU (us/event)", "gate CPU (us/event)");
        if (!quick) {
            // One monitor through the whole workload first, not measured: the first monitors of a JVM would
            // otherwise pay for the JIT compiling the engine and the rules, and the first row would read high.
            List<Event> warm = new Workload(23, 100).take(warmUp + events, 1_000_000, SPACING_MICROS);
            cost(Monitors.config().clock(Config.ClockMode.EVENTS), warm.subList(0, warmUp), warm.subList(warmUp, warm.size()));
        }
        for (int copy : copies) {
            Path dir = Files.createTempDirectory("vigil-bench-growth");
            try {
                int rules = writeVariants(dir, copy);
                String label = f0(rules) + (copy == 1 ? " (the default packs)" : " (the packs x" + copy + ")");
                double[] w = new double[agentCounts.length];
                double[] r = new double[agentCounts.length];
                for (int i = 0; i < agentCounts.length; i++) {
                    int agents = agentCounts[i];
                    List<Event> all = new Workload(23, agents).take(warmUp + events, 1_000_000, SPACING_MICROS);
                    Config.Builder config = Monitors.config().clock(Config.ClockMode.EVENTS).rules(List.of(dir.toString()));
                    Cost c = cost(config, all.subList(0, warmUp), all.subList(warmUp, all.size()));
                    t.row(f0(agents), label, Table.f(c.gateUs(), 1), Table.f(c.watchUs(), 1), pct(c.admitted(), events));
                    w[i] = c.watchUs();
                }
                for (int i = 0; i < agentCounts.length; i++) {
                    int pairs = Math.max(1, agentCounts[i] / 2);
                    int perPair = Math.max(1, masMessages / (2 * pairs));
                    double[] ratios = new MasOverhead(pairs, perPair, masRuns, !quick).rules(dir).ratios();
                    mas.row(f0(agentCounts[i]), label, Table.f(ratios[0], 3) + "x", Table.f(ratios[1], 3) + "x");
                    r[i] = ratios[0];
                }
                watchUs.put(copy, w);
                masRatio.put(copy, r);
                if (copy == 1) {
                    for (long spacing : quick ? new long[] {SPACING_MICROS} : new long[] {SPACING_MICROS, SPACING_MICROS / 4}) {
                        // Warm up over more than the longest 60 s window at this spacing, so the windows are full.
                        int warm = quick ? 0 : (int) Math.max(warmUp, 70_000_000L / spacing);
                        List<Event> all = new Workload(23, 100).take(warm + events, 1_000_000, spacing);
                        Config.Builder config = Monitors.config().clock(Config.ClockMode.EVENTS).rules(List.of(dir.toString()));
                        Cost c = cost(config, all.subList(0, warm), all.subList(warm, all.size()));
                        held.row(f0(spacing), f0(60_000_000L / spacing), Table.f(c.watchUs(), 1), Table.f(c.gateUs(), 1));
                    }
                }
            } finally {
                deleteTree(dir);
            }
        }
        Path svg = Path.of("target", "growth.svg");
        Files.createDirectories(svg.getParent());
        Files.writeString(svg, Plot.growth(agentCounts, watchUs, masRatio));
        t.note("The workload's mix among more or fewer agents, " + SPACING_MICROS / 1000 + " ms apart in event"
                + " time. \"The packs x4\": every default pack four times, each copy in a package of its own with its rules"
                + " renamed, so the engine shares nothing between copies that it would not share between different packs."
                + " Drawn with the MAS ratio in benchmarks/" + svg + ".");
        held.note("100 agents, the default packs; each monitor warmed up over 70 s of event time (its windows full), then "
                + f0(events) + " events measured. Four times as many events within each window at a quarter of the spacing.");
        mas.note("The ping-pong MAS of `benchmarks/run mas` (messages only) with as many agents, each monitored run with"
                + " the same rules as the row above; runs alternate unmonitored and monitored (" + masRuns + " each"
                + (quick ? "" : ", after a warm-up of each") + ").");
        return t.and(held).and(mas);
    }

    /** Writes the default packs {@code copies} times into {@code dir} (renamed after the first); returns the rule count. */
    private static int writeVariants(Path dir, int copies) throws java.io.IOException {
        int rules = 0;
        int file = 0;
        for (RuleSource s : RuleSource.classpath(Runs.class.getClassLoader())) {
            for (int c = 1; c <= copies; c++) {
                String text = s.text();
                if (c > 1) {
                    text = text.replaceFirst("(?m)^(\\s*package\\s+[\\w.]+?)(\\s*;)", "$1_v" + c + "$2")
                            .replaceAll("(?m)^(\\s*rule\\s+\"[^\"]+)\"", "$1 (v" + c + ")\"");
                }
                rules += (int) java.util.regex.Pattern.compile("(?m)^\\s*rule\\s").matcher(text).results().count();
                Files.writeString(dir.resolve("pack" + (file++) + ".drl"), text);
            }
        }
        return rules;
    }

    /** Deletes {@code dir} and everything under it (the benchmarks' temporary projects). */
    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The packs on the class path, by folder, then "all". */
    private static List<String> packNames(boolean quick) {
        List<String> names = new ArrayList<>(packSources().keySet());
        if (quick) {
            names = new ArrayList<>(names.subList(0, 1));
        }
        names.add("all");
        return names;
    }

    private static Map<String, List<RuleSource>> packSources() {
        Map<String, List<RuleSource>> byPack = new TreeMap<>();
        for (RuleSource s : RuleSource.classpath(Runs.class.getClassLoader())) {
            String[] parts = s.origin().split("/");
            byPack.computeIfAbsent(parts.length >= 2 ? parts[parts.length - 2] : s.origin(), k -> new ArrayList<>()).add(s);
        }
        return byPack;
    }

    /** What one monitor of {@code pack} costs on {@code stream} after judging {@code before}, and what it found. */
    record Cost(double gateUs, double watchUs, long admitted, List<String> found) {
    }

    static Cost cost(String pack, boolean admission, List<Event> before, List<Event> stream) throws Exception {
        Path dir = null;
        Config.Builder config = Monitors.config().clock(Config.ClockMode.EVENTS).set(Config.ADMISSION, admission);
        try {
            if (!pack.equals("all")) {
                dir = Files.createTempDirectory("vigil-bench-" + pack);
                for (RuleSource s : packSources().get(pack)) {
                    String file = s.origin().substring(s.origin().lastIndexOf('/') + 1);
                    Files.writeString(dir.resolve(file), s.text());
                }
                config.rules(List.of(dir.toString()));
            }
            return cost(config, before, stream);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    static Cost cost(Config.Builder config, List<Event> before, List<Event> stream) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        gc();
        try (Monitor m = Monitors.start(config)) {
            Thread watch = watchThread();
            for (Event e : before) {
                m.judge(e);
            }
            drain(m);
            int v0 = m.violations().size();
            long p0 = m.stats().watchPassedBy();
            long g0 = cpu.getCurrentThreadCpuTime();
            long w0 = cpu.getThreadCpuTime(watch.getId());
            for (Event e : stream) {
                m.judge(e);
            }
            drain(m);
            long g = cpu.getCurrentThreadCpuTime() - g0;
            long w = cpu.getThreadCpuTime(watch.getId()) - w0;
            List<String> found = new ArrayList<>();
            List<vigil.core.Violation> vs = m.violations();
            for (vigil.core.Violation v : vs.subList(Math.min(v0, vs.size()), vs.size())) {
                found.add(v.rule() + " " + v.agents() + " " + v.evidence());
            }
            // The same findings in any order: the watch fires per batch, and which events share a batch depends on
            // the threads' timing.
            Collections.sort(found);
            long passed = m.stats().watchPassedBy() - p0;
            return new Cost(g / 1e3 / stream.size(), w / 1e3 / stream.size(), stream.size() - passed, found);
        }
    }

    private static String pct(long part, long whole) {
        return Table.f(100.0 * part / whole, 1) + "%";
    }

    /** The newest monitor thread (the benchmarks run one monitor at a time). */
    static Thread watchThread() {
        Thread found = null;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("vigil-watch") && t.isAlive() && (found == null || t.getId() > found.getId())) {
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no monitor thread");
        }
        return found;
    }

    static void drain(Monitor m) throws InterruptedException {
        if (!m.drain(600_000)) {
            throw new IllegalStateException("the watch did not drain within 10 minutes");
        }
    }

    static void gc() {
        System.gc();
        System.gc();
    }

    static double rate(long events, long nanos) {
        return events / (nanos / 1e9);
    }

    static String f0(double v) {
        return Table.f(v, 0);
    }

    static String mb(double bytes) {
        return Table.f(bytes / (1024 * 1024), 1);
    }
}
