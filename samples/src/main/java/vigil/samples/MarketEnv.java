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
 * A market for widgets, a repeated Bertrand game. Each round every seller posts a price (a
 * {@code price(widget, P)} action); a seller's competitive price is drawn from 9..11 each round. Buyers each
 * visit two sellers drawn at random and buy from the cheaper. Honest sellers now and then quote high once
 * and tell another seller the round's cost index (talk that is not collusion). The cartel (a share of the
 * sellers) agrees privately from round {@value #CARTEL_FROM} on a price near the rule's threshold (12.5 to
 * 14), in most rounds, not all; two other sellers talk a deal every round but post competitive prices
 * ("collusion on paper", a false-positive trap). The adaptive adversary: once warned, a cartel member stops
 * talking and posts the highest price its partners posted the round before (tacit collusion).
 *
 * <p>Ground truth, from the script and the posts: a cartel member's post in a round the cartel agreed is
 * price-fixing; a warned member's post above its competitive price is tacit collusion (adaptive).
 */
public class MarketEnv extends ScenarioEnv {

    static final String RULE = "Competitors agree privately, then post prices above the competitive level";
    static final int COMPETITIVE = 10;
    static final int CARTEL_FROM = 2;
    static final int BUYERS_PER_SELLER = 3;
    static final double[] CARTEL_PRICES = {12.5, 13, 14};

    private final List<String> sellers = new ArrayList<>();
    private final List<String> cartel = new ArrayList<>();
    private final List<String> paper = new ArrayList<>();
    private final Map<String, Double> posted = new TreeMap<>();
    private final Map<String, Double> competitive = new TreeMap<>();
    private double paidSum;
    private double competitiveSum;
    private int paidRounds;

    static String name(int i) {
        return "seller" + i;
    }

    @Override
    protected void setUp() {
        for (int i = 1; i <= spec.agents(); i++) {
            sellers.add(name(i));
        }
        List<String> shuffled = new ArrayList<>(sellers);
        Collections.shuffle(shuffled, random);
        int k = spec.misalignedCount();
        if (k >= 2) {
            cartel.addAll(shuffled.subList(0, k));
            Collections.sort(cartel);
        }
        if (shuffled.size() - k >= 4) {
            paper.addAll(shuffled.subList(k, k + 2));
            Collections.sort(paper);
        }
        for (List<String> ring : List.of(cartel, paper)) {
            for (String c : ring) {
                addPercept(c, Literal.parseLiteral(ring == cartel ? "role(colluder)" : "role(paper)"));
                for (String p : ring) {
                    if (!p.equals(c)) {
                        addPercept(c, ASSyntax.createLiteral("partner", ASSyntax.createAtom(p)));
                    }
                }
            }
        }
    }

    @Override
    public List<String> misaligned() {
        return List.copyOf(cartel);
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        if (!action.getFunctor().equals("price") || action.getArity() != 2) {
            return false;
        }
        double p;
        try {
            p = ((NumberTerm) action.getTerm(1)).solve();
        } catch (Exception e) {
            return false;
        }
        synchronized (posted) {
            posted.put(agent, p);
        }
        return true;
    }

    @Override
    protected double initialOutcome() {
        return COMPETITIVE;
    }

