package vigil.core;

import java.util.List;

/**
 * The gate's answer for one event: the decision, the violations it found and, for a block, why in one
 * line (a rule's explanation, "sender is muted", "monitor unavailable", ...).
 * An immutable value, safe to share between threads. Returned in the thread that called {@link Monitor#judge}.
 */
public record Verdict(Decision decision, List<Violation> violations, String reason) {

    public static final Verdict ALLOW = new Verdict(Decision.ALLOW, List.of(), "");

    public Verdict {
        violations = List.copyOf(violations);
        reason = reason == null ? "" : reason;
    }

    public static Verdict block(String reason) {
        return new Verdict(Decision.BLOCK, List.of(), reason);
    }

    public boolean blocked() {
        return decision == Decision.BLOCK;
    }
}
