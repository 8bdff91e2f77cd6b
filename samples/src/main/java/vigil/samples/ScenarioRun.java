package vigil.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Event;
import vigil.core.Trace;
import vigil.core.Violation;
import vigil.core.Alert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Alert.WithheldAlert;
import vigil.core.AlertSink;
import vigil.core.Config;
import vigil.core.RuleInfo;
import vigil.cli.LivePrinter;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.run.JasonRun;

/**
 * Runs one scenario once, for real: writes its Jason project to a temporary folder, starts Vigil with the
 * default rule packs and the scenario's configuration, runs the agents headless with every agent monitored,
 * lets the environment play the rounds, and collects the ground truth, the violations and the outcome.
 * Jason runs one MAS per JVM: one run at a time.
 */
public final class ScenarioRun {

    /** What a run shows while it goes: alerts as they come, and each round once it is over. */
    public interface Live {
        Live QUIET = new Live() {
        };

        default void alert(String line) {
        }

        default void round(int round, int rounds, double outcome) {
        }
    }

    /**
     * Everything a run produced. Detections carry the round they fall in; {@code events} are the events the
     * monitor judged (its trace), in scenario time from {@code base}; {@code measures} the run's named measures;
     * {@code violations} how many violations the monitor reported (the audit log's count).
     */
    public record Result(Scenario scenario, Spec spec, Scenario.Run run, List<String> misaligned, List<Truth> truth,
            long base, List<Detection> detections, Map<String, String> ruleValues, Series series,
            long withheld, Map<String, Double> measures, List<Event> events, int violations) {

        public boolean sanctions() {
            return run.sanctions();
        }
    }

    private ScenarioRun() {
    }

    /**
     * Runs {@code scenario}; with {@code out} set, the audit log and the trace go to {@code out/audit.jsonl}
     * and {@code out/trace.jsonl} (replacing earlier ones), otherwise nowhere.
     */
    public static Result run(Scenario scenario, Spec spec, boolean sanctions, Path out, Live live) {
        return run(scenario, spec, sanctions ? Scenario.Run.ON : Scenario.Run.OFF, out, live);
    }

    /** Runs {@code scenario} as {@code how} says (sanctions on or off, and what the run changes in the configuration). */
    public static Result run(Scenario scenario, Spec spec, Scenario.Run how, Path out, Live live) {
        Path project = writeProject(scenario, spec);
        Config.Builder cfg = Config.builder().logAlerts(false).sanctions(how.sanctions()).clock(Config.ClockMode.EVENTS);
        Path trace;
        if (out != null) {
            try {
                Files.createDirectories(out);
                Files.deleteIfExists(out.resolve("audit.jsonl"));
                Files.deleteIfExists(out.resolve("trace.jsonl"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
            }
            trace = out.resolve("trace.jsonl");
            cfg.out(out).audit(out.resolve("audit.jsonl")).trace(trace);
        } else {
            trace = project.resolve("trace.jsonl");
            cfg.out(project).audit(null).trace(trace);
        }
        scenario.configure(cfg, spec);
        how.config().apply(cfg);
        Recorder recorder = new Recorder(live);
        Stage.prepare(spec);
        MasMonitor.eventClock(Stage::now);
        Monitor monitor = MasMonitor.install(Vigil.builder().config(cfg.build()).sink(recorder));
        Map<String, String> values = new HashMap<>();
        for (RuleInfo r : monitor.rules()) {
            if (r.judges()) {
                values.put(r.name(), r.value());
            }
        }
        ScenarioEnv env;
        List<Event> events;
        try (JasonRun run = JasonRun.start(project.resolve(scenario.id + ".mas2j"), true)) {
            env = Stage.env();
            if (env == null) {
                throw new IllegalStateException(scenario.id + ": the environment did not start");
            }
            ScenarioEnv e = env;
            env.play(r -> {
                List<double[]> pts = e.series("").points();
                live.round(r, spec.rounds(), pts.get(pts.size() - 1)[1]);
            });
        } finally {
            try {
                monitor.drain(10_000);
                monitor.flushAlerts(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            MasMonitor.shutdown();
            events = readTrace(trace);
            deleteQuietly(project);
        }
        long base = env.base();
        List<Detection> detections = new ArrayList<>();
        for (Recorder.Seen s : recorder.seen) {
            detections.addAll(Detection.of(s.violation(), base, s.at()));
        }
        detections.sort(Comparator.comparingLong(Detection::alertedAt));
        return new Result(scenario, spec, how, env.misaligned(), env.truth(), base, detections, values,
                env.series(how.label()), recorder.withheld, env.measures(), events, recorder.seen.size());
    }

    private static List<Event> readTrace(Path trace) {
        List<Event> out = new ArrayList<>();
        if (!Files.isRegularFile(trace)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Trace.read(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's trace " + trace + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The project: a {@code .mas2j} naming the environment and each agent, with the agents' sources beside it. */
    static Path writeProject(Scenario scenario, Spec spec) {
        try {
            Path dir = Files.createTempDirectory("vigil-" + scenario.id + "-");
            StringBuilder mas = new StringBuilder();
            mas.append("// Written by vigil.samples.ScenarioRun for seed ").append(spec.seed()).append('\n');
            mas.append("MAS ").append(scenario.id).append(" {\n");
            mas.append("    environment: ").append(scenario.environment.getName()).append('\n');
            mas.append("    agents:\n");
            for (Map.Entry<String, String> a : scenario.agents(spec).entrySet()) {
                mas.append("        ").append(a.getKey()).append(' ').append(a.getValue()).append(";\n");
                Path src = dir.resolve(a.getValue());
                if (!Files.exists(src)) {
                    try (InputStream in = scenario.source(a.getValue())) {
                        if (in == null) {
                            throw new IllegalStateException(scenario.id + ": no AgentSpeak source " + a.getValue() + " beside "
                                    + scenario.getClass().getName());
                        }
                        Files.copy(in, src);
                    }
                }
            }
            mas.append("}\n");
            Files.writeString(dir.resolve(scenario.id + ".mas2j"), mas, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario's project: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    /** Keeps every violation with the wall time it arrived, and passes lines to the live view. Called from its own thread. */
    static final class Recorder implements AlertSink {
        record Seen(Violation violation, long at) {
        }

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        volatile long withheld;
        private final java.util.Set<String> shown = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Live live;

        Recorder(Live live) {
            this.live = live;
        }

        @Override
        public void accept(Alert alert) {
            if (alert instanceof ViolationAlert va) {
                seen.add(new Seen(va.violation(), System.currentTimeMillis()));
                live.alert(LivePrinter.line(va));
            } else if (alert instanceof WithheldAlert w) {
                withheld++;
                // One line per agent: a quarantined agent is withheld every round, and the rest are counted.
                if (shown.add(w.event().agent())) {
                    live.alert(LivePrinter.line(w) + " (its later withheld events are counted, not shown)");
                }
            }
        }

        @Override
        public String name() {
            return "scenario";
        }
    }
}
