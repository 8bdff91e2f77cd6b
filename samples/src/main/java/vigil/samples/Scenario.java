package vigil.samples;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import vigil.core.Config;

/**
 * A scenario: what it is, its Jason project (agents, their AgentSpeak sources, the environment), how Vigil is
 * configured for it (only parameters, vocabulary and escalation: the default rule packs judge), the rules
 * whose labelled misbehaviours it scores, the runs compared per seed, and the rule parameters swept.
 *
 * <p>The built-in scenarios are constants here; a researcher's own is a subclass with a public no-argument
 * constructor, listed in {@code META-INF/services/vigil.samples.Scenario} of a jar on the classpath
 * ({@code docs/scenario-kit.md}). Its AgentSpeak sources are resources beside the subclass.
 */
public abstract class Scenario {

    /** One run of a seed: a label, whether sanctions are on, and what it changes in the configuration. */
    public record Run(String label, boolean sanctions, UnaryOperator<Config.Builder> config) {
        public static final Run ON = new Run("sanctions on", true, b -> b);
        public static final Run OFF = new Run("sanctions off", false, b -> b);
    }

    /** A rule parameter swept over values, scored on the rule it belongs to; {@code param} without the {@code params.} prefix. */
    public record Sweep(String rule, String param, List<String> values) {
    }

    public static final Scenario FISHERY = new FisheryEnv.Definition();
    public static final Scenario MARKET = new MarketEnv.Definition();
    public static final Scenario TEAM = new TeamEnv.Definition();
    public static final Scenario RUMOUR = new RumourEnv.Definition();
    public static final Scenario RELIEF = new ReliefEnv.Definition();

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

    protected Scenario(String id, String title, String setting, String description, Class<? extends ScenarioEnv> environment,
            String outcomeName, String outcomeUnit, boolean higherIsBetter, Spec defaults, List<String> labelledRules) {
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a scenario's id is a lower-case word (letters, digits, _), not '" + id + "'");
        }
        this.id = id;
        this.title = title;
        this.setting = setting;
        this.description = description;
        this.environment = environment;
        this.outcomeName = outcomeName;
        this.outcomeUnit = outcomeUnit;
        this.higherIsBetter = higherIsBetter;
        this.defaults = defaults;
        this.labelledRules = List.copyOf(labelledRules);
    }

    /** The agents of the project, in order, each with its AgentSpeak source file (found by {@link #source}). */
    protected abstract Map<String, String> agents(Spec spec);

    /** Vigil's configuration for this scenario: parameters, escalation. The default sets the honesty window to one round's. */
    protected Config.Builder configure(Config.Builder b, Spec spec) {
        return b.param("honesty.window", Config.formatDuration(ScenarioEnv.WINDOW));
    }

    /** The runs of each seed; the first is the one scored. The default: sanctions on, then off. */
    public List<Run> runs() {
        return List.of(Run.ON, Run.OFF);
    }

    /** The rule parameters the benchmark sweeps for this scenario (replayed over the sanctions-off runs). */
    public List<Sweep> sweeps(Spec spec) {
        return List.of();
    }

    /** An AgentSpeak source named in {@link #agents}: by default a resource beside the scenario's class. */
    protected InputStream source(String file) {
        return getClass().getResourceAsStream(file);
    }

    /** The built-in scenarios, then those found on the classpath. */
    public static List<Scenario> all() {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (Scenario s : List.of(FISHERY, MARKET, TEAM, RUMOUR, RELIEF)) {
            out.put(s.id, s);
        }
        for (Scenario s : ServiceLoader.load(Scenario.class)) {
            if (out.putIfAbsent(s.id, s) != null) {
                throw new IllegalArgumentException("two scenarios are called '" + s.id + "' (" + out.get(s.id).getClass().getName()
                        + " and " + s.getClass().getName() + ")");
            }
        }
        return new ArrayList<>(out.values());
    }

    public static Scenario byId(String id) {
        for (Scenario s : all()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "' (known: " + ids() + ")");
    }

    public static String ids() {
        List<String> out = new ArrayList<>();
        for (Scenario s : all()) {
            out.add(s.id);
        }
        return String.join(", ", out);
    }

    @Override
    public String toString() {
        return id;
    }

    /** The built-ins' sources live under {@code /vigil/samples/ID/}. */
    abstract static class BuiltIn extends Scenario {
        BuiltIn(String id, String title, String setting, String description, Class<? extends ScenarioEnv> environment,
                String outcomeName, String outcomeUnit, boolean higherIsBetter, Spec defaults, List<String> labelledRules) {
            super(id, title, setting, description, environment, outcomeName, outcomeUnit, higherIsBetter, defaults, labelledRules);
        }

        @Override
        protected InputStream source(String file) {
            return Scenario.class.getResourceAsStream("/vigil/samples/" + id + "/" + file);
        }
    }
}
