package vigil.jacamo;

import jason.asSemantics.Agent;
import jason.asSemantics.Unifier;
import jason.asSyntax.Literal;
import jason.asSyntax.LiteralImpl;
import jason.bb.BeliefBase;
import java.util.Iterator;
import vigil.core.SenderBelief;

/**
 * Reads what a Jason agent believes about the content of its {@code tell}: the content itself, its strong
 * negation ({@code ~content}), both or neither, as logical consequences of its belief base (rules
 * included), annotations aside. When it believes neither, whether it keeps beliefs of its own of that
 * predicate ({@link SenderBelief#NO_BELIEF}) or none ({@link SenderBelief#UNMODELLED}): own means with no
 * source, {@code source(self)} or {@code source(percept)}, or a rule; what other agents told it is theirs.
 * Reads under the belief base's lock; meant to be called in the speaking agent's own thread, just before
 * its message is judged.
 */
final class BeliefReader {

    static final BeliefReader INSTANCE = new BeliefReader();

    private BeliefReader() {
    }

    /** What {@code agent} believes about the content of a message, whatever object the content is. */
    SenderBelief read(Agent agent, Object content) {
        if (agent == null || !(content instanceof Literal l) || l.isVar() || l.isRule() || l.isInternalAction()
                || l.isArithExpr() || l.isPlanBody() || l.isString() || l.isNumeric() || l.isList()) {
            return SenderBelief.NOT_CAPTURED;
        }
        try {
            if (JasonTerms.larger(l)) {
                // Asking the belief base about a huge or deeply nested literal recurses with it: not done.
                return SenderBelief.NOT_CAPTURED;
            }
            Literal same = new LiteralImpl(!l.negated(), l);
            same.clearAnnots();
            Literal opposite = new LiteralImpl(l.negated(), l);
            opposite.clearAnnots();
            boolean[] b = new boolean[3];
            BeliefLock.run(agent.getBB(), () -> {
                b[0] = agent.believes(same, new Unifier());
                b[1] = agent.believes(opposite, new Unifier());
                b[2] = !b[0] && !b[1] && (keepsOwn(agent, same) || keepsOwn(agent, opposite));
            });
            boolean believes = b[0];
            boolean believesOpposite = b[1];
            if (believes && believesOpposite) {
                return SenderBelief.BELIEVES_BOTH;
            }
            if (believes || believesOpposite) {
                return believes ? SenderBelief.BELIEVES : SenderBelief.BELIEVES_NEGATION;
            }
            return b[2] ? SenderBelief.NO_BELIEF : SenderBelief.UNMODELLED;
        } catch (RuntimeException | StackOverflowError e) {
            // Catching the overflow is safe here: it unwinds only this read's own frames.
            return SenderBelief.NOT_CAPTURED;
        }
    }

    /** Whether the agent keeps a belief or rule of its own with the literal's predicate (name, arity, polarity). */
    private static boolean keepsOwn(Agent agent, Literal l) {
        Iterator<Literal> it = agent.getBB().getCandidateBeliefs(l.getPredicateIndicator());
        while (it != null && it.hasNext()) {
            Literal b = it.next();
            if (b.isRule() || b.getSources().isEmpty() || b.hasSource(BeliefBase.ASelf) || b.hasSource(BeliefBase.APercept)) {
                return true;
            }
        }
        return false;
    }
}
