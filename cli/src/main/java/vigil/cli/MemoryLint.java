package vigil.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import vigil.core.RuleError;
import vigil.core.RuleSource;

/**
 * Looks for the rule shapes that make the watch's memory grow or its cost per event explode: event types
 * declared without {@code @expires}, and in watch rules, a {@code not}, {@code exists}, {@code collect} or
 * {@code accumulate} over events with no window, or a windowed one that depends on an earlier event pattern
 * (one window per event instead of one per agent). Reads the rules' text only; it compiles nothing.
 */
final class MemoryLint {

    private static final Set<String> CORE_EVENTS = Set.of("MessageEvent", "ActionEvent", "ActionOutcome", "ReportEvent");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:");

    private MemoryLint() {
    }

    static List<RuleError> warnings(List<RuleSource> sources) {
        Map<RuleSource, PackageDescr> parsed = new HashMap<>();
        Set<String> events = new HashSet<>(CORE_EVENTS);
        List<RuleError> out = new ArrayList<>();
        for (RuleSource s : sources) {
            PackageDescr pkg = parse(s);
            if (pkg == null) {
                continue;
            }
            parsed.put(s, pkg);
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                AnnotationDescr role = t.getAnnotation("role");
                if (role != null && "event".equals(String.valueOf(role.getSingleValueStripped()))) {
                    events.add(simple(t.getTypeName()));
                    if (t.getAnnotation("expires") == null && !CORE_EVENTS.contains(simple(t.getTypeName()))) {
                        out.add(new RuleError(s.origin(), t.getLine(), "warning: event type " + t.getTypeName()
                                + " has no @expires: its events stay in memory unless every rule that reads them has a"
                                + " window; add e.g. @expires(10m)"));
                    }
                }
            }
        }
        for (Map.Entry<RuleSource, PackageDescr> e : parsed.entrySet()) {
            for (RuleDescr r : e.getValue().getRules()) {
                AnnotationDescr path = r.getAnnotation("path");
                String p = path == null ? "watch" : String.valueOf(path.getSingleValueStripped());
                if (p.equals("gate")) {
                    continue;
                }
                new RuleWalk(e.getKey().origin(), r, events, out).walk(r.getLhs(), false);
            }
        }
        out.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        return out;
    }

    /**
     * Parses the text with each {@code ${param}} as {@code 1}: the lint reads the rules' shape (a window or
     * none), never a parameter's value, so it needs neither the packs' defaults nor the compiler's expansion.
     */
    private static PackageDescr parse(RuleSource s) {
        String text = PLACEHOLDER.matcher(s.text()).replaceAll("1");
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, text);
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException ex) {
            return null;
        }
    }

    private static String simple(String type) {
        int dot = type == null ? -1 : type.lastIndexOf('.');
        return type == null ? "" : type.substring(dot + 1);
    }

    /** One rule's conditions, in order, remembering which variables earlier event patterns bound. */
    private static final class RuleWalk {
        final String origin;
        final RuleDescr rule;
        final Set<String> events;
        final List<RuleError> out;
        final Set<String> eventVariables = new HashSet<>();

        RuleWalk(String origin, RuleDescr rule, Set<String> events, List<RuleError> out) {
            this.origin = origin;
            this.rule = rule;
            this.events = events;
            this.out = out;
        }

        void walk(BaseDescr d, boolean negated) {
            if (d instanceof PatternDescr p) {
                pattern(p, negated);
            } else if (d instanceof NotDescr || d instanceof ExistsDescr) {
                for (BaseDescr c : ((ConditionalElementDescr) d).getDescrs()) {
                    walk(c, true);
                }
            } else if (d instanceof ConditionalElementDescr ce) {
                for (BaseDescr c : ce.getDescrs()) {
                    walk(c, negated);
                }
            }
        }

        private void pattern(PatternDescr p, boolean negated) {
            PatternSourceDescr src = p.getSource();
            PatternDescr input = src instanceof AccumulateDescr a ? a.getInputPattern()
                    : src instanceof CollectDescr c ? c.getInputPattern() : null;
            if (input != null && isEvent(input)) {
                String what = src instanceof CollectDescr ? "collect" : "accumulate";
                if (input.getBehaviors().isEmpty()) {
                    warn(input, "a " + what + " over " + simple(input.getObjectType()) + " events without a window"
                            + " counts every such event still in memory (up to watch.retention); add"
                            + " `over window:time(...)`");
                } else {
                    Set<String> used = variables(input);
                    used.retainAll(eventVariables);
                    if (!used.isEmpty()) {
                        warn(input, "this " + what + " window depends on " + String.join(", ", used.stream().sorted().toList())
                                + ", bound by an earlier event pattern: one window is kept per event; anchor it on a"
                                + " per-agent fact instead (see docs/authoring-rules.md)");
                    }
                }
                return;
            }
            if (negated && isEvent(p) && p.getBehaviors().isEmpty() && !temporal(p)) {
                warn(p, "a not/exists over " + simple(p.getObjectType()) + " events without a window or a temporal"
                        + " constraint looks at every such event still in memory (up to watch.retention); add"
                        + " `over window:time(...)`");
            }
            if (!negated && isEvent(p)) {
                if (p.getIdentifier() != null) {
                    eventVariables.add(p.getIdentifier());
                }
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr x) {
                        Matcher m = BINDING.matcher(x.getExpression());
                        while (m.find()) {
                            eventVariables.add(m.group(1));
                        }
                    }
                }
            }
        }

        private boolean isEvent(PatternDescr p) {
            return events.contains(simple(p.getObjectType()));
        }

        private static boolean temporal(PatternDescr p) {
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr x && x.getExpression().matches(
                        "(?s).*\\b(after|before|coincides|during|finishes|finishedby|includes|meets|metby|overlaps|overlappedby|starts|startedby)\\b.*")) {
                    return true;
                }
            }
            return false;
        }

        private static Set<String> variables(PatternDescr p) {
            Set<String> out = new HashSet<>();
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr x) {
                    String expr = x.getExpression();
                    Matcher b = BINDING.matcher(expr);
                    String withoutBindings = b.replaceAll("");
                    Matcher m = VARIABLE.matcher(withoutBindings);
                    while (m.find()) {
                        out.add(m.group());
                    }
                }
            }
            return out;
        }

        private void warn(BaseDescr d, String message) {
            out.add(new RuleError(origin, d.getLine() > 0 ? d.getLine() : rule.getLine(),
                    "warning: rule \"" + rule.getName() + "\": " + message));
        }
    }
}
