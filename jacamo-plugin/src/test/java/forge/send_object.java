package forge;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.Message;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.Term;
import java.util.Map;

/**
 * {@code forge.send_object(To)}: sends messages whose content is not a term at all (a map, an array), as Java code in an agent can do.
 */
public class send_object extends DefaultInternalAction {

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        String to = args[0].toString();
        String me = ts.getAgArch().getAgName();
        // Not null nor an object whose toString throws: Jason's receiving agent calls toString on the content
        // and its thread dies (Vigil's side of both is covered by HostileInputTest).
        for (Object content : new Object[] {Map.of("secret", "x"), new int[] {1, 2}}) {
            ts.getAgArch().sendMsg(new Message("tell", me, to, content));
        }
        return true;
    }
}
