package vigil.bus;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.Structure;
import jason.environment.Environment;

/**
 * The market floor of one JVM of the two-JVM market ({@link SellersMain}): it performs the sellers'
 * {@code price(widget, P)} posts (so their outcomes are done) and opens rounds when the test asks. Every
 * round the competitive price is 10 and the cartel's deal price 14. Its arguments name its sellers and their
 * partners, {@code SELLER:PARTNER}, which it tells them as percepts ({@code role(colluder)}, {@code partner(X)}).
 */
public class MarketFloor extends Environment {

    static volatile MarketFloor current;
    private String[] sellers;

    @Override
    public void init(String[] args) {
        sellers = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            String[] sp = args[i].replace("\"", "").split(":");
            sellers[i] = sp[0];
            addPercept(sp[0], Literal.parseLiteral("role(colluder)"), ASSyntax.createLiteral("partner", ASSyntax.createAtom(sp[1])));
        }
        current = this;
    }

    /** Opens round {@code r}: what every seller perceives changes, and they post. */
    void round(int r) {
        clearPercepts();
        addPercept(ASSyntax.createLiteral("round", ASSyntax.createNumber(r)), Literal.parseLiteral("competitive(10)"),
                Literal.parseLiteral("deal_price(14)"));
        // Its own sellers only: the runner's stand-ins for the other JVM's agents have no reasoning cycle to wake.
        informAgsEnvironmentChanged(sellers);
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        if (!action.getFunctor().equals("price") || action.getArity() != 2) {
            return false;
        }
        try {
            double p = ((NumberTerm) action.getTerm(1)).solve();
            System.out.println("posted " + agent + " " + Math.round(p));
            System.out.flush();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
