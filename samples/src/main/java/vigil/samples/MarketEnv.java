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

/**
 * A market for widgets. Each round every seller posts a price (a {@code price(widget, P)} action); the
 * competitive price of a seller is drawn from 9..11 each round. Buyers each visit two sellers drawn at random
 * and buy from the cheaper that posted. The script: a share of the sellers form a cartel from round
 * {@value #CARTEL_FROM}: they tell each other the cartel's price privately, then post it, far above the
 * competitive level. Ground truth: every post of a cartel member made after such private talk.
 */
public class MarketEnv extends ScenarioEnv {

    static final String RULE = "Competitors agree privately, then post prices above the competitive level";
    static final int COMPETITIVE = 10;
    static final int CARTEL_PRICE = 15;
    static final int CARTEL_FROM = 2;
    static final int BUYERS_PER_SELLER = 3;

    private final List<String> sellers = new ArrayList<>();
    private final List<String> cartel = new ArrayList<>();
    private final Map<String, Double> posted = new TreeMap<>();
    private int round;
    private double paidSum;
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
        for (String c : cartel) {
            addPercept(c, Literal.parseLiteral("role(colluder)"));
            addPercept(c, ASSyntax.createLiteral("cartel_price", ASSyntax.createNumber(CARTEL_PRICE)));
            addPercept(c, ASSyntax.createLiteral("cartel_from", ASSyntax.createNumber(CARTEL_FROM)));
            for (String p : cartel) {
                if (!p.equals(c)) {
                    addPercept(c, ASSyntax.createLiteral("partner", ASSyntax.createAtom(p)));
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
            if (cartel.contains(agent) && round >= CARTEL_FROM) {
                label(agent, "price-fixing", round, RULE);
            }
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
            round = r;
            posted.clear();
        }
        for (String s : sellers) {
            // 9.0, 9.5, ..., 11.0: a competitive price, drawn for every seller every round (the draws never depend on the run).
            double p = 9 + 0.5 * random.nextInt(5);
            removePerceptsByUnif(s, Literal.parseLiteral("competitive(_)"));
            addPercept(s, ASSyntax.createLiteral("competitive", ASSyntax.createNumber(p)));
        }
        removePerceptsByUnif(Literal.parseLiteral("round(_)"));
        addPercept(ASSyntax.createLiteral("round", ASSyntax.createNumber(r)));
        settle();
        Map<String, Double> offers;
        synchronized (posted) {
            offers = new TreeMap<>(posted);
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
        paidRounds++;
        outcome(r, Math.round(avg * 100) / 100.0);
    }

    @Override
    protected Series summary(String label, List<double[]> points) {
        double mean = paidRounds == 0 ? COMPETITIVE : paidSum / paidRounds;
        long pct = Math.round(100 * (mean - COMPETITIVE) / COMPETITIVE);
        return new Series(label, points, Math.round(mean * 100) / 100.0, String.format(Locale.ROOT,
                "buyers paid %.2f on average, %s against the competitive %d", mean,
                pct == 0 ? "about the same as" : (pct > 0 ? "+" : "") + pct + "%", COMPETITIVE));
    }
}
