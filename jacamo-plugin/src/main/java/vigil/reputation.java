package vigil;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.ASSyntax;
import jason.asSyntax.Term;

/**
 * {@code vigil.reputation(Agent, R)}: R is the agent's reputation, within 0..1 (the initial reputation
 * for an agent with no record). {@code self} names the calling agent. Read-only.
 */
public class reputation extends DefaultInternalAction {

    @Override
    public int getMinArgs() {
        return 2;
    }

    @Override
    public int getMaxArgs() {
        return 2;
    }

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        checkArguments(args);
        String agent = InternalActions.name(args[0], "reputation", "the agent");
        if (agent.equals("self")) {
            agent = ts.getAgArch().getAgName();
        }
        return un.unifies(args[1], ASSyntax.createNumber(InternalActions.monitor("reputation").reputation(agent)));
    }
}
