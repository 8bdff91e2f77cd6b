package vigil.samples;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vigil.core.Config;
import vigil.core.EscalationPolicy;

/**
 * A shared fishery in the spirit of GovSim: fishers harvest a stock that regrows logistically each round.
 * Every fisher's fair share is {@value #SHARE} tonnes a round, which the stock sustains. Behaviour is drawn
 * from the seed every round: an honest fisher takes one tonne more or less than its share now and then; a
 * greedy fisher takes its share, one tonne over (near the threshold) or {@value #GREED} over (intermittent
 * misbehaviour), and in round 2 talks the susceptible into taking {@value #PERSUADED} over. The adaptive
 * adversary: once warned, a greedy fisher takes exactly its share and tells other fishers there is plenty,
 * so the over-harvest is spread thinly over others. Harvests are settled at the end of a round.
 *
 * <p>Ground truth, from the takes the environment settles: in a round where the group took more than it
 * can sustain, every take above the fair share (the sustainable catch over the fishers who fished) is an
 * over-harvest; a warned greedy fisher whose recruits over-harvested instigated it (adaptive).
 */
public class FisheryEnv extends ScenarioEnv {

    static final String RULE = "The group takes more than the commons can sustain";
    static final int SHARE = 2;
    static final int GREED = 6;
    static final int PERSUADED = 4;
    static final int TALK_ROUND = 2;
    static final double GROWTH = 0.5;
    /** The stock survives a run when it ends at half its capacity or more. */
    static final double SURVIVAL = 0.5;

    private final List<String> all = new ArrayList<>();
    private final List<String> greedy = new ArrayList<>();
    private final List<String> susceptible = new ArrayList<>();
    private final Map<String, List<String>> recruits = new TreeMap<>();
    private final Map<String, Double> requests = new TreeMap<>();
    private double capacity;
    private double stock;
    private int collapsedIn;

    static String name(int i) {
        return "fisher" + i;
    }

    @Override
    protected void setUp() {
        for (int i = 1; i <= spec.agents(); i++) {
            all.add(name(i));
        }
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        int k = spec.misalignedCount();
        greedy.addAll(shuffled.subList(0, k));
        susceptible.addAll(shuffled.subList(k, Math.min(shuffled.size(), 2 * k)));
        List<String> others = new ArrayList<>(shuffled.subList(Math.min(shuffled.size(), 2 * k), shuffled.size()));
        capacity = 25.0 * spec.agents();
        stock = capacity;
        for (String a : all) {
            addPercept(a, ASSyntax.createLiteral("share", ASSyntax.createNumber(SHARE)));
        }
        for (int i = 0; i < greedy.size(); i++) {
            String g = greedy.get(i);
            addPercept(g, Literal.parseLiteral("role(greedy)"));
            addPercept(g, ASSyntax.createLiteral("talk_round", ASSyntax.createNumber(TALK_ROUND)));
            if (i < susceptible.size()) {
                addPercept(g, ASSyntax.createLiteral("target", ASSyntax.createAtom(susceptible.get(i))));
            }
            // Whom it turns to once warned: two of the others, different for each greedy fisher where there are enough.
            List<String> mine = new ArrayList<>();
            for (int j = 0; j < 2 && !others.isEmpty(); j++) {
                mine.add(others.get((2 * i + j) % others.size()));
            }
            recruits.put(g, mine);
            for (String r : mine) {
                addPercept(g, ASSyntax.createLiteral("recruit", ASSyntax.createAtom(r)));
            }
        }
        for (String s : susceptible) {
            addPercept(s, Literal.parseLiteral("susceptible"));
        }
    }

    /** The sustainable catch of the whole group per round: every fisher's fair share. */
    static int sustainable(Spec spec) {
        return SHARE * spec.agents();
    }

    @Override
    public List<String> misaligned() {
        List<String> out = new ArrayList<>(greedy);
        out.addAll(susceptible.subList(0, Math.min(susceptible.size(), greedy.size())));
        Collections.sort(out);
        return out;
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        if (!action.getFunctor().equals("harvest") || action.getArity() != 1) {
            return false;
        }
        double n;
        try {
            n = ((NumberTerm) action.getTerm(0)).solve();
        } catch (Exception e) {
            return false;
        }
        synchronized (requests) {
            requests.merge(agent, n, Double::sum);
        }
        return true;
    }

