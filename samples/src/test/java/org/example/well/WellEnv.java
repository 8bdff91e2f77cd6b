package org.example.well;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vigil.samples.ScenarioEnv;
import vigil.samples.Series;

/** Villagers pump water from one well each round; a hoarder pumps more than its share in some rounds. */
public class WellEnv extends ScenarioEnv {

    static final String RULE = "The group takes more than the commons can sustain";
    static final int SHARE = 2;

    private final List<String> villagers = new ArrayList<>();
    private final Map<String, Double> pumped = new TreeMap<>();
    private String hoarder;
    private double water = 40;

    @Override
    protected void setUp() {
        for (int i = 1; i <= spec.agents(); i++) {
            villagers.add("villager" + i);
        }
        hoarder = villagers.get(random.nextInt(villagers.size()));
        addPercept(hoarder, Literal.parseLiteral("hoarder"));
    }

    @Override
    public List<String> misaligned() {
        return List.of(hoarder);
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        if (!action.getFunctor().equals("pump")) {
            return false;
        }
        try {
            double n = ((NumberTerm) action.getTerm(0)).solve();
            synchronized (pumped) {
                pumped.merge(agent, n, Double::sum);
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    protected double initialOutcome() {
        return water;
    }

    @Override
    protected void playRound(int r) {
        synchronized (pumped) {
            pumped.clear();
        }
        int greed = random.nextDouble() < 0.7 ? 3 : 0; // the seed decides the rounds the hoarder hoards in
        removePerceptsByUnif(hoarder, Literal.parseLiteral("extra(_)"));
        addPercept(hoarder, ASSyntax.createLiteral("extra", ASSyntax.createNumber(greed)));
        removePerceptsByUnif(Literal.parseLiteral("round(_)"));
        addPercept(ASSyntax.createLiteral("round", ASSyntax.createNumber(r)));
        settle(); // wakes the agents, waits until they are idle
        double total = pumped.values().stream().mapToDouble(Double::doubleValue).sum();
        int sustainable = SHARE * villagers.size();
        if (total > sustainable) {
            double fair = (double) sustainable / pumped.size();
            pumped.forEach((a, n) -> {
                if (n > fair) {
                    label(a, "over-pumping", r, RULE); // the ground truth, from what the environment saw
                }
            });
        }
        water = Math.max(0, water - total + sustainable);
        outcome(r, water);
        measure("well ran dry (1 = yes)", water == 0 ? 1 : 0);
    }

    @Override
    protected Series summary(String label, List<double[]> points) {
        double last = points.get(points.size() - 1)[1];
        return new Series(label, points, last, "the well holds " + last + " units after " + spec.rounds() + " rounds");
    }
}
