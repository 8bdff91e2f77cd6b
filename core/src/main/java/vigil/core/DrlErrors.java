package vigil.core;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Drools' compilation errors said in the rule author's terms: one error per problem, at the line where the
 * problem is, without the parser's echoes ({@code Parser returned a null Package}) and its codes
 * ({@code [ERR 102] Line 8:47}); a field of Vigil's events that does not exist gets the nearest one
 * suggested ({@code MessageEvent has no field 'reciever'; did you mean 'receiver'?}); a missing {@code ;} in a
 * consequence is reported at its line, not at the rule's first. Stateless.
 */
final class DrlErrors {

    private static final Pattern PARSER = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)", Pattern.DOTALL);
    private static final Pattern NO_FIELD = Pattern.compile(
            "Unable to Analyse Expression (.*?):\\s*\\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)\\]",
            Pattern.DOTALL);
    private static final Pattern DRL_LINE = Pattern.compile("Line (\\d+):(\\d+)");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final String MISSING_SEMICOLON = "insert \";\" to complete";

    private DrlErrors() {
    }

    /** The errors of one build, Drools' in {@code raw} (origin, line, message), each rewritten; echoes dropped. */
    static List<RuleError> rewrite(List<Raw> raw) {
        List<RuleError> out = new ArrayList<>();
        Set<String> withOthers = new LinkedHashSet<>();
        for (Raw r : raw) {
            if (!r.message().contains(NULL_PACKAGE)) {
                withOthers.add(r.origin());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Raw r : raw) {
            if (r.message().contains(NULL_PACKAGE)) {
                if (!withOthers.contains(r.origin()) && seen.add(r.origin() + ":null")) {
                    out.add(new RuleError(r.origin(), r.line(), "the file could not be parsed as DRL"));
                }
                continue;
            }
            RuleError e = rewrite(r);
            if (seen.add(e.toString())) {
                out.add(e);
            }
        }
        return out;
    }

    /** One error as Drools gave it: where it came from, its line (0 when none), its text, the DRL as compiled. */
    record Raw(String origin, int line, String message, String text) {
    }

    private static RuleError rewrite(Raw r) {
        String msg = r.message().replace('\n', ' ').replace('\r', ' ').trim();
        Matcher p = PARSER.matcher(msg);
        if (p.find()) {
            // Drools counts columns from 0; editors from 1.
            return new RuleError(r.origin(), Integer.parseInt(p.group(1)), p.group(3).trim() + " (column " + (Integer.parseInt(p.group(2)) + 1) + ")");
        }
        Matcher f = NO_FIELD.matcher(msg);
        if (f.find()) {
            return new RuleError(r.origin(), r.line(), noField(f.group(2), f.group(3), f.group(1).trim()));
        }
        if (msg.contains(MISSING_SEMICOLON)) {
            int line = statementWithoutSemicolon(r.text(), r.line());
            return new RuleError(r.origin(), line > 0 ? line : r.line(), "missing ';' at the end of this statement");
        }
        int line = r.line();
        if (line <= 0) {
            Matcher m = DRL_LINE.matcher(msg);
            line = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        return new RuleError(r.origin(), line, msg.replaceFirst("^Rule Compilation error\\s*", "in the consequence: "));
    }

    /** {@code MessageEvent has no field 'reciever'; did you mean 'receiver'?} for Vigil's types; Drools' words otherwise. */
    static String noField(String className, String field, String expression) {
        Class<?> type;
        try {
            type = Class.forName(className, false, DrlErrors.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return className + " has no field '" + field + "' (in: " + expression + ")";
        }
        List<String> fields = fields(type);
        String near = Names.nearest(field, fields);
        return type.getSimpleName() + " has no field '" + field + "'"
                + (near != null ? "; did you mean '" + near + "'?" : "")
                + (type.getPackageName().equals(DrlErrors.class.getPackageName()) ? " (its fields: " + String.join(", ", fields) + ")" : "");
    }

    private static List<String> fields(Class<?> type) {
        List<String> out = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(c.getName());
            }
        }
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                    && m.getDeclaringClass() != Object.class && !n.equals("hashCode") && !n.equals("toString")
                    && !out.contains(n)) {
                out.add(n.startsWith("get") && n.length() > 3 ? Character.toLowerCase(n.charAt(3)) + n.substring(4) : n);
            }
        }
        return out;
    }

    /**
     * The line of the first statement in the consequence of the rule starting at {@code ruleLine} that ends
     * without a {@code ;} (a line that goes on on the next one, ending in an operator, a comma or a bracket,
     * is not a statement's end); 0 when none is found.
     */
    static int statementWithoutSemicolon(String text, int ruleLine) {
        if (text == null || ruleLine <= 0) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        int i = ruleLine - 1;
        while (i < lines.length && !lines[i].strip().matches("then\\b.*")) {
            i++;
        }
        for (i++; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals("end")) {
                return 0;
            }
            int comment = l.indexOf("//");
            if (comment >= 0) {
                l = l.substring(0, comment).strip();
            }
            if (l.isEmpty() || l.endsWith(";") || l.endsWith("{") || l.endsWith("}") || l.matches(".*([,(+\\-*/&|?:=]|&&|\\|\\|)$")) {
                continue;
            }
            String next = nextNonBlank(lines, i + 1);
            if (next != null && next.matches("^[.+\\-*/&|?:)].*")) {
                continue;
            }
            return i + 1;
        }
        return 0;
    }

    private static String nextNonBlank(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return null;
    }
}
