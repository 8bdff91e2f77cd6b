package vigil.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides the sanction applied for the n-th breach of a value by one agent. Written as steps separated by
 * semicolons, each {@code COUNT in WINDOW: SANCTIONS} or, for the first breach, just {@code SANCTIONS}:
 * <pre>
 * warn; 3 in 10m: mute 30s; 5 in 1h: quarantine, notify supervisor
 * </pre>
 * The step applied is the one with the highest count reached by the agent's breaches of the value within
 * that step's window (this breach included). {@link #RULES_DECIDE} applies what each rule requests.
 * Immutable and thread-safe; the monitor consults it on the judging thread.
 */
public final class EscalationPolicy {

    /** One rung: at least {@code count} breaches within {@code window}. */
    public record Step(int count, Duration window, List<Sanction> sanctions) {
        public Step {
            sanctions = List.copyOf(sanctions);
        }
    }

    /** No ladder: every violation gets the sanctions its rule requests. */
    public static final EscalationPolicy RULES_DECIDE = new EscalationPolicy(List.of(), "as the rule requests");

    private final List<Step> steps;
    private final String text;

    private EscalationPolicy(List<Step> steps, String text) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(Step::count)).toList();
        this.text = text;
    }

    public static EscalationPolicy of(List<Step> steps) {
        return new EscalationPolicy(steps, steps.toString());
    }

    /** Parses the text form; the exception's message says which step is wrong and why. */
    public static EscalationPolicy parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String raw : text.split(";")) {
            String part = raw.trim();
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                steps.add(new Step(1, null, Sanction.parseList(part)));
                continue;
            }
            String[] cond = part.substring(0, colon).trim().split("\\s+");
            if (cond.length != 3 || !cond[1].equals("in")) {
                throw new IllegalArgumentException("escalation step '" + part + "' should read 'COUNT in WINDOW: SANCTIONS'");
            }
            int count;
            try {
                count = Integer.parseInt(cond[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("escalation step '" + part + "': '" + cond[0] + "' is not a count");
            }
            if (count < 1) {
                throw new IllegalArgumentException("escalation step '" + part + "': the count must be at least 1");
            }
            steps.add(new Step(count, Durations.parse(cond[2]), Sanction.parseList(part.substring(colon + 1))));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an escalation policy needs at least one step");
        }
        return new EscalationPolicy(steps, text.trim());
    }

    public List<Step> steps() {
        return steps;
    }

    /** The longest window any step looks back over; breaches older than this can be forgotten. */
    public Duration horizon() {
        Duration max = Duration.ZERO;
        for (Step s : steps) {
            if (s.window != null && s.window.compareTo(max) > 0) {
                max = s.window;
            }
        }
        return max;
    }

    /** The largest count any step asks for: the latest this many breach times decide every step. */
    public int depth() {
        int max = 0;
        for (Step s : steps) {
            max = Math.max(max, s.count);
        }
        return max;
    }

    /**
     * The sanctions for a breach at {@code now}, given the times of the agent's earlier and current
     * breaches of the value ({@code breachTimes}, oldest first, the current one last).
     */
    public List<Sanction> decide(List<Sanction> requested, List<Long> breachTimes, long now) {
        if (steps.isEmpty()) {
            return requested;
        }
        List<Sanction> chosen = List.of();
        for (Step s : steps) {
            int n = 0;
            for (long t : breachTimes) {
                if (s.window == null || now - t <= s.window.toMillis()) {
                    n++;
                }
            }
            if (n >= s.count) {
                chosen = s.sanctions;
            }
        }
        return chosen;
    }

    @Override
    public String toString() {
        return text;
    }
}
