package vigil.samples;

import java.util.ArrayList;
import java.util.List;
import vigil.core.Violation;

/**
 * A violation as the scoring sees it: one rule, one agent held responsible, the round it falls in, and the
 * wall time the alert reached the scenario's sink (for latency).
 */
public record Detection(String rule, String value, String agent, int round, long alertedAt) {

    /** One detection per agent a violation holds responsible, in the round its scenario time falls in. */
    static List<Detection> of(Violation v, long base, long alertedAt) {
        List<Detection> out = new ArrayList<>();
        int round = ScenarioEnv.roundAt(base, v.time());
        for (String agent : v.agents()) {
            out.add(new Detection(v.rule(), v.value(), agent, round, alertedAt));
        }
        return out;
    }
}
