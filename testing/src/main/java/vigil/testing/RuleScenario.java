package vigil.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import vigil.core.Monitor;
import vigil.core.Verdict;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.ReportEvent;
import vigil.core.SenderBelief;
import vigil.core.RuleInfo;
import vigil.core.RuleSource;

/**
 * A JUnit scenario for rules: timed events in, expected violations out. It runs a real monitor on the
 * events' own clock ({@link Config.ClockMode#EVENTS}), judges the events in order, lets the watch finish,
 * then checks the expectations; a failure lists every violation that did fire.
 * <pre>
 * RuleScenario.packs("honesty")
 *     .param("honesty.window", "30s")
 *     .at(1_000).tell("alice", "bob", "price(apple, 10)")
 *     .at(5_000).tell("alice", "carol", "price(apple, 14)")
 *     .expect("Telling different agents contradictory things", "alice")
 *     .run();
 * </pre>
 * Packs come from the classpath (roots with {@code META-INF/kmodule.xml}), chosen by pack name (the last
 * segment of the DRL package); {@link #rules(RuleSource...)} adds rules written in the test. Not thread-safe.
 */
public final class RuleScenario {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    private final List<RuleSource> sources = new ArrayList<>();
    private Config.Builder config = Config.builder();
    private final List<Event> events = new ArrayList<>();
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<String> forbidden = new ArrayList<>();
    private final Set<String> failed = new java.util.HashSet<>();
    private boolean expectNone;
    private long now;
    private Long until;
    private int ids;

    private RuleScenario() {
        config.clock(Config.ClockMode.EVENTS).audit(null).trace(null).logAlerts(false);
    }

    /** The classpath packs with these names ({@code "honesty"}, {@code "commons"}); none named: every pack. */
    public static RuleScenario packs(String... names) {
        RuleScenario s = new RuleScenario();
        List<RuleSource> all = RuleSource.classpath(Thread.currentThread().getContextClassLoader());
        Set<String> wanted = Set.of(names);
        Set<String> seen = new LinkedHashSet<>();
        for (RuleSource r : all) {
            String pack = packOf(r);
            seen.add(pack);
            if (wanted.isEmpty() || wanted.contains(pack)) {
                s.sources.add(r);
            }
        }
        for (String n : names) {
            if (!seen.contains(n)) {
                throw new IllegalArgumentException("no rule pack named '" + n + "' on the classpath (found: " + seen + ")");
            }
        }
        return s;
    }

    /** Only the rules given (no classpath packs). */
    public static RuleScenario rules(RuleSource... rules) {
        return new RuleScenario().with(rules);
    }

    /** Adds rules written in the test, e.g. a vocabulary mapping rule. */
    public RuleScenario with(RuleSource... rules) {
        sources.addAll(List.of(rules));
        return this;
    }

    /** Adds a rule file's text under a made-up name. */
    public RuleScenario with(String drl) {
        return with(new RuleSource("scenario" + sources.size() + ".drl", drl));
    }

