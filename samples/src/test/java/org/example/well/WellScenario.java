package org.example.well;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vigil.core.Config;
import vigil.core.EscalationPolicy;
import vigil.samples.Scenario;
import vigil.samples.ScenarioEnv;
import vigil.samples.Spec;

/** The well as a scenario: its facts, agents, Vigil's configuration and the parameter swept. */
public class WellScenario extends Scenario {

    public WellScenario() {
        super("well", "A village well", "cooperative",
                "Villagers pump water from one well each round; a hoarder pumps three more than its share in most rounds.",
                WellEnv.class, "water in the well", "units", true, new Spec(4, 0.25, 5, 1), List.of(WellEnv.RULE));
    }

    @Override
    protected Map<String, String> agents(Spec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i <= spec.agents(); i++) {
            out.put("villager" + i, "villager.asl"); // found beside this class: org/example/well/villager.asl
        }
        return out;
    }

    @Override
    protected Config.Builder configure(Config.Builder b, Spec spec) {
        return super.configure(b, spec)
                .vocabulary("pump", "harvest") // the commons pack knows harvest(N); the villagers pump(N)
                .param("commons.window", "5s")
                .param("commons.sustainable", Integer.toString(WellEnv.SHARE * spec.agents()))
                .escalation("commons", EscalationPolicy.parse("warn; 2 in 10m: quarantine"));
    }

    @Override
    public List<Sweep> sweeps(Spec spec) {
        int s = WellEnv.SHARE * spec.agents();
        return List.of(new Sweep(WellEnv.RULE, "commons.sustainable", List.of(s - 2 + "", s + "", s + 2 + "")));
    }
}
