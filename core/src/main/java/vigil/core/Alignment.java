package vigil.core;

/**
 * Which kind of alignment a rule protects. The three are interdependent: an agent can follow its task
 * (objective) and its principal (preferential) and still break a human value, or the other way round.
 * Constants: safe to share between threads.
 */
public enum Alignment {
    /** Human values shared beyond the system: honesty, privacy, fairness, harm. */
    HUMAN,
    /** The stated preferences of the principal an agent acts for. */
    PREFERENTIAL,
    /** The task or objective the system was built for. */
    OBJECTIVE;

    /** Parses {@code human}, {@code preferential} or {@code objective}, in any case. */
    public static Alignment parse(String s) {
        return Alignment.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
