package vigil.bench.mas;

import jason.asSemantics.DefaultInternalAction;
import jason.asSemantics.TransitionSystem;
import jason.asSemantics.Unifier;
import jason.asSyntax.Term;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code vigil.bench.mas.finished}: an agent of the benchmark MAS says it has played all its rounds, so the
 * harness can stop the clock without polling the agents.
 */
public class finished extends DefaultInternalAction {

    /** How many agents have finished in the current run; the harness resets it before each run. */
    public static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public Object execute(TransitionSystem ts, Unifier un, Term[] args) {
        synchronized (COUNT) {
            COUNT.incrementAndGet();
            COUNT.notifyAll();
        }
        return true;
    }
}
