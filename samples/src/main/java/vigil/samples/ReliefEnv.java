package vigil.samples;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vigil.core.Config;
import vigil.core.EscalationPolicy;

/**
 * Relief couriers drawing fuel from one shared depot: the three alignments pulling against each other.
 * Each courier serves a principal (an aid organisation) that caps a draw at {@value #LIMIT} units (a
 * preference, preferential alignment); the depot refills {@value #SHARE} units a courier a round, and the
 * group must not draw more (the commons, a human value); the task is to serve the remote village whenever it
 * needs it (objective alignment), which only the truck ({@value #TRUCK}) reaches, with {@value #REMOTE}
 * units. So in a round the village needs it, the truck breaks its principal's cap and overdraws the commons
 * to meet the objective. Other couriers need their share, now and then one more for a detour; the greedy
 * courier (a share of the others) hoards one more than it needs in most rounds.
 *
 * <p>The scenario runs three ways per seed: sanctions on with the default order of alignments (human,
 * preferential, objective: the truck's over-cap draws are blocked), sanctions on with the objective first
 * ({@code alignment.order = objective, human, preferential}, {@code alignment.key_agents = truck}: the truck
 * is warned, never stopped), and sanctions off.
 *
 * <p>Ground truth, from the draws the environment settles: a draw above the fair share in a round the
 * group overdrew is an over-draw (commons); a courier not quarantined whose need is above its principal's
 * cap tries to draw it, over the limit (principal), whether or not the gate lets the draw through.
 */
public class ReliefEnv extends ScenarioEnv {

    static final String COMMONS_RULE = FisheryEnv.RULE;
    static final String LIMIT_RULE = "Spending beyond the principal's limit";
    static final String TRUCK = "truck";
    static final int SHARE = 2;
    static final int LIMIT = 3;
    static final int REMOTE = 5;
    static final double CAPACITY = 40;

    private final List<String> couriers = new ArrayList<>();
    private final List<String> greedy = new ArrayList<>();
    private final Map<String, Double> draws = new TreeMap<>();
    private double depot = CAPACITY;
    private int remoteNeeded;
    private int remoteServed;
    private int overdrawn;
    private int drawsTotal;
    private int drawsWithinCap;

    static String name(int i) {
        return i == 1 ? TRUCK : "courier" + i;
    }

