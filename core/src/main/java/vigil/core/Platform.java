package vigil.core;

/**
 * What a platform adapter lets a sanction do to the agents it runs (the Jason adapter implements it for
 * Jason and JaCaMo agents). Sanctions call it from {@link Sanction#carryOut}, so on the thread that judged the
 * violation (an agent's thread for the gate, the watch's thread for the watch), after the audit log has
 * recorded the sanction; an implementation must be thread-safe and must not block: it queues the change and
 * makes it in the agent's own next cycle. Each method answers whether the agent is one this platform runs.
 */
public interface Platform {

    /** Adds a belief to the agent, with Vigil as its source ({@code vigil_warning("Lying", honesty, "...")}). */
    boolean believe(String agent, Term belief);

    /** Removes Vigil's beliefs with that functor and arity from the agent. */
    boolean forget(String agent, String functor, int arity);

    /** Tells the agent something as a message from Vigil; delivered even to an agent the monitor does not watch. */
    boolean tell(String agent, Term content);

    /** Shows the agent the reputation the monitor now holds for it ({@code vigil_reputation(R)}). */
    boolean showReputation(String agent);

    /**
     * Shows the agent a sanction of the monitor's own that holds it back, {@code vigil_sanction(Kind, Until)}
     * ({@code until} in event time; {@link Long#MAX_VALUE}: until released), and removes it when it ends.
     */
    boolean showSanction(String agent, String kind, long until);

    /**
     * Whether the agent runs in this JVM. With a bus, a JVM publishes only the events of the agents it hosts:
     * a message that arrives from an agent hosted by another JVM is judged by this JVM's gate too (it may be
     * withheld here), but it is on the bus once, from the sender's JVM. The default, true, suits a platform
     * whose agents all run where it does. Called on the judging agent's thread: must be cheap.
     */
    default boolean hosts(String agent) {
        return true;
    }

    /** A platform that runs no agent: sanctions are only recorded (in the audit log and alerts). */
    Platform NONE = new Platform() {
        @Override
        public boolean believe(String agent, Term belief) {
            return false;
        }

        @Override
        public boolean forget(String agent, String functor, int arity) {
            return false;
        }

        @Override
        public boolean tell(String agent, Term content) {
            return false;
        }

        @Override
        public boolean showReputation(String agent) {
            return false;
        }

        @Override
        public boolean showSanction(String agent, String kind, long until) {
            return false;
        }
    };
}
