package vigil.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;
import vigil.core.Term;
import vigil.core.RuleSource;

/**
 * A run folder made the way a scenario run makes one: a real monitor with small DRL rules judges a handful of
 * events, writing a real audit log and trace, and a {@code scenario.json} beside them. One agent has a
 * hostile name, and the explanations repeat it.
 */
final class ReportFixture {

    static final String HOSTILE = "<script>alert(\"pwn\")</script>&'zoë🐟";
    static final long T0 = 1_732_665_600_000L;

    static final String RULES = """
            package fixture.honesty;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Telling what one believes false"
                @value("honesty") @severity("high") @sanction("block, warn") @path("gate")
            when
                $m : MessageEvent(performative == "tell", senderBelief == SenderBelief.BELIEVES_NEGATION)
            then
                violation(kcontext, "told " + $m.receiver() + " " + $m.content() + " while believing the opposite", $m);
            end

            rule "Telling what one does not believe"
                @value("honesty") @severity("low") @sanction("warn") @path("gate")
            when
                $m : MessageEvent(performative == "tell", senderBelief == SenderBelief.NO_BELIEF)
            then
                violation(kcontext, "told " + $m.receiver() + " " + $m.content() + " without believing it", $m);
            end

            rule "Harvesting above the quota"
                @value("commons") @level("objective") @severity("medium") @sanction("warn") @path("gate")
            when
                $a : ActionEvent(action.functor == "harvest", action.number(0) > 10)
            then
                violation(kcontext, $a.agent() + " took " + $a.action().number(0) + ", above the quota of 10", $a);
            end
            """;

    static final String SCENARIO = """
            {
              "schema": 1,
              "scenario": "fixture",
              "title": "A small fishery",
              "setting": "cooperative",
              "description": "Four fishers share a stock; bob lies about prices and carl over-harvests.",
              "seed": 7, "agents": 4, "rounds": 5,
              "misaligned": ["bob", "carl"],
              "futureField": {"ignored": true},
              "outcome": {
                "name": "fish stock", "unit": "tonnes", "higherIsBetter": true,
                "series": [
                  {"label": "sanctions on",  "points": [[0, 100.0], [1, 96.5], [2, 94.0], [3, 93.0], [4, 92.5], [5, 92.0]]},
                  {"label": "sanctions off", "points": [[0, 100.0], [1, 90.0], [2, 76.0], [3, 55.0], [4, 31.0], [5, 8.0]]}
                ],
                "summary": [
                  {"label": "sanctions on",  "value": 92.0, "text": "the stock survived 5 rounds"},
                  {"label": "sanctions off", "value": 8.0,  "text": "the stock nearly collapsed"}
                ]
              },
              "scores": [
                {"rule": "commons.Harvesting above the quota", "value": "commons", "tp": 2, "fp": 0, "fn": 1,
                 "precision": 1.0, "recall": 0.6667, "latencyMedianMs": 12.0, "latencyMaxMs": 40.0},
                {"rule": "honesty.Telling what one believes false", "value": "honesty", "tp": 0, "fp": 0, "fn": 0,
                 "precision": null, "recall": null, "latencyMedianMs": null, "latencyMaxMs": null}
              ],
              "truth": [
                {"agent": "carl", "behaviour": "over-harvest", "round": 2, "time": 1732665604000,
                 "rule": "commons.Harvesting above the quota", "detected": true, "latencyMs": 0.0},
                {"agent": "carl", "behaviour": "over-harvest", "round": 4, "time": 1732665608000,
                 "rule": "commons.Harvesting above the quota", "detected": false, "latencyMs": null}
              ]
            }
            """;

    private ReportFixture() {
    }

    /** Builds the folder and returns the violations the monitor found, in the order it found them. */
    static List<Violation> build(Path dir, boolean withScenario) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("audit.jsonl"));
        Files.deleteIfExists(dir.resolve("trace.jsonl"));
        Files.deleteIfExists(dir.resolve("scenario.json"));
        Config config = Config.builder().out(dir).audit(dir.resolve("audit.jsonl")).trace(dir.resolve("trace.jsonl"))
                .clock(Config.ClockMode.EVENTS).logAlerts(false).build();
        List<Violation> found;
        try (Monitor monitor = Vigil.builder().config(config.toBuilder().rules(new RuleSource("fixture.drl", RULES)).build())
                .serviceSinks(false).start()) {
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
        }
        if (withScenario) {
            Files.writeString(dir.resolve("scenario.json"), SCENARIO, StandardCharsets.UTF_8);
        }
        return found;
    }

    private static MessageEvent tell(String id, long t, String from, String to, Term content, SenderBelief b) {
        return MessageEvent.of(id, t, from, to, "tell", content).withBelief(b);
    }
}
