package vigil.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ValueResolver;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.common.BaseNode;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.WindowNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Which events the rules of one knowledge base (the gate's or the watch's) can match at all, read off its
 * compiled network once per rule set: for each event type, the chains of single-event conditions (the alpha
 * network, and a window's own conditions) that lead from the type to a join, a window, an accumulation or a
 * rule. An event that passes no chain cannot take part in any rule, so it is judged without being inserted:
 * the watch counts and traces it, the gate answers at once. The conditions are the compiled rules' own,
 * evaluated as the engine would, so the decision is exact; a condition that fails with an exception admits
 * the event (the engine then reports the failure as it always has).
 *
 * <p>Called under the gate's lock, or on the watch thread: never concurrently on one session.
 */
final class Admission {

    /** One chain: the conditions an event must pass to get past the alpha network, and the rules behind it. */
    private record Chain(List<AlphaNodeFieldConstraint> conditions, List<String> rules) {
    }

    private static final List<Class<? extends Event>> TYPES = List.of(MessageEvent.class, ActionEvent.class,
            ActionOutcome.class, ReportEvent.class);

    private final Map<Class<?>, List<Chain>> chains;
    /** Types whose events reach a rule with no single-event condition at all: every such event is admitted. */
    private final Map<Class<?>, Boolean> always;

    private Admission(Map<Class<?>, List<Chain>> chains, Map<Class<?>, Boolean> always) {
        this.chains = chains;
        this.always = always;
    }

    /** Reads the event chains of {@code kbase}'s network. */
    static Admission of(KieBase kbase) {
        Map<Class<?>, List<Chain>> chains = new LinkedHashMap<>();
        Map<Class<?>, Boolean> always = new LinkedHashMap<>();
        for (Class<? extends Event> type : TYPES) {
            chains.put(type, new ArrayList<>());
            always.put(type, false);
        }
        for (EntryPointNode entry : ((InternalKnowledgeBase) kbase).getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode otn : entry.getObjectTypeNodes().values()) {
                if (!(otn.getObjectType() instanceof ClassObjectType cot)) {
                    continue;
                }
                for (Class<? extends Event> type : TYPES) {
                    if (cot.getClassType().isAssignableFrom(type)) {
                        walk(otn, List.of(), chains.get(type));
                    }
                }
            }
        }
        for (Map.Entry<Class<?>, List<Chain>> e : chains.entrySet()) {
            always.put(e.getKey(), e.getValue().stream().anyMatch(c -> c.conditions().isEmpty()));
        }
        return new Admission(chains, always);
    }

    private static void walk(ObjectSource source, List<AlphaNodeFieldConstraint> before, List<Chain> out) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                walk(alpha, append(before, List.of(alpha.getConstraint())), out);
            } else if (sink instanceof WindowNode window) {
                out.add(new Chain(append(before, window.getConstraints()), rules(window)));
            } else {
                out.add(new Chain(before, rules(sink)));
            }
        }
    }

    private static List<AlphaNodeFieldConstraint> append(List<AlphaNodeFieldConstraint> a, List<AlphaNodeFieldConstraint> b) {
        List<AlphaNodeFieldConstraint> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> rules(Object node) {
        List<String> names = new ArrayList<>();
        if (node instanceof BaseNode b) {
            for (Rule r : b.getAssociatedRules()) {
                names.add(r.getName());
            }
        }
        return names;
    }

    /** Whether some rule of the base can match {@code e}; {@code session}, on that base, resolves the conditions. */
    boolean admits(Event e, KieSession session) {
        if (always.getOrDefault(e.getClass(), true)) {
            return true;
        }
        List<Chain> list = chains.get(e.getClass());
        if (list == null || list.isEmpty()) {
            return false;
        }
        DefaultFactHandle handle = new DefaultFactHandle(0, e);
        ValueResolver resolver = (ValueResolver) session;
        for (Chain c : list) {
            if (passes(c, handle, resolver)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passes(Chain c, DefaultFactHandle handle, ValueResolver resolver) {
        for (AlphaNodeFieldConstraint condition : c.conditions()) {
            try {
                if (!condition.isAllowed(handle, resolver)) {
                    return false;
                }
            } catch (RuntimeException ex) {
                return true;
            }
        }
        return true;
    }

    /** The rules an event of {@code type} can reach, with no condition (every event) or behind conditions. */
    String describe(Class<? extends Event> type) {
        List<Chain> list = chains.getOrDefault(type, List.of());
        TreeSet<String> unconditional = new TreeSet<>();
        TreeSet<String> conditional = new TreeSet<>();
        for (Chain c : list) {
            (c.conditions().isEmpty() ? unconditional : conditional).addAll(c.rules());
        }
        return type.getSimpleName() + ": every event reaches " + unconditional + "; behind conditions " + conditional;
    }
}
