package forge;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.Message;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.ASSyntax;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Literal;
import jason.asSyntax.Term;

/**
 * {@code forge.send_huge(To)}: tells {@code To} a list of 100,000 numbers and a literal nested 5,000 levels
 * deep, contents only Java code in an agent can make at once.
 */
public class send_huge extends DefaultInternalAction {

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        String to = args[0].toString();
        ListTerm list = new ListTermImpl();
        ListTerm tail = list;
        for (int i = 0; i < 100_000; i++) {
            tail = tail.append(ASSyntax.createNumber(i));
        }
        Literal deep = ASSyntax.createAtom("core");
        for (int i = 0; i < 5_000; i++) {
            deep = ASSyntax.createLiteral("deep", deep);
        }
        ts.getAgArch().sendMsg(new Message("tell", null, to, ASSyntax.createLiteral("numbers", list)));
        ts.getAgArch().sendMsg(new Message("tell", null, to, deep));
        return true;
    }
}
