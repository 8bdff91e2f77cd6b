package vigil.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Event;
import vigil.core.Term;

/**
 * The arithmetic of shares that the fairness and commons packs need: the Gini coefficient of an announced
 * allocation, and who took more than a fair share of a resource. Stateless.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * The amounts of an allocation list: each item is {@code share(Agent, Amount)} (any functor with the
     * amount as second argument) or a bare number. Items without a number are skipped.
     */
    public static List<Double> amounts(Term list) {
        List<Double> out = new ArrayList<>();
        if (list == null || list.kind() != Term.Kind.LIST) {
            return out;
        }
        for (Term item : list.args()) {
            double v = item.isNumber() ? item.numberValue() : item.number(1);
            if (!Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The Gini coefficient of the allocation (0 equal, towards 1 all to one); 0 for fewer than two shares. */
    public static double gini(Term list) {
        List<Double> xs = amounts(list);
        int n = xs.size();
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        if (n < 2 || sum <= 0) {
            return 0;
        }
        double diffs = 0;
        for (double a : xs) {
            for (double b : xs) {
                diffs += Math.abs(a - b);
            }
        }
        return diffs / (2.0 * n * n * (sum / n));
    }

    /** The Gini coefficient rounded to two decimals, for explanations. */
    public static String giniText(Term list) {
        return String.format(java.util.Locale.ROOT, "%.2f", gini(list));
    }

    /**
     * What each agent took: the sum of the first numeric argument of its actions (outcomes or attempts, as the
     * rule collected them), in order of first appearance.
     */
    public static Map<String, Double> takenBy(Collection<?> actions) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Object o : actions) {
            Term action = o instanceof ActionOutcome a ? a.action() : o instanceof ActionEvent a ? a.action() : null;
            if (action != null) {
                double n = action.number(0);
                out.merge(((Event) o).agent(), Double.isNaN(n) ? 0 : n, Double::sum);
            }
        }
        return out;
    }

    /**
     * The agents whose take exceeds their fair share of {@code sustainable}: an equal part for each agent that
     * took anything. When the group takes more than is sustainable, at least one agent is named.
     */
    public static List<String> aboveFairShare(Collection<?> actions, double sustainable) {
        Map<String, Double> taken = takenBy(actions);
        double fair = taken.isEmpty() ? 0 : sustainable / taken.size();
        List<String> out = new ArrayList<>();
        taken.forEach((agent, amount) -> {
            if (amount > fair) {
                out.add(agent);
            }
        });
        return out;
    }

    /** The fair share of {@code sustainable} among the agents that took anything, for explanations. */
    public static double fairShare(Collection<?> actions, double sustainable) {
        int n = takenBy(actions).size();
        return n == 0 ? sustainable : sustainable / n;
    }
}
