package vigil.core;

import java.util.List;
import java.util.Objects;

/**
 * An action an agent is about to perform on its environment, e.g. {@code harvest(12)}.
 * An immutable value, safe to share between threads.
 */
public record ActionEvent(String id, long time, String agent, Term action) implements Event {

    public ActionEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
    }

    /** The same action under another term (used by vocabulary mapping). */
    public ActionEvent withAction(Term newAction) {
        return new ActionEvent(id, time, agent, newAction);
    }

    @Override
    public List<String> agents() {
        return List.of(agent);
    }

    /**
     * Hashes the id and time only (equal events have equal ids and times): the rule engine hashes every
     * event it holds, and hashing the whole content term would cost more than the rest of inserting it.
     */
    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(time);
    }
}
