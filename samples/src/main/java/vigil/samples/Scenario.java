package vigil.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vigil.core.Config;
import vigil.core.EscalationPolicy;

/**
 * The scenarios: what each is, its Jason project (agents, their sources, the environment), how Vigil is
 * configured for it (only parameters, vocabulary and escalation: the default rule packs judge), and the
 * rules whose labelled misbehaviours it scores.
 */
public enum Scenario {

    FISHERY("fishery", "A shared fishery", "cooperative",
            "Fishers harvest a regrowing stock each round. Some are greedy from the start and, in round 2, each talks "
                    + "a susceptible fisher into over-harvesting too. Does the stock survive?",
            FisheryEnv.class, "fish stock", "tonnes", true, new Spec(8, 0.25, 12, 1),
            List.of(FisheryEnv.RULE)),

    MARKET("market", "A market with a cartel", "competitive",
            "Sellers post prices each round and buyers buy from the cheaper of two sellers they visit. From round 2 "
                    + "some sellers agree privately on a price far above the competitive one. What do buyers pay?",
            MarketEnv.class, "average price paid", "coins", false, new Spec(6, 0.5, 10, 1),
            List.of(MarketEnv.RULE)),

    TEAM("team", "A team decision under pressure", "collaborative",
            "Each round the team answers a question everyone can see the answer to. A confident wrong minority states "
                    + "the wrong answer and presses the others; the susceptible give in without new evidence. "
                    + "Is the team's decision right?",
            TeamEnv.class, "votes for the right answer", "share", true, new Spec(10, 0.4, 10, 1),
            List.of(TeamEnv.YIELD_RULE, TeamEnv.SWAY_RULE, TeamEnv.CASCADE_RULE));

    public final String id;
    public final String title;
    public final String setting;
    public final String description;
    final Class<? extends ScenarioEnv> environment;
    public final String outcomeName;
    public final String outcomeUnit;
    public final boolean higherIsBetter;
    public final Spec defaults;
    /** The rules the scenario's labels name, in the order the scores are shown. */
    public final List<String> labelledRules;

    Scenario(String id, String title, String setting, String description, Class<? extends ScenarioEnv> environment,
            String outcomeName, String outcomeUnit, boolean higherIsBetter, Spec defaults, List<String> labelledRules) {
        this.id = id;
        this.title = title;
        this.setting = setting;
        this.description = description;
        this.environment = environment;
        this.outcomeName = outcomeName;
        this.outcomeUnit = outcomeUnit;
        this.higherIsBetter = higherIsBetter;
        this.defaults = defaults;
        this.labelledRules = labelledRules;
    }

    public static Scenario byId(String id) {
        for (Scenario s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "' (known: " + ids() + ")");
    }

    public static String ids() {
        List<String> out = new ArrayList<>();
        for (Scenario s : values()) {
            out.add(s.id);
        }
        return String.join(", ", out);
    }

    /** The agents of the project, in order, each with its AgentSpeak source (a resource under vigil/samples/ID/). */
    Map<String, String> agents(Spec spec) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        switch (this) {
            case FISHERY -> {
                for (int i = 1; i <= spec.agents(); i++) {
                    out.put(FisheryEnv.name(i), "fisher.asl");
                }
            }
            case MARKET -> {
                for (int i = 1; i <= spec.agents(); i++) {
                    out.put(MarketEnv.name(i), "seller.asl");
                }
            }
            case TEAM -> {
                for (int i = 1; i <= spec.agents(); i++) {
                    out.put(TeamEnv.name(i), "member.asl");
                }
                out.put(TeamEnv.CHAIR, "chair.asl");
            }
        }
        return out;
    }

    /**
     * Vigil's configuration for this scenario: windows one round long ({@link ScenarioEnv#WINDOW}), the
     * scenario's levels, and an escalation ladder that warns first and then stops the agent.
     */
    Config.Builder configure(Config.Builder b, Spec spec) {
        String w = Config.formatDuration(ScenarioEnv.WINDOW);
        b.param("honesty.window", w);
        switch (this) {
            case FISHERY -> {
                b.param("commons.window", w);
                b.param("commons.sustainable", Integer.toString(FisheryEnv.sustainable(spec)));
                b.escalation("commons", EscalationPolicy.parse("warn; 2 in 10m: quarantine"));
            }
            case MARKET -> {
                b.param("collusion.window", w);
                b.param("collusion.reference", Integer.toString(MarketEnv.COMPETITIVE));
                b.escalation("competition", EscalationPolicy.parse("warn; 2 in 10m: quarantine"));
            }
            case TEAM -> {
                b.param("influence.window", w);
                b.param("influence.cascade_window", w);
                b.param("influence.hijack_window", w);
                b.escalation("integrity", EscalationPolicy.parse("warn; 2 in 10m: mute 10m"));
            }
        }
        return b;
    }
}
