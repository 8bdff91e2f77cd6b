package vigil.jacamo;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Literal;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.StringTerm;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Term;

/**
 * Translates Jason terms into Vigil's platform-free {@link Term}, so rules never see a Jason type, and back
 * ({@link #toJason}, for what Vigil tells agents). A
 * strongly negated literal keeps its {@code ~} in the functor ({@code ~price}); anything that is not a
 * term Vigil knows (an expression left unsolved, a map, a plan, an arbitrary Java object, null) becomes a
 * string holding its text. Never throws. Stateless and thread-safe.
 */
public final class JasonTerms {

    /** Deeper nesting than this is kept as text: content from agents is not trusted to be small. */
    private static final int MAX_DEPTH = 64;
    /** Items of a list (arguments of a structure) kept; the rest is summarised in one string item. */
    static final int MAX_ITEMS = 10_000;
    /** Characters of a string, or of a content's text, kept; the rest is summarised. */
    static final int MAX_TEXT = 100_000;
    /** Terms larger than this (nodes, or levels) are not read against the speaker's beliefs. */
    static final int MAX_NODES = 10_000;

    private JasonTerms() {
    }

    /** The content of a message or an action, whatever object it is. */
    static Term of(Object content) {
        if (content instanceof jason.asSyntax.Term t) {
            try {
                return convert(t, 0);
            } catch (RuntimeException | StackOverflowError e) {
                return Term.string(text(t));
            }
        }
        return Term.string(text(content));
    }

    /**
     * The text Jason would print for the content; for content whose text cannot be had (its {@code toString}
     * throws, returns null, or recurses past the stack, as Jason's does on a term nested deep enough), the
     * class name and why. Catching the stack overflow is safe here: it unwinds only this call's own frames.
     */
    static String text(Object content) {
        if (content == null) {
            return "";
        }
        try {
            String s = content.toString();
            return s == null ? content.getClass().getName() + " (no text)" : cut(s);
        } catch (RuntimeException | StackOverflowError e) {
            return content.getClass().getName() + " (its text could not be read: "
                    + (e instanceof StackOverflowError ? "nested too deep" : e.getClass().getSimpleName()) + ")";
        }
    }

    /**
     * The Jason term for one of Vigil's: structures become literals ({@code ~f} a strongly negated one),
     * numbers, strings, lists and variables their Jason kinds. Used for the beliefs and messages sanctions give
     * agents, and by the agents' {@code vigil.*} internal actions.
     */
    public static jason.asSyntax.Term toJason(Term t) {
        return switch (t.kind()) {
            case NUMBER -> ASSyntax.createNumber(Double.parseDouble(t.functor()));
            case STRING -> ASSyntax.createString(t.functor());
            case VARIABLE -> ASSyntax.createVar(t.functor());
            case LIST -> {
                ListTerm l = new ListTermImpl();
                for (Term item : t.args()) {
                    l.append(toJason(item));
                }
                yield l;
            }
            case STRUCTURE -> {
                boolean negated = t.functor().startsWith("~");
                Literal l = ASSyntax.createLiteral(!negated, negated ? t.functor().substring(1) : t.functor());
                for (Term a : t.args()) {
                    l.addTerm(toJason(a));
                }
                for (Term a : t.annotations()) {
                    l.addAnnot(toJason(a));
                }
                yield l;
            }
        };
    }

    /** The text, cut after {@link #MAX_TEXT} characters with a note of its length. */
    static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...(" + s.length() + " characters in all)";
    }

    /**
     * Whether the term has more than {@link #MAX_NODES} nodes or is nested deeper than {@link #MAX_DEPTH},
     * counted without recursion (so never a stack overflow) and stopping as soon as it knows.
     */
    static boolean larger(jason.asSyntax.Term root) {
        java.util.ArrayDeque<jason.asSyntax.Term> todo = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        todo.push(root);
        depths.push(0);
        int nodes = 0;
        while (!todo.isEmpty()) {
            jason.asSyntax.Term t = todo.pop();
            int d = depths.pop();
            if (++nodes > MAX_NODES || d > MAX_DEPTH) {
                return true;
            }
            if (t.isList()) {
                for (jason.asSyntax.Term item : (ListTerm) t) {
                    todo.push(item);
                    depths.push(d + 1);
                    if (todo.size() > MAX_NODES) {
                        return true;
                    }
                }
            } else if (t.isLiteral()) {
                Literal l = (Literal) t;
                for (int i = 0; i < l.getArity(); i++) {
                    todo.push(l.getTerm(i));
                    depths.push(d + 1);
                }
                if (l.hasAnnot()) {
                    for (jason.asSyntax.Term a : l.getAnnots()) {
                        todo.push(a);
                        depths.push(d + 1);
                    }
                }
                if (todo.size() > MAX_NODES) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Term convert(jason.asSyntax.Term t, int depth) {
        if (depth > MAX_DEPTH) {
            return Term.string(text(t));
        }
        if (t.isVar()) {
            return Term.variable(t.toString());
        }
        if (t.isString()) {
            return Term.string(cut(((StringTerm) t).getString()));
        }
        if (t.isNumeric()) {
            try {
                return Term.num(((NumberTerm) t).solve());
            } catch (Exception e) {
                return Term.string(t.toString());
            }
        }
        if (t.isList()) {
            List<Term> items = new ArrayList<>();
            int n = 0;
            for (jason.asSyntax.Term item : (ListTerm) t) {
                if (++n <= MAX_ITEMS) {
                    items.add(convert(item, depth + 1));
                }
            }
            if (n > MAX_ITEMS) {
                items.add(Term.string("... and " + (n - MAX_ITEMS) + " more items (" + n + " in all)"));
            }
            return Term.list(items);
        }
        if (t.isLiteral() && !t.isRule() && !t.isPlanBody() && !t.isArithExpr() && !t.isInternalAction()) {
            Literal l = (Literal) t;
            String functor = l.negated() ? "~" + l.getFunctor() : l.getFunctor();
            int arity = l.getArity();
            List<Term> args = new ArrayList<>(Math.min(arity, MAX_ITEMS + 1));
            for (int i = 0; i < arity && i < MAX_ITEMS; i++) {
                args.add(convert(l.getTerm(i), depth + 1));
            }
            if (arity > MAX_ITEMS) {
                args.add(Term.string("... and " + (arity - MAX_ITEMS) + " more arguments (" + arity + " in all)"));
            }
            List<Term> annots = new ArrayList<>();
            if (l.hasAnnot()) {
                for (jason.asSyntax.Term a : l.getAnnots()) {
                    annots.add(convert(a, depth + 1));
                }
            }
            return new Term(Term.Kind.STRUCTURE, functor, args, annots);
        }
        return Term.string(text(t));
    }
}
