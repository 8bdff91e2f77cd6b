package vigil.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule calls in its consequence to report a violation; the rule's metadata supplies the value,
 * severity and sanction. In DRL:
 * <pre>
 * import function vigil.core.Findings.violation;
 * ...
 * then
 *     violation(kcontext, "told bob what it believes false", $m);
 * </pre>
 * {@code violation} holds the agents of the evidence events responsible; {@code violationBy} names them;
 * {@code violationAbout} also names the subject (the victim, the topic, the item) so that a rule's
 * {@code @cooldown} holds back repeats about the same subject only: the same rule against the same agents
 * about another subject is reported. Evidence may be events or collections of events (as {@code collect}
 * gives). Each session has its own instance, reached through the session's environment; it is used by one
 * thread at a time.
 */
public final class Findings {

    /** The key of a session's instance in its environment. */
    static final String KEY = "vigil.findings";

    /**
     * One call of {@code violation}: the rule, who is responsible, the evidence, the explanation, when, and
     * what it is about ({@code ""} when the rule did not say).
     */
    record Finding(RuleInfo rule, List<String> offenders, List<Event> evidence, String explanation, long time,
            String subject) {
    }

    private final CompiledRules book;
    private final List<Finding> found = new ArrayList<>();

    Findings(CompiledRules book) {
        this.book = book;
    }

    /** Reports a violation by the agents of the evidence events. */
    public static void violation(RuleContext kcontext, String explanation, Object... evidence) {
        of(kcontext).add(kcontext, null, "", explanation, evidence);
    }

    /** Reports a violation by the named agents: a name, or a collection of names. */
    public static void violationBy(RuleContext kcontext, Object offenders, String explanation, Object... evidence) {
        of(kcontext).add(kcontext, offenders, "", explanation, evidence);
    }

    /**
     * Reports a violation about a subject (the agent wronged, the topic, the item: anything whose text tells
     * one case from another) by the named agents, or by the agents of the evidence when {@code offenders}
     * is null. The cooldown keeps apart what is about different subjects.
     */
    public static void violationAbout(RuleContext kcontext, Object subject, Object offenders, String explanation,
            Object... evidence) {
        of(kcontext).add(kcontext, offenders, Objects.toString(subject, ""), explanation, evidence);
    }

    private static Findings of(RuleContext kcontext) {
        Object f = kcontext.getKieRuntime().getEnvironment().get(KEY);
        if (!(f instanceof Findings findings)) {
            throw new IllegalStateException("this session was not created by Vigil: no findings collector");
        }
        return findings;
    }

    private void add(RuleContext kcontext, Object offenders, String subject, String explanation, Object[] evidence) {
        RuleInfo info = book.rule(kcontext.getRule().getPackageName(), kcontext.getRule().getName());
        if (info == null || !info.judges()) {
            throw new IllegalStateException("rule \"" + kcontext.getRule().getName()
                    + "\" reports a violation but has no @value");
        }
        List<Event> events = new ArrayList<>();
        // By identity: the evidence is the session's own facts, and a window can hold thousands of them.
        Set<Event> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object e : evidence) {
            collect(e, events, seen);
        }
        Set<String> who = new LinkedHashSet<>();
        if (offenders instanceof Collection<?> c) {
            c.forEach(o -> who.add(String.valueOf(o)));
        } else if (offenders != null) {
            who.add(String.valueOf(offenders));
        } else {
            events.forEach(e -> who.add(e.agent()));
        }
        long time = Long.MIN_VALUE;
        for (Event e : events) {
            time = Math.max(time, e.time());
        }
        if (time == Long.MIN_VALUE) {
            time = kcontext.getKieRuntime().getSessionClock().getCurrentTime();
        }
        found.add(new Finding(info, List.copyOf(who), events, explanation, time, subject));
    }

    private static void collect(Object o, List<Event> into, Set<Event> seen) {
        if (o instanceof Event e) {
            if (seen.add(e)) {
                into.add(e);
            }
        } else if (o instanceof Collection<?> c) {
            for (Object x : c) {
                collect(x, into, seen);
            }
        } else if (o instanceof Object[] a) {
            for (Object x : a) {
                collect(x, into, seen);
            }
        }
    }

    /** Takes the findings reported since the last call. */
    List<Finding> drain() {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Finding> out = List.copyOf(found);
        found.clear();
        return out;
    }
}