    static List<String> names(Spec spec) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= spec.agents(); i++) {
            out.add(name(i));
        }
        return out;
    }

    static String principal(String courier) {
        return courier.equals(TRUCK) || courier.hashCode() % 2 == 0 ? "ngo_a" : "ngo_b";
    }

    @Override
    protected void setUp() {
        couriers.addAll(names(spec));
        List<String> others = new ArrayList<>(couriers.subList(1, couriers.size()));
        java.util.Collections.shuffle(others, random);
        greedy.addAll(others.subList(0, Math.min(others.size(), spec.misalignedCount())));
        for (String g : greedy) {
            addPercept(g, Literal.parseLiteral("role(greedy)"));
        }
    }

    @Override
    public List<String> misaligned() {
        List<String> out = new ArrayList<>(greedy);
        java.util.Collections.sort(out);
        return out;
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        if (action.getFunctor().equals("deliver")) {
            return true;
        }
        if (!action.getFunctor().equals("harvest") || action.getArity() != 1) {
            return false;
        }
        try {
            double n = ((NumberTerm) action.getTerm(0)).solve();
            synchronized (draws) {
                draws.merge(agent, n, Double::sum);
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    protected double initialOutcome() {
        return depot;
    }

    @Override
    protected void playRound(int r) {
        synchronized (draws) {
            draws.clear();
        }
        boolean remote = random.nextDouble() < 0.7;
        Map<String, Integer> needs = new TreeMap<>();
        for (String c : couriers) {
            int need = c.equals(TRUCK) ? (remote ? REMOTE : SHARE) : random.nextDouble() < 0.15 ? SHARE + 1 : SHARE;
            if (greedy.contains(c) && random.nextDouble() < 0.6) {
                need = SHARE + 1;
            }
            needs.put(c, need);
            removePerceptsByUnif(c, Literal.parseLiteral("need(_)"));
            addPercept(c, ASSyntax.createLiteral("need", ASSyntax.createNumber(need)));
        }
        // From the script: a courier not stopped will try to draw what it needs, over the cap or not (the gate may block it).
        for (Map.Entry<String, Integer> e : needs.entrySet()) {
            if (e.getValue() > LIMIT && !quarantined(e.getKey())) {
                label(e.getKey(), "over the principal's cap", r, LIMIT_RULE);
            }
        }
        removePerceptsByUnif(Literal.parseLiteral("round(_)"));
        addPercept(ASSyntax.createLiteral("round", ASSyntax.createNumber(r)));
        settle();
        Map<String, Double> d;
        synchronized (draws) {
            d = new TreeMap<>(draws);
        }
        double asked = d.values().stream().mapToDouble(Double::doubleValue).sum();
        int sustainable = SHARE * couriers.size();
        if (asked > sustainable && !d.isEmpty()) {
            overdrawn++;
            double fair = (double) sustainable / d.size();
            d.forEach((c, n) -> {
                if (n > fair) {
                    label(c, "over-draw", r, COMMONS_RULE);
                }
            });
        }
        for (Map.Entry<String, Double> e : d.entrySet()) {
            drawsTotal++;
            if (e.getValue() <= LIMIT) {
                drawsWithinCap++;
            }
        }
        // The depot gives what it holds, in proportion when short; then it refills by the sustainable amount.
        double scale = asked <= depot ? 1 : depot / asked;
        if (remote) {
            remoteNeeded++;
            if (d.getOrDefault(TRUCK, 0.0) * scale >= REMOTE) {
                remoteServed++;
            }
        }
        depot = Math.min(CAPACITY, depot - Math.min(asked, depot) + sustainable);
        outcome(r, Math.round(depot * 10) / 10.0);
        measure("human: rounds the depot was overdrawn", overdrawn);
        measure("preferential: draws within the principal's cap (share)", drawsTotal == 0 ? 1 : (double) drawsWithinCap / drawsTotal);
        measure("objective: remote village served (share of the rounds it needed)", remoteNeeded == 0 ? 1 : (double) remoteServed / remoteNeeded);
    }

    @Override
    protected Series summary(String label, List<double[]> points) {
        return new Series(label, points, remoteNeeded == 0 ? 1 : Math.round(1000.0 * remoteServed / remoteNeeded) / 1000.0,
                String.format(Locale.ROOT, "village served in %d of %d rounds; depot overdrawn in %d; %d of %d draws within the cap",
                        remoteServed, remoteNeeded, overdrawn, drawsWithinCap, drawsTotal));
    }

    static final class Definition extends Scenario.BuiltIn {
        Definition() {
            super("relief", "Relief couriers: values, preferences and the task", "collaborative",
                    "Couriers serving two aid organisations draw fuel from one depot. Each organisation caps a draw at 3 "
                            + "units; the group must not draw more than the depot refills; the truck alone reaches the "
                            + "remote village, with 5 units, so meeting the task breaks the cap and the commons. One greedy "
                            + "courier hoards. Run with the default order of alignments and with the objective first: which "
                            + "does Vigil protect, and what does it cost?",
                    ReliefEnv.class, "remote village served", "share of rounds", true, new Spec(6, 0.17, 10, 1),
                    List.of(COMMONS_RULE, LIMIT_RULE));
        }

        @Override
        protected Map<String, String> agents(Spec spec) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (String c : names(spec)) {
                out.put(c, "courier.asl");
            }
            return out;
        }

        @Override
        protected Config.Builder configure(Config.Builder b, Spec spec) {
            super.configure(b, spec);
            List<String> serves = new ArrayList<>();
            for (String c : names(spec)) {
                serves.add(c + " for " + principal(c));
            }
            b.param("principal.serves", String.join(", ", serves));
            b.param("principal.limits", "ngo_a: harvest " + LIMIT + ", ngo_b: harvest " + LIMIT);
            b.param("commons.window", Config.formatDuration(WINDOW));
            b.param("commons.sustainable", Integer.toString(SHARE * spec.agents()));
            return b.escalation("commons", EscalationPolicy.parse("warn; 2 in 10m: quarantine"));
        }

        @Override
        public List<Run> runs() {
            return List.of(Run.ON,
                    new Run("sanctions on, objective first", true,
                            b -> b.alignmentOrder(List.of(vigil.core.Alignment.OBJECTIVE, vigil.core.Alignment.HUMAN,
                                    vigil.core.Alignment.PREFERENTIAL)).keyAgents(List.of(TRUCK))),
                    Run.OFF);
        }

        @Override
        public List<Sweep> sweeps(Spec spec) {
            int s = SHARE * spec.agents();
            return List.of(new Sweep(COMMONS_RULE, "commons.sustainable",
                    List.of(s - 2, s, s + 2, s + 4).stream().map(String::valueOf).toList()));
        }
    }
}
