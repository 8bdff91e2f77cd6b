package slow;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.Term;

/**
 * For tests: {@code slow.nap(Ms)} holds the agent's whole reasoning cycle (mail included) for {@code Ms}
 * milliseconds, as a slow internal action does; unlike {@code .wait}, the agent reads no message meanwhile.
 */
public class nap extends DefaultInternalAction {

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        Thread.sleep((long) ((NumberTerm) args[0]).solve());
        return true;
    }
}
