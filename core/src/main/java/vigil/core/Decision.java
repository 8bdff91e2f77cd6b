package vigil.core;

/**
 * What the gate answers for one event.
 * Constants: safe to share between threads.
 */
public enum Decision {
    /** Let it take effect; nothing was wrong. */
    ALLOW,
    /** Let it take effect, but a violation was recorded. */
    FLAG,
    /** Withhold it: it is never delivered or performed. */
    BLOCK
}
