package vigil.core;

import java.util.List;

/**
 * A breach of a value found by a rule. {@code agents} are the agents held responsible (they are the ones
 * sanctioned); {@code evidence} lists the ids of the events that matched; {@code requested} is what the
 * rule asked for, before the escalation policy decided what is actually applied.
 * An immutable value, safe to share between threads.
 */
public record Violation(
        String id,
        String rule,
        String pack,
        String packVersion,
        String value,
        Alignment level,
        Severity severity,
        RulePath path,
        List<String> agents,
        List<String> evidence,
        String explanation,
        long time,
        List<Sanction> requested) {

    public Violation {
        agents = List.copyOf(agents);
        evidence = List.copyOf(evidence);
        requested = List.copyOf(requested);
    }

    /** Whether the rule asked for the event to be withheld. */
    public boolean requestsBlock() {
        for (Sanction s : requested) {
            if (s.blocks()) {
                return true;
            }
        }
        return false;
    }

    public boolean involves(String agent) {
        return agents.contains(agent);
    }
}
