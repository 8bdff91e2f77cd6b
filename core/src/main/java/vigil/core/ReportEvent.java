package vigil.core;

import java.util.List;
import java.util.Objects;

/**
 * An agent's own report of a concern about a value, e.g. raised from AgentSpeak with
 * {@code vigil.report(fairness, "bob keeps me out of the calls")}. {@code about} names the agent the
 * concern is about, when the report names one; rules decide what a report is worth.
 * An immutable value, safe to share between threads.
 */
public record ReportEvent(String id, long time, String agent, String value, String description, String about)
        implements Event {

    public ReportEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(value, "value");
        description = description == null ? "" : description;
    }

    @Override
    public List<String> agents() {
        return about == null || about.equals(agent) ? List.of(agent) : List.of(agent, about);
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
