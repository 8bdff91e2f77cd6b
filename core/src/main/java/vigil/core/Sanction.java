package vigil.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sanction as data: what a rule requests and what the escalation policy decides. The platform adapter
 * carries it out (see {@link Enforcer}). The text form, used in rule metadata and configuration, is one of
 * {@code warn}, {@code block}, {@code mute 30s}, {@code quarantine} (until released),
 * {@code quarantine 5m}, {@code reputation -0.2}, {@code notify supervisor}; several are separated by commas.
 */
public sealed interface Sanction {

    /** The agent is told what it did (for Jason, a {@code vigil_warning/3} belief). */
    record Warn() implements Sanction {
        @Override
        public String toString() {
            return "warn";
        }
    }

    /** The event that broke the rule is withheld. Only meaningful for the gate. */
    record Block() implements Sanction {
        @Override
        public String toString() {
            return "block";
        }
    }

    /** The agent's messages are withheld for a while. */
    record Mute(Duration duration) implements Sanction {
        @Override
        public String toString() {
            return "mute " + Durations.format(duration);
        }
    }

    /** The agent's messages and actions are withheld until released, or for a while when a duration is set. */
    record Quarantine(Duration duration) implements Sanction {
        @Override
        public String toString() {
            return duration == null ? "quarantine" : "quarantine " + Durations.format(duration);
        }
    }

    /** The agent's reputation changes by {@code delta} (usually negative), within 0..1. */
    record Reputation(double delta) implements Sanction {
        @Override
        public String toString() {
            return "reputation " + delta;
        }
    }

    /** A named agent is told of the violation; with no name, the configured supervisor ({@code supervisor}). */
    record Notify(String agent) implements Sanction {
        @Override
        public String toString() {
            return agent == null ? "notify" : "notify " + agent;
        }
    }

    Sanction WARN = new Warn();
    Sanction BLOCK = new Block();

    /** Parses a comma-separated list of sanctions; {@code none} or an empty text is the empty list. */
    static List<Sanction> parseList(String text) {
        List<Sanction> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : text.split(",")) {
            out.add(parse(part));
        }
        return out;
    }

    /** Parses one sanction; throws {@link IllegalArgumentException} with a message fit for the user. */
    static Sanction parse(String text) {
        String[] w = text.trim().split("\\s+");
        String kind = w[0].toLowerCase(Locale.ROOT);
        switch (kind) {
            case "warn" -> {
                expectWords(w, 1, "warn");
                return WARN;
            }
            case "block" -> {
                expectWords(w, 1, "block");
                return BLOCK;
            }
            case "mute" -> {
                expectWords(w, 2, "mute DURATION (e.g. mute 30s)");
                return new Mute(Durations.parse(w[1]));
            }
            case "quarantine" -> {
                if (w.length == 1) {
                    return new Quarantine(null);
                }
                expectWords(w, 2, "quarantine [DURATION]");
                return new Quarantine(Durations.parse(w[1]));
            }
            case "reputation" -> {
                expectWords(w, 2, "reputation DELTA (e.g. reputation -0.2)");
                try {
                    return new Reputation(Double.parseDouble(w[1]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("reputation needs a number, not '" + w[1] + "'");
                }
            }
            case "notify" -> {
                if (w.length == 1) {
                    return new Notify(null);
                }
                expectWords(w, 2, "notify [AGENT]");
                return new Notify(w[1]);
            }
            default -> throw new IllegalArgumentException("unknown sanction '" + text.trim()
                    + "' (expected warn, block, mute D, quarantine [D], reputation X, notify [AGENT])");
        }
    }

    private static void expectWords(String[] w, int n, String form) {
        if (w.length != n) {
            throw new IllegalArgumentException("expected '" + form + "', got '" + String.join(" ", w) + "'");
        }
    }
}
