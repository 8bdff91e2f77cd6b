package vigil.rules.principal;

import java.util.ArrayList;
import java.util.List;
import vigil.core.Term;

/**
 * Reads principals' preferences from the principal pack's parameters into facts ({@link Serves},
 * {@link Limit}, {@link Avoid}, {@link MayDisclose}); the pack's loader rule inserts them when a session
 * starts. The same facts can be given in code with {@code Config.Builder.fact(...)}. Formats, each a comma
 * list:
 * <pre>
 * params.principal.serves   = shopper for alice, broker for bob
 * params.principal.limits   = alice: buy 100, alice: pay 50
 * params.principal.avoid    = alice: mallory
 * params.principal.disclose = alice: price, alice: offer
 * </pre>
 */
public final class Preferences {

    private Preferences() {
    }

    /** Every fact the four parameters describe; a malformed entry fails with the parameter and the entry named. */
    public static List<Object> read(String serves, String limits, String avoid, String disclose) {
        List<Object> out = new ArrayList<>();
        for (String e : entries(serves)) {
            String[] w = e.split("\\s+");
            if (w.length != 3 || !w[1].equals("for")) {
                throw bad("serves", e, "AGENT for PRINCIPAL");
            }
            out.add(new Serves(w[0], w[2]));
        }
        for (String e : entries(limits)) {
            String[] pw = principalAnd(e, "limits", "PRINCIPAL: ACTION AMOUNT");
            String[] w = pw[1].split("\\s+");
            if (w.length != 2) {
                throw bad("limits", e, "PRINCIPAL: ACTION AMOUNT");
            }
            try {
                out.add(new Limit(pw[0], w[0], Double.parseDouble(w[1])));
            } catch (NumberFormatException ex) {
                throw bad("limits", e, "PRINCIPAL: ACTION AMOUNT, the amount a number");
            }
        }
        for (String e : entries(avoid)) {
            String[] pw = principalAnd(e, "avoid", "PRINCIPAL: PARTNER");
            out.add(new Avoid(pw[0], pw[1]));
        }
        for (String e : entries(disclose)) {
            String[] pw = principalAnd(e, "disclose", "PRINCIPAL: PREDICATE");
            out.add(new MayDisclose(pw[0], pw[1]));
        }
        return out;
    }

    /** The amount of an action: its last numeric argument ({@code buy(apple, 120)} spends 120), or NaN. */
    public static double amount(Term action) {
        for (int i = action.arity() - 1; i >= 0; i--) {
            if (action.arg(i).isNumber()) {
                return action.arg(i).numberValue();
            }
        }
        return Double.NaN;
    }

    /** Whether one of the action's arguments is the atom {@code name} (a partner it deals with). */
    public static boolean names(Term action, String name) {
        for (Term a : action.args()) {
            if (a.isAtom() && a.functor().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> entries(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String e : list.split(",")) {
                if (!e.isBlank()) {
                    out.add(e.strip());
                }
            }
        }
        return out;
    }

    private static String[] principalAnd(String entry, String param, String form) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw bad(param, entry, form);
        }
        return new String[] {entry.substring(0, colon).strip(), entry.substring(colon + 1).strip()};
    }

    private static IllegalArgumentException bad(String param, String entry, String form) {
        return new IllegalArgumentException("params.principal." + param + ": '" + entry + "' should read '" + form + "'");
    }
}
