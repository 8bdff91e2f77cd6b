package vigil.core;

/**
 * What the sender of a message believed about its content at the moment it spoke, read from its belief
 * base by the platform adapter in the speaking agent's own thread. Honesty rules compare it with what the agent says.
 * Constants: safe to share between threads.
 */
public enum SenderBelief {
    /** The sender believes the content (and, for a content of two or more arguments, no other value of its claim). */
    BELIEVES,
    /**
     * The sender believes the content and another value of the same claim beside it ({@link Term#claim()}: the
     * same predicate and arguments but the last): it holds {@code report(r1, open)} and {@code report(r1, closed)}
     * at once. Read only for contents of two or more arguments.
     */
    BELIEVES_OTHER_VALUE,
    /** The sender believes the strong negation of the content ({@code ~p}). */
    BELIEVES_NEGATION,
    /** The sender believes both the content and its negation (an inconsistent belief base). */
    BELIEVES_BOTH,
    /**
     * The sender believes neither, though it keeps beliefs of its own (initial, added by itself, perceived, or
     * a rule) of the content's predicate, name and arity: it models that kind of fact and does not hold this one.
     */
    NO_BELIEF,
    /**
     * The sender believes neither and keeps no belief of its own of the content's predicate: the content is a
     * proposal, a reply, a registration or a greeting rather than a report of something it keeps track of
     * (what others told it does not count as its own).
     */
    UNMODELLED,
    /** Not captured: the platform did not look (not a tell, or no probe available). */
    NOT_CAPTURED
}
