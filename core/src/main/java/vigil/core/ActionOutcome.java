package vigil.core;

import java.util.List;
import java.util.Objects;

/**
 * What became of an action after it ran: the environment performed it ({@link Result#DONE}), it failed there
 * ({@link Result#FAILED}: no environment, an unknown action, the environment said no), or the monitor withheld
 * it ({@link Result#WITHHELD}). The platform reports it once the action's feedback comes back; it goes to the
 * watch only (the gate judged the attempt, an {@link ActionEvent}, before it ran). Rules about what was taken,
 * posted or done count outcomes that are {@code done}; rules about attempts match {@link ActionEvent}.
 * {@code attempt} is the id of the {@link ActionEvent} it follows.
 */
public record ActionOutcome(String id, long time, String agent, Term action, String attempt, Result result)
        implements Event {

    /** How an action ended. */
    public enum Result { DONE, FAILED, WITHHELD }

    public ActionOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        attempt = attempt == null ? "" : attempt;
    }

    /** The outcome of {@code attempt}, at {@code time}, with an id of its own ({@code attempt.id() + "/done"}). */
    public static ActionOutcome of(ActionEvent attempt, long time, Result result) {
        return new ActionOutcome(attempt.id() + "/" + result.name().toLowerCase(java.util.Locale.ROOT), time,
                attempt.agent(), attempt.action(), attempt.id(), result);
    }

    /** Whether the environment performed the action (argument-free, so rules can index on it). */
    public boolean done() {
        return result == Result.DONE;
    }

    /** The same outcome under another term (used by vocabulary mapping). */
    public ActionOutcome withAction(Term newAction) {
        return new ActionOutcome(id, time, agent, newAction, attempt, result);
    }

    @Override
    public List<String> agents() {
        return List.of(agent);
    }

    /** Hashes the id and time only, as the other events do. */
    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(time);
    }
}
