package vigil.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.cli.report.RunContext.Curve;
import vigil.cli.report.RunContext.Ending;
import vigil.cli.report.RunContext.Fact;
import vigil.cli.report.RunContext.LabelledCase;
import vigil.cli.report.RunContext.Outcome;
import vigil.cli.report.RunContext.RuleScore;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;
import vigil.core.Term;

/**
 * A run folder made the way a scenario run makes one: a real monitor with small DRL rules judges a handful of
 * events, writing a real audit log and trace, and, for a scenario, a marker that {@link FixtureContext} turns into {@link #CONTEXT}. One agent has a
 * hostile name, and the explanations repeat it.
 */
final class ReportFixture {

    static final String HOSTILE = "<script>alert(\"pwn\")</script>&'zoë🐟";
    static final long T0 = 1_732_665_600_000L;

    /** Core's test honesty rules (one copy, in core's test resources), and a quota rule of the fixture's own. */
    static final String RULES = honesty() + """

            rule "Harvesting above the quota"
                @value("commons") @level("objective") @severity("medium") @sanction("warn") @path("gate")
            when
                $a : ActionEvent(action.functor == "harvest", action.number(0) > 10)
            then
                violation(kcontext, $a.agent() + " took " + $a.action().number(0) + ", above the quota of 10", $a);
            end
            """;

    static String honesty() {
        try {
            return Files.readString(Path.of("..", "core", "src", "test", "resources", "vigil", "core", "honesty.drl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a scenario run would say about this folder (the samples write it as scenario.json). */
    static final RunContext CONTEXT = new RunContext(FixtureContext.FILE, "A small fishery",
            "Four fishers share a stock; bob lies about prices and carl over-harvests.",
            List.of(new Fact("scenario", "scenario", "fixture"), new Fact("setting", "setting", "cooperative"),
                    new Fact("seed", "seed", "7"), new Fact("agents", "agents", "4"), new Fact("rounds", "rounds", "5"),
                    new Fact("misaligned", "misaligned", "bob, carl")),
            List.of("bob", "carl"),
            new Outcome("fish stock", "tonnes", true,
                    List.of(new Curve("sanctions on", points(100.0, 96.5, 94.0, 93.0, 92.5, 92.0)),
                            new Curve("sanctions off", points(100.0, 90.0, 76.0, 55.0, 31.0, 8.0))),
                    List.of(new Ending("sanctions on", 92.0, "the stock survived 5 rounds"),
                            new Ending("sanctions off", 8.0, "the stock nearly collapsed"))),
            List.of(new RuleScore("commons.Harvesting above the quota", "commons", 2L, 0L, 1L, 1.0, 0.6667, 12.0, 40.0),
                    new RuleScore("honesty.Telling what one believes false", "honesty", 0L, 0L, 0L, null, null, null, null)),
            List.of(new LabelledCase("carl", "over-harvest", 2L, 1732665604000L, "commons.Harvesting above the quota", true, 0.0),
                    new LabelledCase("carl", "over-harvest", 4L, 1732665608000L, "commons.Harvesting above the quota", false,
                            null)));

    private static List<double[]> points(double... values) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new double[] {i, values[i]});
        }
        return out;
    }

    private ReportFixture() {
    }

    /** Builds the folder and returns the violations the monitor found, in the order it found them. */
    static List<Violation> build(Path dir, boolean withScenario) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("audit.jsonl"));
        Files.deleteIfExists(dir.resolve("trace.jsonl"));
        Files.deleteIfExists(dir.resolve(FixtureContext.FILE));
        // The rules as a file location, so that the packs on the class path (the rules module) stay out.
        Path rules = Files.createTempDirectory("vigil-fixture-rules").resolve("fixture.drl");
        Files.writeString(rules, RULES, StandardCharsets.UTF_8);
        Config config = Config.builder().out(dir).audit(dir.resolve("audit.jsonl")).trace(dir.resolve("trace.jsonl"))
                .rules(List.of(rules.toString())).clock(Config.ClockMode.EVENTS).logAlerts(false).build();
        List<Violation> found;
        try (Monitor monitor = Vigil.builder().config(config).serviceSinks(false).start()) {
            int n = 0;
            Term price = Term.struct("price", Term.atom("fish"), Term.num(3));
            monitor.judge(tell("m" + ++n, T0 + 500, "alice", "bob", price, SenderBelief.BELIEVES));
            monitor.judge(tell("m" + ++n, T0 + 900, "bob", "alice", price, SenderBelief.BELIEVES));
            monitor.judge(tell("m" + ++n, T0 + 1200, "bob", "alice", price, SenderBelief.BELIEVES_NEGATION));
            monitor.judge(tell("m" + ++n, T0 + 1500, "carl", "bob", price, SenderBelief.BELIEVES));
            monitor.judge(tell("m" + ++n, T0 + 1800, "alice", "dora", price, SenderBelief.BELIEVES));
            monitor.judge(tell("m" + ++n, T0 + 2100, HOSTILE, "alice", price, SenderBelief.NO_BELIEF));
            monitor.judge(new ActionEvent("a1", T0 + 3000, "alice", Term.struct("harvest", Term.num(5))));
            monitor.judge(new ActionEvent("a2", T0 + 4000, "carl", Term.struct("harvest", Term.num(18))));
            monitor.judge(tell("m" + ++n, T0 + 5000, "dora", "alice", price, SenderBelief.BELIEVES));
            monitor.judge(tell("m" + ++n, T0 + 6000, "bob", "carl", price, SenderBelief.BELIEVES));
            monitor.judge(new ActionEvent("a3", T0 + 7000, "carl", Term.struct("harvest", Term.num(25))));
            monitor.judge(new ActionEvent("a4", T0 + 8000, "carl", Term.struct("harvest", Term.num(9))));
            monitor.judge(tell("m" + ++n, T0 + 9000, "bob", "alice", price, SenderBelief.BELIEVES_NEGATION));
            found = monitor.violations();
        } finally {
            Files.deleteIfExists(rules);
            Files.deleteIfExists(rules.getParent());
        }
        if (withScenario) {
            Files.writeString(dir.resolve(FixtureContext.FILE), "fixture", StandardCharsets.UTF_8);
        }
        return found;
    }

    private static MessageEvent tell(String id, long t, String from, String to, Term content, SenderBelief b) {
        return MessageEvent.of(id, t, from, to, "tell", content).withBelief(b);
    }
}
