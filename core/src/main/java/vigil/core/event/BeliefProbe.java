package vigil.core.event;

/**
 * Reads what an agent believes about a term, implemented by the platform adapter (for Jason: the
 * agent's belief base). Called in the speaking agent's own thread just before its message is judged.
 */
@FunctionalInterface
public interface BeliefProbe {

    /** What {@code agent} believes about {@code content} right now. */
    SenderBelief probe(String agent, Term content);
}
