package vigil.testing;

import java.util.ArrayList;
import java.util.List;
import vigil.core.Term;

/**
 * Reads a term written as in AgentSpeak, so scenarios can say {@code "price(apple, 12)"} or
 * {@code "health(carol, flu)[personal]"}: atoms and structures ({@code ~} may start a functor), numbers,
 * "strings", [lists], Variables, and annotations in brackets after a structure. A syntax error names the
 * column.
 */
public final class TermText {

    private final String s;
    private int i;

    private TermText(String s) {
        this.s = s;
    }

    public static Term parse(String text) {
        TermText p = new TermText(text);
        p.space();
        Term t = p.term();
        p.space();
        if (p.i < p.s.length()) {
            throw p.error("unexpected '" + p.s.charAt(p.i) + "'");
        }
        return t;
    }

    private Term term() {
        space();
        if (i >= s.length()) {
            throw error("a term is missing");
        }
        char c = s.charAt(i);
        if (c == '"') {
            return annotated(Term.string(string()));
        }
        if (c == '[') {
            return Term.list(items('[', ']'));
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = i++;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == 'e')) {
                i++;
            }
            try {
                return Term.num(Double.parseDouble(s.substring(start, i)));
            } catch (NumberFormatException e) {
                throw error("not a number: " + s.substring(start, i));
            }
        }
        if (Character.isUpperCase(c) || c == '_') {
            return Term.variable(name());
        }
        String functor = c == '~' ? "~" + name(++i) : name();
        List<Term> args = i < s.length() && s.charAt(i) == '(' ? items('(', ')') : List.of();
        return annotated(new Term(Term.Kind.STRUCTURE, functor, args, List.of()));
    }

    private Term annotated(Term t) {
        if (i < s.length() && s.charAt(i) == '[') {
            return new Term(t.kind(), t.functor(), t.args(), items('[', ']'));
        }
        return t;
    }

    private List<Term> items(char open, char close) {
        i++;
        List<Term> out = new ArrayList<>();
        space();
        if (i < s.length() && s.charAt(i) == close) {
            i++;
            return out;
        }
        while (true) {
            out.add(term());
            space();
            if (i >= s.length()) {
                throw error("'" + close + "' is missing");
            }
            char c = s.charAt(i++);
            if (c == close) {
                return out;
            }
            if (c != ',') {
                throw error("expected ',' or '" + close + "', got '" + c + "'");
            }
        }
    }

    private String name() {
        return name(i);
    }

    private String name(int from) {
        i = from;
        if (i < s.length() && s.charAt(i) == '\'') {
            int end = s.indexOf('\'', i + 1);
            if (end < 0) {
                throw error("unclosed quote");
            }
            String n = s.substring(i + 1, end);
            i = end + 1;
            return n;
        }
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (start == i) {
            throw error("expected a name");
        }
        return s.substring(start, i);
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                sb.append(c);
            }
        }
        if (i >= s.length()) {
            throw error("unclosed string");
        }
        i++;
        return sb.toString();
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("term \"" + s + "\", column " + (i + 1) + ": " + what);
    }
}