    private static String packOf(RuleSource r) {
        Matcher m = PACKAGE.matcher(r.text());
        String pkg = m.find() ? m.group(1) : "defaultpkg";
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** Sets a pack parameter, as {@code params.PACK.NAME} does in configuration. */
    public RuleScenario param(String packDotName, String value) {
        config.param(packDotName, value);
        return this;
    }

    /** Maps a project's functor onto the packs' vocabulary, as {@code vocabulary.FUNCTOR} does. */
    public RuleScenario vocabulary(String theirs, String ours) {
        config.vocabulary(theirs, ours);
        return this;
    }

    /** A context fact for the gate and the watch. */
    public RuleScenario fact(Object fact) {
        config.fact(fact);
        return this;
    }

    /**
     * Starts from a configuration file ({@code params.*}, {@code vocabulary.*}, ...), as a user's project would;
     * settings made before this call are replaced. The clock stays on events and no audit log or trace is written.
     */
    public RuleScenario configFile(Path file) {
        config = Config.load(file).toBuilder().clock(Config.ClockMode.EVENTS).audit(null).trace(null).logAlerts(false);
        return this;
    }

    /** Any other setting; the clock stays on events and no audit log or trace is written. */
    public RuleScenario config(Consumer<Config.Builder> change) {
        change.accept(config);
        config.clock(Config.ClockMode.EVENTS);
        return this;
    }

    /** The time of the events that follow, in milliseconds. */
    public RuleScenario at(long millis) {
        if (millis < now) {
            throw new IllegalArgumentException("time goes forward in a scenario: " + millis + " ms is before " + now + " ms");
        }
        now = millis;
        return this;
    }

    public RuleScenario at(Duration d) {
        return at(d.toMillis());
    }

    /** Moves the time on by {@code d}. */
    public RuleScenario after(Duration d) {
        return at(now + d.toMillis());
    }

    public RuleScenario tell(String from, String to, String content) {
        return send(from, to, "tell", content);
    }

    public RuleScenario achieve(String from, String to, String content) {
        return send(from, to, "achieve", content);
    }

    /** A message with any performative; the content is written as a term, e.g. {@code "price(apple, 12)"}. */
    public RuleScenario send(String from, String to, String performative, String content) {
        return event(MessageEvent.of(nextId("m"), now, from, to, performative, TermText.parse(content)));
    }

    /** The same content told to each receiver (a broadcast arrives as one message per receiver). */
    public RuleScenario tellAll(String from, Collection<String> to, String content) {
        for (String r : to) {
            tell(from, r, content);
        }
        return this;
    }

    /** What the sender of the last message believed about it. */
    public RuleScenario belief(SenderBelief b) {
        if (events.isEmpty() || !(events.get(events.size() - 1) instanceof MessageEvent m)) {
            throw new IllegalStateException("belief(...) follows a message");
        }
        events.set(events.size() - 1, m.withBelief(b));
        return this;
    }

    /**
     * An action the agent starts. Unless the gate withholds it, the environment performs it: its outcome
     * ({@link ActionOutcome}, done) follows at the same time; {@link #failed()} makes it fail instead.
     */
    public RuleScenario act(String agent, String action) {
        return event(new ActionEvent(nextId("a"), now, agent, TermText.parse(action)));
    }

    /** The last action failed in the environment (no environment, an empty stock): its outcome is FAILED. */
    public RuleScenario failed() {
        if (events.isEmpty() || !(events.get(events.size() - 1) instanceof ActionEvent a)) {
            throw new IllegalStateException("failed() follows an action");
        }
        failed.add(a.id());
        return this;
    }

    public RuleScenario report(String agent, String value, String description, String about) {
        return event(new ReportEvent(nextId("r"), now, agent, value, description, about));
    }

    /** Any event, at its own time. */
    public RuleScenario event(Event e) {
        events.add(e);
        now = Math.max(now, e.time());
        return this;
    }

    /** Lets the watch's clock run on to this time after the last event, so windows can close. */
    public RuleScenario until(long millis) {
        until = millis;
        return this;
    }

    private String nextId(String prefix) {
        return prefix + (++ids);
    }

    /** Expects at least one violation of this rule (by name) held against exactly these agents (any, if none given). */
    public RuleScenario expect(String rule, String... agents) {
        expectations.add(new Expectation(rule, null, agents.length == 0 ? null : Set.of(agents), 1, false));
        return this;
    }

    /** Expects this rule to fire exactly {@code times} times (cooldowns included). */
    public RuleScenario expectTimes(String rule, int times) {
        expectations.add(new Expectation(rule, null, null, times, true));
        return this;
    }

    /** Expects at least one violation of this value against exactly these agents (any, if none given). */
    public RuleScenario expectValue(String value, String... agents) {
        expectations.add(new Expectation(null, value, agents.length == 0 ? null : Set.of(agents), 1, false));
        return this;
    }

    /** Expects no violation at all. */
    public RuleScenario expectNone() {
        expectNone = true;
        return this;
    }

    /** Expects no violation of this rule. */
    public RuleScenario expectNo(String rule) {
        forbidden.add(rule);
        return this;
    }

    /** Runs the scenario and checks the expectations; returns what happened for further asserts. */
    public Outcome run() {
        Outcome out = play();
        List<String> problems = new ArrayList<>();
        // A misspelt rule name would make expect fail for the wrong reason and expectNo pass for none.
        List<String> named = new ArrayList<>(forbidden);
        expectations.stream().map(Expectation::rule).filter(r -> r != null).forEach(named::add);
        for (String rule : named) {
            if (!out.rules().contains(rule)) {
                problems.add("no rule named \"" + rule + "\" is loaded (loaded: "
                        + String.join(", ", out.rules().stream().map(r -> "\"" + r + "\"").toList()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            Assertions.fail(String.join("; ", problems));
        }
        for (Expectation e : expectations) {
            long n = out.violations().stream().filter(e::matches).count();
            if (e.exact ? n != e.times : n < e.times) {
                problems.add("expected " + e + (e.exact ? ", it fired " + n + " times" : ""));
            }
        }
        for (String rule : forbidden) {
            if (out.violations().stream().anyMatch(v -> v.rule().equals(rule))) {
                problems.add("expected no violation of rule \"" + rule + "\"");
            }
        }
        if (expectNone && !out.violations().isEmpty()) {
            problems.add("expected no violation");
        }
        if (!problems.isEmpty()) {
            Assertions.fail(String.join("; ", problems) + System.lineSeparator() + out.describe());
        }
        return out;
    }

    /** Runs the events without checking anything. */
    public Outcome play() {
        List<Verdict> verdicts = new ArrayList<>();
        try (Monitor monitor = Vigil.builder().config(config.build().toBuilder().rules(sources.toArray(RuleSource[]::new)).build())
                .classLoader(new PacksHidden(Thread.currentThread().getContextClassLoader()))
                .serviceSinks(false).start()) {
            for (Event e : events) {
                Verdict v = monitor.judge(e);
                verdicts.add(v);
                if (e instanceof ActionEvent a) {
                    monitor.outcome(ActionOutcome.of(a, a.time(), v.blocked() ? ActionOutcome.Result.WITHHELD
                            : failed.contains(a.id()) ? ActionOutcome.Result.FAILED : ActionOutcome.Result.DONE));
                }
            }
            if (until != null) {
                monitor.advanceTo(until);
            }
            if (!monitor.drain(60_000)) {
                throw new AssertionError("the watch did not finish judging the scenario within 60 s");
            }
            return new Outcome(List.copyOf(events), verdicts, monitor.violations(),
                    monitor.rules().stream().map(RuleInfo::name).distinct().sorted().toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Hides the classpath packs from the monitor: the scenario hands it the packs it chose as sources, and the
     * configuration's {@code rules = classpath} must not add the others.
     */
    private static final class PacksHidden extends ClassLoader {
        PacksHidden(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("META-INF/kmodule.xml") ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    /** What a scenario produced: the gate's verdict for each event, in order, and every violation recorded. */
    public record Outcome(List<Event> events, List<Verdict> verdicts, List<Violation> violations, List<String> rules) {

        /** The violations of one rule. */
        public List<Violation> of(String rule) {
            return violations.stream().filter(v -> v.rule().equals(rule)).toList();
        }

        /** The verdict for the event with this id ({@code m1}, {@code a2}: scenario ids count up from 1). */
        public Verdict verdict(String eventId) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).id().equals(eventId)) {
                    return verdicts.get(i);
                }
            }
            throw new IllegalArgumentException("no event " + eventId);
        }

        /** Every violation, one per line, as failure messages show them. */
        public String describe() {
            if (violations.isEmpty()) {
                return "no violation fired";
            }
            StringBuilder sb = new StringBuilder(violations.size() + " fired:");
            for (Violation v : violations) {
                sb.append(System.lineSeparator()).append("  - \"").append(v.rule()).append("\" (").append(v.value())
                        .append(", ").append(v.path().name().toLowerCase()).append(") by ").append(v.agents())
                        .append(" at ").append(v.time()).append(" ms: ").append(v.explanation())
                        .append(" [evidence ").append(String.join(", ", v.evidence())).append(']');
            }
            return sb.toString();
        }
    }

    private record Expectation(String rule, String value, Set<String> agents, int times, boolean exact) {

        boolean matches(Violation v) {
            return (rule == null || rule.equals(v.rule())) && (value == null || value.equals(v.value()))
                    && (agents == null || agents.equals(Set.copyOf(v.agents())));
        }

        @Override
        public String toString() {
            return (rule != null ? "a violation of rule \"" + rule + "\"" : "a violation of value " + value)
                    + (agents == null ? "" : " by " + agents);
        }
    }
}
