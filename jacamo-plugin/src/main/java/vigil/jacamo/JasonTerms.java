package vigil.jacamo;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.Atom;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Literal;
import jason.asSyntax.LiteralImpl;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.NumberTermImpl;
import jason.asSyntax.Pred;
import jason.asSyntax.StringTerm;
import jason.asSyntax.StringTermImpl;
import jason.asSyntax.Structure;
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
            String s;
            if (content instanceof Literal l && plainAtom(l)) {
                s = l.getFunctor(); // As Jason's Atom prints itself, and as a structure of no argument prints.
            } else if (content instanceof jason.asSyntax.Term t && printed(t)) {
                StringBuilder sb = new StringBuilder(32);
                print(t, sb, 0);
                s = sb.toString();
            } else {
                s = content.toString();
            }
            return s == null ? content.getClass().getName() + " (no text)" : cut(s);
        } catch (RuntimeException | StackOverflowError e) {
            return content.getClass().getName() + " (its text could not be read: "
                    + (e instanceof StackOverflowError ? "nested too deep" : e.getClass().getSimpleName()) + ")";
        }
    }

    /** An atom of the default name space, or a literal that prints as one: a name, no argument, no annotation, no {@code ~}. */
    private static boolean plainAtom(Literal l) {
        return printed(l) && !l.isList() && l.getArity() == 0 && !l.hasAnnot() && !l.negated() && l.getNS() == Literal.DefaultNS
                && l.getFunctor() != null;
    }

    /** Whether {@link #print} writes this term's text itself rather than asking the term. */
    private static boolean printed(jason.asSyntax.Term t) {
        Class<?> c = t.getClass();
        return c == Atom.class || c == LiteralImpl.class || c == Pred.class || c == Structure.class
                || c == ListTermImpl.class || c == StringTermImpl.class || c == NumberTermImpl.class;
    }

    /**
     * Writes the text Jason's own {@code toString} gives, into one builder, where Jason builds a stream, a
     * joiner and a string per argument of a structure. Only the classes whose {@code toString} Jason 3.2 and
     * 3.3 define alike are written here, as Jason writes them; a name space, a subclass, any other term and
     * anything deeper than {@link #MAX_DEPTH} is asked for its own. So the text is Jason's character for
     * character ({@code JasonTermsTest} compares them).
     */
    private static void print(jason.asSyntax.Term t, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH || !printed(t)) {
            sb.append(t.toString());
            return;
        }
        if (t.getClass() == Atom.class) { // Every structure is an Atom in Jason: only the class itself is a name alone.
            Atom a = (Atom) t;
            if (a.getNS() == Literal.DefaultNS) {
                sb.append(a.getFunctor());
            } else {
                sb.append(a.toString());
            }
        } else if (t instanceof StringTermImpl str) {
            sb.append('"').append(str.getString()).append('"');
        } else if (t instanceof NumberTermImpl n) {
            double v = n.solve();
            long r = Math.round(v);
            sb.append(v == (double) r ? String.valueOf(r) : String.valueOf(v));
        } else if (t instanceof ListTermImpl list) {
            sb.append('[');
            ListTerm l = list;
            while (!l.isEmpty()) {
                if (l.getTerm() != null) {
                    print(l.getTerm(), sb, depth + 1);
                }
                if (l.isTail()) {
                    break;
                }
                l = l.getNext();
                if (l == null) {
                    break;
                }
                if (!l.isEmpty()) {
                    sb.append(',');
                }
            }
            if (l.isTail()) {
                sb.append('|').append(l.getTail());
            }
            sb.append(']');
        } else {
            Structure st = (Structure) t;
            if (st.getNS() != Literal.DefaultNS) {
                sb.append(t.toString());
                return;
            }
            if (st.negated()) {
                sb.append('~');
            }
            if (st.getFunctor() != null) {
                sb.append(st.getFunctor());
            }
            int arity = st.getArity();
            if (arity > 0) {
                sb.append('(');
                for (int i = 0; i < arity; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    jason.asSyntax.Term a = st.getTerm(i);
                    if (a == null) {
                        throw new NullPointerException("argument " + i + " is null");
                    }
                    print(a, sb, depth + 1);
                }
                sb.append(')');
            }
            if (st.hasAnnot()) {
                print(st.getAnnots(), sb, depth + 1);
            }
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
        if (flat(root)) {
            return false;
        }
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

    /** A literal of a few arguments that are atoms, numbers or strings, and no annotation: small, told at once. */
    private static boolean flat(jason.asSyntax.Term t) {
        if (!(t instanceof Literal l) || t.isList() || l.hasAnnot() || l.getArity() > 16) {
            return false;
        }
        for (int i = 0; i < l.getArity(); i++) {
            jason.asSyntax.Term a = l.getTerm(i);
            if (!(a.getClass() == Atom.class || a instanceof NumberTermImpl || a instanceof StringTermImpl)) {
                return false;
            }
        }
        return true;
    }

    private static Term convert(jason.asSyntax.Term t, int depth) {
        if (depth > MAX_DEPTH) {
            return Term.string(text(t));
        }
        if (t instanceof Literal a && plainAtom(a)) {
            return Term.atom(a.getFunctor());
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
