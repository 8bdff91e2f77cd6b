package vigil;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.StringTerm;
import jason.asSyntax.Term;
import java.util.concurrent.atomic.AtomicLong;
import vigil.core.ReportEvent;

/**
 * {@code vigil.report(Value, Description)} or {@code vigil.report(Value, Description, About)}: raises a
 * concern about a value for the rules to weigh (a core {@code ReportEvent}). The reporting agent is the
 * one calling, as the platform knows it; no argument can report in another's name.
 */
public class report extends DefaultInternalAction {

    private static final AtomicLong IDS = new AtomicLong();

    @Override
    public int getMinArgs() {
        return 2;
    }

    @Override
    public int getMaxArgs() {
        return 3;
    }

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) throws Exception {
        checkArguments(args);
        String value = InternalActions.name(args[0], "report", "the value");
        Term d = args[1];
        String description = d.isString() ? ((StringTerm) d).getString() : d.toString();
        String about = args.length == 3 ? InternalActions.name(args[2], "report", "the agent reported about") : null;
        ReportEvent e = new ReportEvent("r" + IDS.incrementAndGet(), vigil.jacamo.MasMonitor.now(),
                ts.getAgArch().getAgName(), value, description, about);
        InternalActions.monitor("report").judge(e);
        return true;
    }
}
