package vigil.core;

import java.util.List;

/**
 * A kind of sanction, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/vigil.core.SanctionKind} (it needs a public no-argument constructor), and rules
 * ({@code @sanction("revoke_role seller")}) and escalation ladders ({@code escalation.VALUE}) may name it by its
 * {@link #word()}. Vigil's own sanctions ({@code warn}, {@code block}, {@code mute}, {@code quarantine},
 * {@code reputation}, {@code notify}) are registered the same way. Two kinds with the same word are an error.
 *
 * <p>Threading: {@link #parse} is called while rules compile and while a configuration is read, in the thread
 * doing it; it must not keep state.
 */
public interface SanctionKind {

    /** The word that starts the sanction's text form, in lower case: {@code mute}, {@code revoke_role}. */
    String word();

    /** The text form with its arguments, for error messages: {@code mute DURATION (e.g. mute 30s)}. */
    String form();

    /**
     * Reads the words that follow {@link #word()} (none, one or more). Throws {@link IllegalArgumentException}
     * saying what is expected, in the user's terms; the caller adds the file, line or key.
     */
    Sanction parse(List<String> args);
}
