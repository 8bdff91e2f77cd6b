package vigil.jacamo;

import jason.asSemantics.Agent;
import jason.asSemantics.Unifier;
import jason.asSyntax.Literal;
import jason.asSyntax.LiteralImpl;
import jason.asSyntax.Term;
import jason.asSyntax.VarTerm;
import jason.bb.BeliefBase;
import java.util.Iterator;
import vigil.core.SenderBelief;

/**
 * Reads what a Jason agent believes about the content of its {@code tell}: the content itself, its strong
 * negation ({@code ~content}), both or neither, as logical consequences of its belief base (rules
 * included), annotations aside; when it believes the content, whether it believes another value of the
 * same claim beside it ({@link SenderBelief#BELIEVES_OTHER_VALUE}). When it believes neither, whether it keeps
 * beliefs of its own of that predicate ({@link SenderBelief#NO_BELIEF}) or none
 * ({@link SenderBelief#UNMODELLED}): own means with no source, {@code source(self)} or {@code source(percept)},
 * or a rule; what other agents told it is theirs.
 * Reads under the belief base's lock; meant to be called in the speaking agent's own thread, just before
 * its message is judged.
 */
final class BeliefReader {

    static final BeliefReader INSTANCE = new BeliefReader();
    private static final int OTHER_VALUES_LOOKED_AT = 8;

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
            boolean[] b = new boolean[4];
            BeliefLock.run(agent.getBB(), () -> {
                b[0] = agent.believes(same, new Unifier());
                b[1] = agent.believes(opposite, new Unifier());
                b[2] = !b[0] && !b[1] && (keepsOwn(agent, same) || keepsOwn(agent, opposite));
                b[3] = b[0] && !b[1] && believesOtherValue(agent, same);
            });
            boolean believes = b[0];
            boolean believesOpposite = b[1];
            if (believes && believesOpposite) {
                return SenderBelief.BELIEVES_BOTH;
            }
            if (b[3]) {
                return SenderBelief.BELIEVES_OTHER_VALUE;
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

    /**
     * Whether the agent believes the claim of {@code l} (every argument but the last) with another last argument
     * too: {@code price(apple, 12)} beside {@code price(apple, 10)}. Looks at the first few answers only, so a
     * claim held with thousands of values costs no more than one with two.
     */
    private static boolean believesOtherValue(Agent agent, Literal l) {
        int n = l.getArity();
        if (n < 2) {
            return false;
        }
        Literal any = l.copy();
        VarTerm v = new VarTerm("VigilOtherValue_");
        any.setTerm(n - 1, v);
        Term value = l.getTerm(n - 1);
        Iterator<Unifier> answers = any.logicalConsequence(agent, new Unifier());
        for (int i = 0; answers != null && answers.hasNext() && i < OTHER_VALUES_LOOKED_AT; i++) {
            Term t = answers.next().get(v);
            if (t != null && !t.equals(value)) {
                return true;
            }
        }
        return false;
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
