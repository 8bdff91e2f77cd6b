package vigil.jacamo;

import jason.asSemantics.Agent;
import jason.asSemantics.Unifier;
import jason.asSyntax.Literal;
import jason.asSyntax.LiteralImpl;
import vigil.core.SenderBelief;

/**
 * Reads what a Jason agent believes about the content of its {@code tell}: the content itself, its strong
 * negation ({@code ~content}), both or neither, as logical consequences of its belief base (rules
 * included), annotations aside. Reads under the belief base's lock; meant to be called in the speaking
 * agent's own thread, just before its message is judged.
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
            boolean[] b = new boolean[2];
            BeliefLock.run(agent.getBB(), () -> {
                b[0] = agent.believes(same, new Unifier());
                b[1] = agent.believes(opposite, new Unifier());
            });
            boolean believes = b[0];
            boolean believesOpposite = b[1];
            if (believes && believesOpposite) {
                return SenderBelief.BELIEVES_BOTH;
            }
            return believes ? SenderBelief.BELIEVES : believesOpposite ? SenderBelief.BELIEVES_NEGATION : SenderBelief.NO_BELIEF;
        } catch (RuntimeException | StackOverflowError e) {
            // Catching the overflow is safe here: it unwinds only this read's own frames.
            return SenderBelief.NOT_CAPTURED;
        }
    }
}
