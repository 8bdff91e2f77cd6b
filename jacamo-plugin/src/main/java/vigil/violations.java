package vigil;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Term;
import java.util.List;
import vigil.core.Monitor;
import vigil.core.Violation;

/**
 * {@code vigil.violations(L)}: L is the list of the recorded violations this agent is held responsible
 * for; {@code vigil.violations(all, L)}: every recorded violation. Each is
 * {@code violation(Id, Rule, Value, Severity, Agents, Detail, Time)}, oldest first. Read-only.
 */
public class violations extends DefaultInternalAction {

    @Override
    public int getMinArgs() {
        return 1;
    }

    @Override
    public int getMaxArgs() {
        return 2;
    }

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        checkArguments(args);
        Monitor m = InternalActions.monitor("violations");
        List<Violation> vs;
        if (args.length == 2) {
            if (!args[0].toString().equals("all")) {
                throw new jason.JasonException("vigil.violations: the first of two arguments must be 'all', not " + args[0]);
            }
            vs = m.violations();
        } else {
            vs = m.violationsOf(ts.getAgArch().getAgName());
        }
        ListTerm out = new ListTermImpl();
        for (Violation v : vs) {
            out.append(InternalActions.violation(v));
        }
        return un.unifies(args[args.length - 1], out);
    }
}
