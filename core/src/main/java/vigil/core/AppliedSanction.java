package vigil.core;


/**
 * A sanction decided by the escalation policy for one agent, because of {@code cause}; {@code breach} is
 * how many breaches of the same value by the agent fell inside the policy's longest window, or in all when
 * no step has a window (1 for a first breach).
 * An immutable value, safe to share between threads. Made on the judging thread (an agent's for the gate, the watch's thread for the watch).
 */
public record AppliedSanction(String agent, Sanction sanction, Violation cause, int breach, long time) {
}
