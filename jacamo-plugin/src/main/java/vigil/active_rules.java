package vigil;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Term;
import vigil.core.RuleInfo;

/**
 * {@code vigil.active_rules(L)}: L is the list of the rules in force that judge (helper rules left out),
 * each {@code rule(Name, Value, Level, Severity, Path)}. Read-only: no agent can change the rules.
 *
 * <p>Not named {@code vigil.rules}: a Java class {@code vigil.rules} would collide with the rule packs'
 * DRL packages {@code vigil.rules.*}, which then no longer compile.
 */
public class active_rules extends DefaultInternalAction {

    @Override
    public int getMinArgs() {
        return 1;
    }

    @Override
    public int getMaxArgs() {
        return 1;
    }

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        checkArguments(args);
        ListTerm out = new ListTermImpl();
        for (RuleInfo r : InternalActions.monitor("active_rules").rules()) {
            if (r.judges()) {
                out.append(InternalActions.rule(r));
            }
        }
        return un.unifies(args[0], out);
    }
}
