package vigil.core;

/**
 * Carries sanctions out on a platform (the Jason adapter adds beliefs, withholds messages, tells a
 * supervisor). Called once per applied sanction, after the audit log has recorded it, on the thread that
 * judged the violation: an agent's thread for the gate, the monitor thread for the watch. May be called
 * concurrently; must not block for long.
 */
@FunctionalInterface
public interface Enforcer {

    void enforce(AppliedSanction sanction);

    Enforcer NONE = s -> { };
}
