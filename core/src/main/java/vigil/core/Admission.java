package vigil.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ValueResolver;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.common.BaseNode;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ConditionalBranchNode;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.EvalConditionNode;
import org.drools.core.reteoo.FromNode;
import org.drools.core.reteoo.JoinNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.ReactiveFromNode;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.drools.core.reteoo.RuleTerminalNode;
import org.drools.core.reteoo.WindowNode;
import org.drools.core.rule.BehaviorRuntime;
import org.drools.core.rule.SlidingTimeWindow;
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
 * <p>A chain that ends in a join whose other side starts from a fact type (not an event) also leads nowhere
 * while the session holds no fact of that type: the principal's rules start from {@code Serves}, and with no
 * principal configured no message can match them. {@link #refresh} reads which of those types are empty; the
 * gate calls it when its session is quiet (at start and after any firing), and since an event that passes
 * by fires nothing, nothing can fill those types while it would have been judged: the decision stays
 * exact. The watch, whose sessions hold events and fire in batches, does not use it.
 *
 * <p>Each chain also says how long an event that passes it can still be used by the rules behind it (its
 * {@link #hold}): a chain into a time window needs the event for the window's length (after that the window
 * drops it anyway); a chain into a rule that matches the event alone (through conditions, an {@code eval},
 * a {@code from} or a join with one of the watch's ledgers, {@link Contacts} and {@link Claims}, but no other
 * join, no timer, no agenda group, no logical insertion) needs it only until the rules have fired; any
 * other (a join, a {@code not}, {@code exists} or accumulation over events without a window, a length
 * window) for as long as the watch keeps anything, {@link #RETAIN}. The watch holds each event for the
 * longest hold of the chains it passes.
 *
 * <p>Thread-safe: the conditions are the knowledge base's own, which the engine evaluates for many sessions
 * at once; the gate asks before taking its lock.
 */
final class Admission {

    /**
     * One chain: the conditions an event must pass to get past the alpha network, the rules behind it, and
     * the fact type the other side of its join starts from ({@code null}: an event type, or no join).
     */
    private record Chain(List<AlphaNodeFieldConstraint> conditions, List<String> rules, Class<?> head, long hold) {
    }

    /** The hold of a chain whose rules can use an event for as long as it is kept: the retention. */
    static final long RETAIN = Long.MAX_VALUE;
    /** The hold of an event that no chain admits. */
    static final long NONE = -1;

    private static final List<Class<? extends Event>> TYPES = List.of(MessageEvent.class, ActionEvent.class,
            ActionOutcome.class, ReportEvent.class);

    private final Map<Class<?>, List<Chain>> chains;
    /** The same chains, the longest hold first (unconditioned first among equal holds). */
    private final Map<Class<?>, List<Chain>> byHold = new LinkedHashMap<>();
    /** The fact types some chain's join starts from. */
    private final Set<Class<?>> heads = new HashSet<>();
    /** Of those, the ones the session held no fact of when last {@link #refresh refreshed}. */
    private volatile Set<Class<?>> empty = Set.of();

    private Admission(Map<Class<?>, List<Chain>> chains) {
        this.chains = chains;
        chains.forEach((type, list) -> {
            List<Chain> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingLong(Chain::hold).reversed()
                    .thenComparing(c -> !c.conditions().isEmpty()));
            byHold.put(type, List.copyOf(sorted));
        });
        for (List<Chain> list : chains.values()) {
            for (Chain c : list) {
                if (c.head() != null) {
                    heads.add(c.head());
                }
            }
        }
    }

    /** Reads the event chains of {@code kbase}'s network (for {@link #admits}: holds read as if no rule inserted logically). */
    static Admission of(KieBase kbase) {
        return of(kbase, List.of());
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    /**
     * Reads the event chains of {@code kbase}'s network, compiled from {@code sources}: a rule of a package
     * whose source calls {@code insertLogical} anywhere is taken to insert logically (the engine does not say
     * which rules do), so the events it matches are held as long as the watch keeps anything.
     */
    static Admission of(KieBase kbase, Collection<RuleSource> sources) {
        Set<String> logical = new HashSet<>();
        for (RuleSource s : sources) {
            if (s.text().contains("insertLogical")) {
                Matcher m = PACKAGE.matcher(s.text());
                logical.add(m.find() ? m.group(1) : "defaultpkg");
            }
        }
        return read(kbase, logical);
    }

    private static Admission read(KieBase kbase, Set<String> logical) {
        Map<Class<?>, List<Chain>> chains = new LinkedHashMap<>();
        for (Class<? extends Event> type : TYPES) {
            chains.put(type, new ArrayList<>());
        }
        for (EntryPointNode entry : ((InternalKnowledgeBase) kbase).getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode otn : entry.getObjectTypeNodes().values()) {
                if (!(otn.getObjectType() instanceof ClassObjectType cot)) {
                    continue;
                }
                for (Class<? extends Event> type : TYPES) {
                    if (cot.getClassType().isAssignableFrom(type)) {
                        walk(otn, List.of(), chains.get(type), logical);
                    }
                }
            }
        }
        for (List<Chain> list : chains.values()) {
            // Unconditioned chains first: they decide at once.
            list.sort((a, b) -> Boolean.compare(!a.conditions().isEmpty(), !b.conditions().isEmpty()));
        }
        return new Admission(chains);
    }

    private static void walk(ObjectSource source, List<AlphaNodeFieldConstraint> before, List<Chain> out, Set<String> logical) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                walk(alpha, append(before, List.of(alpha.getConstraint())), out, logical);
            } else if (sink instanceof WindowNode window) {
                out.add(new Chain(append(before, window.getConstraints()), rules(window), null, windowHold(window)));
            } else if (sink instanceof LeftInputAdapterNode lia) {
                out.add(new Chain(before, rules(sink), null, aloneUntilFired(lia, logical) ? 0 : RETAIN));
            } else if (sink instanceof RightInputAdapterNode<?> right && right.getBetaNode() instanceof JoinNode join
                    && join.getLeftTupleSource() instanceof LeftInputAdapterNode lia && isALedger(lia.getObjectSource())
                    && aloneUntilFired(join, logical)) {
                // A rule that starts from a ledger and then matches the event alone.
                out.add(new Chain(before, rules(sink), null, 0));
            } else {
                out.add(new Chain(before, rules(sink), head(sink), RETAIN));
            }
        }
    }

    /**
     * How long a window keeps an event: a time window its length (and a millisecond, so the watch lets go
     * only after the window itself has), any other window (by length) as long as the watch keeps anything.
     */
    private static long windowHold(WindowNode window) {
        long longest = 0;
        for (BehaviorRuntime b : window.getBehaviors()) {
            if (!(b instanceof SlidingTimeWindow time)) {
                return RETAIN;
            }
            longest = Math.max(longest, time.getSize() + 1);
        }
        return longest;
    }

    /**
     * Whether the rules behind {@code source} use the event it starts alone and at once: only conditions on
     * it ({@code eval}, {@code from}, a conditional branch, a join with a ledger) lie between it and each rule's terminal, and the
     * rule fires when the session fires (no timer, the main agenda group) and inserts nothing logically (what it
     * inserts so lasts only while it matches). Such an event can go once the rules have fired; anything else (a
     * join, a {@code not}, an accumulation, a timer) can still use it later.
     */
    private static boolean aloneUntilFired(LeftTupleSource source, Set<String> logical) {
        for (LeftTupleSink sink : source.getSinkPropagator().getSinks()) {
            if (sink instanceof RuleTerminalNode rtn) {
                RuleImpl rule = rtn.getRule();
                // A logical insertion lasts as long as its match: the event must stay for it to.
                if (rule.getTimer() != null || !"MAIN".equals(rule.getAgendaGroup()) || rule.hasLogicalDependency()
                        || logical.contains(rule.getPackageName())) {
                    return false;
                }
            } else if (sink instanceof ReactiveFromNode) {
                return false;
            } else if (sink instanceof EvalConditionNode || sink instanceof FromNode || sink instanceof ConditionalBranchNode
                    || sink instanceof JoinNode join && joinsALedger(join)) {
                if (!aloneUntilFired((LeftTupleSource) sink, logical)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The watch's ledgers: one fact of each in every watch session, inserted before any event and never
     * modified or deleted, so a join with one makes no match later than when the event arrived.
     */
    private static final Set<Class<?>> LEDGERS = Set.of(Contacts.class, Claims.class);

    /** Whether the other side of {@code join} is one of the watch's {@link #LEDGERS}. */
    private static boolean joinsALedger(JoinNode join) {
        return isALedger(join.getRightInput());
    }

    /** Whether the facts {@code node} passes on are of one of the watch's {@link #LEDGERS}. */
    private static boolean isALedger(Object node) {
        while (node instanceof BaseNode b && !(b instanceof ObjectTypeNode)) {
            node = b.getParent();
        }
        return node instanceof ObjectTypeNode otn && otn.getObjectType() instanceof ClassObjectType cot
                && LEDGERS.contains(cot.getClassType());
    }

    /**
     * The fact type the left side of the join {@code sink} feeds starts from, or null when it is not a join's
     * right input or the left side starts from an event (or the engine's initial fact: a rule whose first
     * condition is a {@code not}, an {@code exists} or an accumulation).
     */
    private static Class<?> head(ObjectSink sink) {
        if (!(sink instanceof RightInputAdapterNode<?> right) || right.getBetaNode() == null) {
            return null;
        }
        LeftTupleSource left = right.getBetaNode().getLeftTupleSource();
        while (left != null && !(left instanceof LeftInputAdapterNode)) {
            left = left.getLeftTupleSource();
        }
        if (!(left instanceof LeftInputAdapterNode lia)) {
            return null;
        }
        BaseNode source = lia.getObjectSource();
        while (source != null && !(source instanceof ObjectTypeNode)) {
            source = source.getParent();
        }
        if (!(source instanceof ObjectTypeNode otn) || !(otn.getObjectType() instanceof ClassObjectType cot)) {
            return null;
        }
        Class<?> type = cot.getClassType();
        if (Event.class.isAssignableFrom(type) || type == Object.class || type.getName().startsWith("org.drools.")) {
            return null;
        }
        return type;
    }

    /**
     * Reads which of the join-starting fact types {@code session} holds nothing of. Call it only while the
     * session is quiet (no event being judged, the agenda fired out).
     */
    void refresh(KieSession session) {
        if (heads.isEmpty()) {
            return;
        }
        Set<Class<?>> none = new HashSet<>(heads);
        for (Object o : session.getObjects(o -> !(o instanceof Event))) {
            none.removeIf(t -> t.isInstance(o));
            if (none.isEmpty()) {
                break;
            }
        }
        empty = Set.copyOf(none);
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
        List<Chain> list = chains.get(e.getClass());
        if (list == null) {
            return true;
        }
        Set<Class<?>> none = empty;
        DefaultFactHandle handle = null;
        for (Chain c : list) {
            if (c.head() != null && none.contains(c.head())) {
                continue;
            }
            if (c.conditions().isEmpty()) {
                return true;
            }
            if (handle == null) {
                handle = new DefaultFactHandle(0, e);
            }
            if (passes(c, handle, (ValueResolver) session)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How long the watch must hold {@code e} for the rules to find all they can with it: the longest hold of
     * the chains it passes (milliseconds; 0: until the rules have fired; {@link #RETAIN}: as long as the watch
     * keeps anything), or {@link #NONE} when it passes none. Facts the chains wait for are not consulted (the
     * watch does not {@link #refresh}).
     */
    long hold(Event e, KieSession session) {
        List<Chain> list = byHold.get(e.getClass());
        if (list == null) {
            return RETAIN;
        }
        DefaultFactHandle handle = null;
        for (Chain c : list) {
            if (c.conditions().isEmpty()) {
                return c.hold();
            }
            if (handle == null) {
                handle = new DefaultFactHandle(0, e);
            }
            if (passes(c, handle, (ValueResolver) session)) {
                return c.hold();
            }
        }
        return NONE;
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
        TreeSet<String> waiting = new TreeSet<>();
        Set<Class<?>> none = empty;
        for (Chain c : list) {
            if (c.head() != null && none.contains(c.head())) {
                waiting.addAll(c.rules());
            } else {
                (c.conditions().isEmpty() ? unconditional : conditional).addAll(c.rules());
            }
        }
        return type.getSimpleName() + ": every event reaches " + unconditional + "; behind conditions " + conditional
                + "; waiting for facts " + waiting;
    }
}