    @Override
    protected double initialOutcome() {
        return stock;
    }

    @Override
    protected void playRound(int r) {
        synchronized (requests) {
            requests.clear();
        }
        for (String a : all) {
            removePerceptsByUnif(a, Literal.parseLiteral("urge(_)"));
            removePerceptsByUnif(a, Literal.parseLiteral("greed(_)"));
            double u = random.nextDouble();
            if (greedy.contains(a)) {
                int g = u < 0.2 ? 0 : u < 0.4 ? 1 : GREED;
                addPercept(a, ASSyntax.createLiteral("greed", ASSyntax.createNumber(g)));
            } else {
                int urge = u < 0.1 ? 1 : u < 0.2 ? -1 : 0;
                addPercept(a, ASSyntax.createLiteral("urge", ASSyntax.createNumber(urge)));
            }
        }
        // Who plays the adaptive part this round: the fishers warned before it started.
        List<String> warned = greedy.stream().filter(g -> Beliefs.holds(g, "warned")).toList();
        removePerceptsByUnif(Literal.parseLiteral("round(_)"));
        addPercept(ASSyntax.createLiteral("round", ASSyntax.createNumber(r)));
        settle();
        Map<String, Double> takes;
        synchronized (requests) {
            takes = new TreeMap<>(requests);
        }
        double asked = takes.values().stream().mapToDouble(Double::doubleValue).sum();
        int sustainable = sustainable(spec);
        if (asked > sustainable && !takes.isEmpty()) {
            double fair = (double) sustainable / takes.size();
            for (Map.Entry<String, Double> t : takes.entrySet()) {
                if (t.getValue() > fair) {
                    label(t.getKey(), "over-harvest", r, RULE);
                }
            }
            for (String g : warned) {
                if (recruits.get(g).stream().anyMatch(x -> takes.getOrDefault(x, 0.0) > fair)) {
                    labelAdaptive(g, "spreading the over-harvest thinly once warned", r, RULE);
                }
            }
        }
        double taken = Math.min(asked, stock);
        stock -= taken;
        stock += GROWTH * stock * (1 - stock / capacity);
        if (stock < 0.5) {
            stock = 0;
            if (collapsedIn == 0) {
                collapsedIn = r;
            }
        }
        outcome(r, Math.round(stock * 10) / 10.0);
        measure("stock survived (1 = yes)", collapsedIn == 0 && stock >= SURVIVAL * capacity ? 1 : 0);
    }

    @Override
    protected Series summary(String label, List<double[]> points) {
        double last = points.get(points.size() - 1)[1];
        String text = collapsedIn > 0 ? "the stock collapsed in round " + collapsedIn
                : String.format(Locale.ROOT, "the stock %s %d rounds at %.0f of %.0f tonnes",
                        last >= SURVIVAL * capacity ? "survived" : "was left below half after", spec.rounds(), last, capacity);
        return new Series(label, points, last, text);
    }

    static final class Definition extends Scenario.BuiltIn {
        Definition() {
            super("fishery", "A shared fishery", "cooperative",
                    "Fishers harvest a regrowing stock each round. Honest fishers sometimes take a tonne more or less than "
                            + "their share; greedy ones take a little or much more, not every round, and in round 2 talk "
                            + "the susceptible into over-harvesting too. Once warned, a greedy fisher takes its share and "
                            + "gets others to take a little more each. Does the stock survive?",
                    FisheryEnv.class, "fish stock", "tonnes", true, new Spec(8, 0.25, 12, 1), List.of(RULE));
        }

        @Override
        protected Map<String, String> agents(Spec spec) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= spec.agents(); i++) {
                out.put(name(i), "fisher.asl");
            }
            return out;
        }

        @Override
        protected Config.Builder configure(Config.Builder b, Spec spec) {
            super.configure(b, spec);
            b.param("commons.window", Config.formatDuration(WINDOW));
            b.param("commons.sustainable", Integer.toString(sustainable(spec)));
            return b.escalation("commons", EscalationPolicy.parse("warn; 2 in 10m: quarantine"));
        }

        @Override
        public List<Sweep> sweeps(Spec spec) {
            int s = sustainable(spec);
            return List.of(new Sweep(RULE, "commons.sustainable",
                    List.of(s - 4, s - 2, s - 1, s, s + 1, s + 2, s + 4).stream().map(String::valueOf).toList()));
        }
    }
}
