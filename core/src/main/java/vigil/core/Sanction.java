package vigil.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A sanction: what a rule requests ({@code @sanction("mute 30s")}) and what the escalation policy decides.
 * Its text form, used in rule metadata and configuration, starts with the word of its {@link SanctionKind};
 * several are separated by commas. Vigil's own are {@code warn}, {@code block}, {@code mute 30s},
 * {@code quarantine} (until released), {@code quarantine 5m}, {@code reputation -0.2} and
 * {@code notify [agent]}; a user adds one by registering a {@link SanctionKind}, as the built-ins are.
 *
 * <p>A sanction says what the monitor itself does about it ({@link #blocks}, {@link #mutes},
 * {@link #quarantines}, {@link #reputationDelta}: read on the judging thread) and what it does on the
 * platform ({@link #carryOut}). Implementations are immutable values with an {@code equals}.
 */
public interface Sanction {

    /** The text form, as a rule or a ladder writes it; parsing it gives an equal sanction. */
    @Override
    String toString();

    /** Whether the event that broke the rule is withheld (meaningful for gate rules only). */
    default boolean blocks() {
        return false;
    }

    /** For how long from the violation the agent's messages are withheld; null: not at all. */
    default Duration mutes() {
        return null;
    }

    /** Whether the agent's messages and actions are withheld (for {@link #quarantineFor()}). */
    default boolean quarantines() {
        return false;
    }

    /** For how long a quarantine lasts from the violation; null: until the agent is released. */
    default Duration quarantineFor() {
        return null;
    }

    /** How much the agent's reputation changes (within 0..1); 0: not at all. */
    default double reputationDelta() {
        return 0;
    }

    /** This sanction with a {@code supervisor} filled in where it names nobody; null drops it (nobody to tell). */
    default Sanction withSupervisor(String supervisor) {
        return this;
    }

    /**
     * Carries the sanction out on the platform. Called once per applied sanction, after the audit log has
     * recorded it, on the thread that judged the violation (an agent's for the gate, the watch's for the
     * watch); may be called concurrently, must not block. What the monitor does itself (blocking, muting,
     * quarantining, the reputation) is already done. By default nothing more is done.
     */
    default void carryOut(AppliedSanction applied, Platform platform) {
    }

    /** The agent is told what it did (for Jason, a {@code vigil_warning(Rule, Value, Explanation)} belief). */
    record Warn() implements Sanction {
        @Override
        public void carryOut(AppliedSanction s, Platform p) {
            Violation v = s.cause();
            p.believe(s.agent(), Term.struct("vigil_warning", Term.string(v.rule()), Term.word(v.value()),
                    Term.string(v.explanation())));
        }

        @Override
        public String toString() {
            return "warn";
        }

        /** {@code warn}. */
        public static final class Kind extends Fixed {
            public Kind() {
                super("warn", WARN);
            }
        }
    }

    /** The event that broke the rule is withheld. Only meaningful for the gate. */
    record Block() implements Sanction {
        @Override
        public boolean blocks() {
            return true;
        }

        @Override
        public String toString() {
            return "block";
        }

        /** {@code block}. */
        public static final class Kind extends Fixed {
            public Kind() {
                super("block", BLOCK);
            }
        }
    }

    /** The agent's messages are withheld for a while. */
    record Mute(Duration duration) implements Sanction {
        @Override
        public Duration mutes() {
            return duration;
        }

        @Override
        public void carryOut(AppliedSanction s, Platform p) {
            p.showSanction(s.agent(), "mute", s.time() + duration.toMillis());
        }

        @Override
        public String toString() {
            return "mute " + Durations.format(duration);
        }

        /** {@code mute DURATION}. */
        public static final class Kind implements SanctionKind {
            @Override
            public String word() {
                return "mute";
            }

            @Override
            public String form() {
                return "mute DURATION (e.g. mute 30s)";
            }

            @Override
            public Sanction parse(List<String> args) {
                expect(args, 1, form());
                return new Mute(Durations.parse(args.get(0)));
            }
        }
    }

    /** The agent's messages and actions are withheld until released, or for a while when a duration is set. */
    record Quarantine(Duration duration) implements Sanction {
        @Override
        public boolean quarantines() {
            return true;
        }

        @Override
        public Duration quarantineFor() {
            return duration;
        }

        @Override
        public void carryOut(AppliedSanction s, Platform p) {
            p.showSanction(s.agent(), "quarantine", duration == null ? Long.MAX_VALUE : s.time() + duration.toMillis());
        }

        @Override
        public String toString() {
            return duration == null ? "quarantine" : "quarantine " + Durations.format(duration);
        }

        /** {@code quarantine [DURATION]}. */
        public static final class Kind implements SanctionKind {
            @Override
            public String word() {
                return "quarantine";
            }

            @Override
            public String form() {
                return "quarantine [DURATION]";
            }

            @Override
            public Sanction parse(List<String> args) {
                if (args.isEmpty()) {
                    return new Quarantine(null);
                }
                expect(args, 1, form());
                return new Quarantine(Durations.parse(args.get(0)));
            }
        }
    }

    /** The agent's reputation changes by {@code delta} (usually negative), within 0..1. */
    record Reputation(double delta) implements Sanction {
        @Override
        public double reputationDelta() {
            return delta;
        }

        @Override
        public void carryOut(AppliedSanction s, Platform p) {
            p.showReputation(s.agent());
        }

        @Override
        public String toString() {
            return "reputation " + delta;
        }

        /** {@code reputation DELTA}. */
        public static final class Kind implements SanctionKind {
            @Override
            public String word() {
                return "reputation";
            }

            @Override
            public String form() {
                return "reputation DELTA (e.g. reputation -0.2)";
            }

            @Override
            public Sanction parse(List<String> args) {
                expect(args, 1, form());
                try {
                    return new Reputation(Double.parseDouble(args.get(0)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("reputation needs a number, not '" + args.get(0) + "'");
                }
            }
        }
    }

    /**
     * A named agent is told of the violation, {@code vigil_violation(Offender, Rule, Value, Explanation)} from
     * Vigil; with no name, the configured supervisor ({@code supervisor}), or nobody when none is configured.
     */
    record Notify(String agent) implements Sanction {
        @Override
        public Sanction withSupervisor(String supervisor) {
            return agent != null ? this : supervisor == null ? null : new Notify(supervisor);
        }

        @Override
        public void carryOut(AppliedSanction s, Platform p) {
            if (agent == null) {
                return;
            }
            Violation v = s.cause();
            p.tell(agent, Term.struct("vigil_violation", Term.word(s.agent()), Term.string(v.rule()), Term.word(v.value()),
                    Term.string(v.explanation())));
        }

        @Override
        public String toString() {
            return agent == null ? "notify" : "notify " + agent;
        }

        /** {@code notify [AGENT]}. */
        public static final class Kind implements SanctionKind {
            @Override
            public String word() {
                return "notify";
            }

            @Override
            public String form() {
                return "notify [AGENT]";
            }

            @Override
            public Sanction parse(List<String> args) {
                if (args.isEmpty()) {
                    return new Notify(null);
                }
                expect(args, 1, form());
                return new Notify(args.get(0));
            }
        }
    }

    Sanction WARN = new Warn();
    Sanction BLOCK = new Block();

    /**
     * Parses a comma-separated list of sanctions; {@code none} or an empty text is the empty list. The kinds
     * are those registered for the thread's context class loader (see {@link SanctionKind}).
     */
    static List<Sanction> parseList(String text) {
        return parseList(text, SanctionKinds.contextLoader());
    }

    /** Parses one sanction; throws {@link IllegalArgumentException} with a message fit for the user. */
    static Sanction parse(String text) {
        return SanctionKinds.of(SanctionKinds.contextLoader()).parse(text);
    }

    /** As {@link #parseList(String)}, with the kinds registered for {@code loader}. */
    static List<Sanction> parseList(String text, ClassLoader loader) {
        List<Sanction> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return out;
        }
        SanctionKinds kinds = SanctionKinds.of(loader);
        for (String part : text.split(",")) {
            out.add(kinds.parse(part));
        }
        return out;
    }

    /** A kind with no arguments and one instance. */
    abstract class Fixed implements SanctionKind {
        private final String word;
        private final Sanction instance;

        Fixed(String word, Sanction instance) {
            this.word = word;
            this.instance = instance;
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public String form() {
            return word;
        }

        @Override
        public Sanction parse(List<String> args) {
            expect(args, 0, word);
            return instance;
        }
    }

    private static void expect(List<String> args, int n, String form) {
        if (args.size() != n) {
            String word = form.split(" ")[0];
            throw new IllegalArgumentException("expected '" + form + "', got '" + (word + " " + String.join(" ", args)).trim()
                    + "'");
        }
    }
}