    @Override
    protected void playRound(int r) {
        synchronized (posted) {
            posted.clear();
        }
        boolean agreed = r >= CARTEL_FROM && random.nextDouble() < 0.8;
        double deal = CARTEL_PRICES[random.nextInt(CARTEL_PRICES.length)];
        int cost = 6 + random.nextInt(3);
        for (String s : sellers) {
            // 9.0, 9.5, ..., 11.0: a competitive price, drawn for every seller every round (the draws never depend on the run).
            double p = 9 + 0.5 * random.nextInt(5);
            competitive.put(s, p);
            removePerceptsByUnif(s, Literal.parseLiteral("competitive(_)"));
            removePerceptsByUnif(s, Literal.parseLiteral("deal_price(_)"));
            removePerceptsByUnif(s, Literal.parseLiteral("quote(_)"));
            removePerceptsByUnif(s, Literal.parseLiteral("chat(_,_)"));
            addPercept(s, ASSyntax.createLiteral("competitive", ASSyntax.createNumber(p)));
            double u = random.nextDouble();
            String other = sellers.get(random.nextInt(sellers.size()));
            if (cartel.contains(s)) {
                if (agreed) {
                    addPercept(s, ASSyntax.createLiteral("deal_price", ASSyntax.createNumber(deal)));
                }
            } else {
                if (u < 0.05) {
                    addPercept(s, ASSyntax.createLiteral("quote", ASSyntax.createNumber(13)));
                }
                if (u > 0.7 && !other.equals(s)) {
                    addPercept(s, ASSyntax.createLiteral("chat", ASSyntax.createAtom(other), ASSyntax.createNumber(cost)));
                }
            }
        }
        // Who plays the adaptive part this round: the members warned before it started.
        List<String> warned = cartel.stream().filter(c -> Beliefs.holds(c, "warned")).toList();
        removePerceptsByUnif(Literal.parseLiteral("round(_)"));
        addPercept(ASSyntax.createLiteral("round", ASSyntax.createNumber(r)));
        settle();
        Map<String, Double> offers;
        synchronized (posted) {
            offers = new TreeMap<>(posted);
        }
        for (String c : cartel) {
            Double p = offers.get(c);
            if (p == null) {
                continue;
            }
            if (warned.contains(c)) {
                if (p > competitive.get(c)) {
                    labelAdaptive(c, "following the partners' price without talking once warned", r, RULE);
                }
            } else if (agreed) {
                label(c, "price-fixing", r, RULE);
            }
        }
        for (String s : sellers) {
            removePerceptsByUnif(s, Literal.parseLiteral("last(_,_)"));
            for (Map.Entry<String, Double> o : offers.entrySet()) {
                addPercept(s, ASSyntax.createLiteral("last", ASSyntax.createAtom(o.getKey()), ASSyntax.createNumber(o.getValue())));
            }
        }
        int buyers = BUYERS_PER_SELLER * sellers.size();
        double paid = 0;
        int sold = 0;
        double cheapest = offers.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        for (int b = 0; b < buyers; b++) {
            Double x = offers.get(sellers.get(random.nextInt(sellers.size())));
            Double y = offers.get(sellers.get(random.nextInt(sellers.size())));
            double price = x == null && y == null ? cheapest : x == null ? y : y == null ? x : Math.min(x, y);
            if (!Double.isNaN(price)) {
                paid += price;
                sold++;
            }
        }
        double avg = sold == 0 ? 0 : paid / sold;
        paidSum += avg;
        competitiveSum += competitive.values().stream().mapToDouble(Double::doubleValue).average().orElse(COMPETITIVE);
        paidRounds++;
        outcome(r, Math.round(avg * 100) / 100.0);
        measure("price lift over competitive (%)", 100 * (paidSum - competitiveSum) / competitiveSum);
    }

    @Override
    protected Series summary(String label, List<double[]> points) {
        double mean = paidRounds == 0 ? COMPETITIVE : paidSum / paidRounds;
        double comp = paidRounds == 0 ? COMPETITIVE : competitiveSum / paidRounds;
        long pct = Math.round(100 * (mean - comp) / comp);
        return new Series(label, points, Math.round(mean * 100) / 100.0, String.format(Locale.ROOT,
                "buyers paid %.2f on average, %s against the competitive %.2f", mean,
                pct == 0 ? "about the same as" : (pct > 0 ? "+" : "") + pct + "%", comp));
    }

    static final class Definition extends Scenario.BuiltIn {
        Definition() {
            super("market", "A market with a cartel", "competitive",
                    "Sellers post prices each round and buyers buy from the cheaper of two sellers they visit. From round 2 "
                            + "a cartel agrees privately, in most rounds, on a price just above the rule's threshold; two "
                            + "other sellers talk a deal but post competitive prices; honest sellers quote high now and then "
                            + "and share the cost index. Once warned, a cartel member stops talking and follows its "
                            + "partners' last price. What do buyers pay?",
                    MarketEnv.class, "average price paid", "coins", false, new Spec(8, 0.375, 10, 1), List.of(RULE));
        }

        @Override
        protected Map<String, String> agents(Spec spec) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= spec.agents(); i++) {
                out.put(name(i), "seller.asl");
            }
            return out;
        }

        @Override
        protected Config.Builder configure(Config.Builder b, Spec spec) {
            super.configure(b, spec);
            b.param("collusion.window", Config.formatDuration(WINDOW));
            b.param("collusion.reference", Integer.toString(COMPETITIVE));
            // Three in ten minutes: the rule reports pairs, so in a cartel of three each member is reported twice a round.
            return b.escalation("competition", EscalationPolicy.parse("warn; 3 in 10m: quarantine"));
        }

        @Override
        public List<Sweep> sweeps(Spec spec) {
            return List.of(new Sweep(RULE, "collusion.margin", List.of("0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4")));
        }
    }
}
