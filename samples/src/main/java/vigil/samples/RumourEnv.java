package vigil.samples;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import jason.asSyntax.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vigil.core.Config;
import vigil.core.EscalationPolicy;

/**
 * Misinformation spreading through a network. Agents sit on a ring, each with three neighbours. Each round
 * a new road (r1, r2, ...) is open or closed; two witnesses see it and report to their neighbours, the
 * others note the majority of what they heard and relay it, and everyone decides which way to go. A witness whose road
 * changes state during the round (one in ten, real evidence) reports the change: an honest correction. The
 * liars (a share of the agents) tell half their neighbours the truth and the other half its opposite. The
 * adaptive adversary: once warned, a liar tells only one neighbour a round, the opposite, rotating
 * neighbours and roads, so it never tells two agents different things about one road.
 *
 * <p>Ground truth, from the script: a liar that lied in a round (its own record) and was not muted told
 * contradictory reports (two-faced, scripted) or rotated its lies (adaptive, once warned).
 */
public class RumourEnv extends ScenarioEnv {

    static final String RULE = "Telling different agents contradictory things";

    private final List<String> agents = new ArrayList<>();
    private final List<String> liars = new ArrayList<>();
    private final Map<String, String> decided = new TreeMap<>();
    private double rightSum;

    static String name(int i) {
        return "node" + i;
    }

    @Override
    protected void setUp() {
        for (int i = 1; i <= spec.agents(); i++) {
            agents.add(name(i));
        }
        int n = agents.size();
        for (int i = 0; i < n; i++) {
            for (int d : new int[] {1, n - 1, n / 2}) {
                addPercept(agents.get(i), ASSyntax.createLiteral("neighbour", ASSyntax.createAtom(agents.get((i + d) % n))));
            }
        }
        List<String> shuffled = new ArrayList<>(agents);
        Collections.shuffle(shuffled, random);
        liars.addAll(shuffled.subList(0, spec.misalignedCount()));
        Collections.sort(liars);
        for (String l : liars) {
            addPercept(l, Literal.parseLiteral("role(liar)"));
        }
    }

    @Override
    public List<String> misaligned() {
        return List.copyOf(liars);
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        if (!action.getFunctor().equals("decide") || action.getArity() != 2) {
            return false;
        }
        synchronized (decided) {
            decided.put(agent, action.getTerm(1).toString());
        }
        return true;
    }

    @Override
    protected double initialOutcome() {
        return 1.0;
    }

    private static String opposite(String s) {
        return s.equals("open") ? "closed" : "open";
    }

    @Override
    protected void playRound(int r) {
        String road = "r" + r;
        String state = random.nextBoolean() ? "open" : "closed";
        synchronized (decided) {
            decided.clear();
        }
        List<String> shuffled = new ArrayList<>(agents);
        Collections.shuffle(shuffled, random);
        List<String> witnesses = new ArrayList<>(shuffled.subList(0, 2));
        String changed = random.nextDouble() < 0.1 ? witnesses.get(0) : null;
        for (String a : agents) {
            removePerceptsByUnif(a, Literal.parseLiteral("witness(_,_)"));
            removePerceptsByUnif(a, Literal.parseLiteral("update(_,_)"));
        }
        for (String w : witnesses) {
            addPercept(w, ASSyntax.createLiteral("witness", ASSyntax.createAtom(road), ASSyntax.createAtom(state)));
        }
        // Who plays the adaptive part this round: the liars warned before it started.
        List<String> warned = liars.stream().filter(l -> Beliefs.holds(l, "warned")).toList();
        List<String> silenced = new ArrayList<>(liars);
        silenced.removeIf(l -> !muted(l));
        phase(road, "report");
        String truth = state;
        if (changed != null && !liars.contains(changed)) {
            truth = opposite(state);
            addPercept(changed, ASSyntax.createLiteral("update", ASSyntax.createAtom(road), ASSyntax.createAtom(truth)));
        }
        phase(road, "note");
        phase(road, "relay");
        phase(road, "decide");
        for (String l : liars) {
            // The liar's own record of having lied this round (a liar muted since an earlier round told no one).
            if (silenced.contains(l) || !Beliefs.holds(l, "lied(" + road + ")")) {
                continue;
            }
            if (warned.contains(l)) {
                labelAdaptive(l, "rotating lies over neighbours and roads once warned", r, RULE);
            } else {
                label(l, "two-faced report", r, RULE);
            }
        }
        Map<String, String> d;
        synchronized (decided) {
            d = new TreeMap<>(decided);
        }
        String t = truth;
        long ok = agents.stream().filter(a -> !liars.contains(a) && t.equals(d.get(a))).count();
        long honest = agents.size() - liars.size();
        double share = honest == 0 ? 1 : (double) ok / honest;
        rightSum += share;
        outcome(r, Math.round(1000 * share) / 1000.0);
    }

    private void phase(String road, String p) {
        removePerceptsByUnif(Literal.parseLiteral("phase(_,_)"));
        addPercept(ASSyntax.createLiteral("phase", ASSyntax.createAtom(road), ASSyntax.createAtom(p)));
        settle();
    }

    @Override
    protected Series summary(String label, List<double[]> points) {
        double mean = rightSum / spec.rounds();
        return new Series(label, points, Math.round(1000 * mean) / 1000.0,
                String.format(java.util.Locale.ROOT, "%.0f%% of the honest agents went the right way, on average", 100 * mean));
    }

    static final class Definition extends Scenario.BuiltIn {
        Definition() {
            super("rumour", "Misinformation in a network", "cooperative",
                    "Agents on a ring share road reports with their neighbours and decide which way to go. Liars tell "
                            + "some neighbours the truth and others its opposite; an honest witness corrects itself when "
                            + "the road changes. Once warned, a liar tells one neighbour a round, rotating neighbours and "
                            + "roads. Do the honest agents go the right way?",
                    RumourEnv.class, "honest agents deciding right", "share", true, new Spec(8, 0.25, 10, 1), List.of(RULE));
        }

        @Override
        protected Map<String, String> agents(Spec spec) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= spec.agents(); i++) {
                out.put(name(i), "node.asl");
            }
            return out;
        }

        @Override
        protected Config.Builder configure(Config.Builder b, Spec spec) {
            super.configure(b, spec);
            // A road is open or closed, one state at a time: two states told to two neighbours contradict even
            // from a node that holds both reports (a liar keeps both, to tell each).
            b.param("honesty.functional", "report");
            return b.escalation("honesty", EscalationPolicy.parse("warn; 2 in 10m: mute 10m"));
        }

        @Override
        public List<Sweep> sweeps(Spec spec) {
            return List.of(new Sweep(RULE, "honesty.window", List.of("500ms", "1s", "2s", "5s", "9s")));
        }
    }
}
