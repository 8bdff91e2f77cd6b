package vigil.samples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigil demo [SCENARIO|all]}: runs a scenario with sanctions on (live alerts, audit log and trace
 * under {@code vigil-out/SCENARIO/}) and again with sanctions off, scores the monitor against the
 * scenario's ground truth, writes {@code scenario.json}, and hands the folder to the report.
 */
final class Demo {

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    int run(List<Scenario> scenarios, Options o) {
        for (Scenario s : scenarios) {
            Spec spec = o.spec(s);
            Path dir = o.out().resolve(s.id);
            out.printf(Locale.ROOT, "%n== %s (%s): %s%n   %d agents, %.0f%% misaligned, %d rounds, seed %d%n", s.title,
                    s.setting, s.description, spec.agents(), 100 * spec.misaligned(), spec.rounds(), spec.seed());
            long t0 = System.currentTimeMillis();
            List<ScenarioRun.Result> runs = new ArrayList<>();
            for (Scenario.Run how : s.runs()) {
                boolean first = runs.isEmpty();
                runs.add(ScenarioRun.run(s, spec, how, first ? dir : null, live(s, how.label(), first)));
            }
            ScenarioRun.Result on = runs.get(0);
            List<ScenarioJson.SweepResult> sweeps = new ArrayList<>();
            List<ScenarioRun.Result> off = runs.stream().filter(r -> !r.sanctions()).toList();
            if (!off.isEmpty()) {
                for (Scenario.Sweep sw : s.sweeps(spec)) {
                    List<Score> points = new ArrayList<>();
                    for (String v : sw.values()) {
                        points.add(Benchmark.replay(s, spec, off, sw, v));
                    }
                    sweeps.add(new ScenarioJson.SweepResult(sw, Benchmark.defaultOf(s, spec, sw.param()), points));
                }
            }
            ScenarioJson.write(dir, runs, sweeps);
            out.println("   misaligned (ground truth): " + on.misaligned());
            for (Score sc : Score.of(on.truth(), on.detections(), s.labelledRules, on.ruleValues())) {
                out.printf(Locale.ROOT, "   %-72s tp %3d fp %3d fn %3d  precision %s  recall %s  latency median %s ms%n",
                        sc.rule(), sc.tp(), sc.fp(), sc.fn(), fmt(sc.precision()), fmt(sc.recall()),
                        sc.latencyMedianMs() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", sc.latencyMedianMs()));
            }
            if (on.withheld() > 0) {
                out.println("   withheld by sanctions: " + on.withheld() + " events");
            }
            for (ScenarioRun.Result r : runs) {
                out.println("   outcome, " + r.run().label() + ": " + r.series().text());
                r.measures().forEach((k, v) -> out.println("      " + k + ": " + trim(Math.round(v * 100) / 100.0)));
            }
            out.println("   wrote " + dir.resolve("audit.jsonl") + ", " + dir.resolve("trace.jsonl") + ", "
                    + dir.resolve("scenario.json") + String.format(Locale.ROOT, " (%.1f s)", (System.currentTimeMillis() - t0) / 1000.0));
            out.println("   report: " + writeReport(dir));
        }
        return 0;
    }

    /** The report of a run folder. */
    static Path writeReport(Path runDir) {
        return vigil.cli.report.HtmlReport.write(runDir);
    }

    private ScenarioRun.Live live(Scenario s, String label, boolean alerts) {
        return new ScenarioRun.Live() {
            @Override
            public void alert(String line) {
                if (alerts) {
                    out.println("   vigil: " + line);
                    out.flush();
                }
            }

            @Override
            public void round(int round, int rounds, double outcome) {
                out.printf(Locale.ROOT, "   [%s, %s] round %d/%d: %s %s %s%n", s.id, label, round, rounds, s.outcomeName,
                        trim(outcome), s.outcomeUnit);
                out.flush();
            }
        };
    }

    static String fmt(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.2f", d);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The command's options; unset numbers take each scenario's defaults. */
    record Options(Path out, Integer agents, Double misaligned, Integer rounds, Long seed) {
        Spec spec(Scenario s) {
            Spec d = s.defaults;
            return new Spec(agents == null ? d.agents() : agents, misaligned == null ? d.misaligned() : misaligned,
                    rounds == null ? d.rounds() : rounds, seed == null ? d.seed() : seed);
        }
    }

    static List<Scenario> pick(String which) {
        List<Scenario> out = new ArrayList<>();
        if (which == null || which.equals("all")) {
            out.addAll(Scenario.all());
        } else {
            out.add(Scenario.byId(which));
        }
        return out;
    }
}
