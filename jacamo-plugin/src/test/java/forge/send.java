package forge;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.Message;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.Term;

/**
 * A hostile agent's tool for tests: {@code forge.send(To, ClaimedSender, Content)} sends a tell whose
 * sender field names another agent, as Java code in an agent can do.
 */
public class send extends DefaultInternalAction {

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        Message m = new Message("tell", args[1].toString(), args[0].toString(), args[2]);
        ts.getAgArch().sendMsg(m);
        return true;
    }
}
