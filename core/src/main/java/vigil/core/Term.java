package vigil.core;

import java.util.List;
import java.util.Objects;

/**
 * The structured content of a message or an action, in the shape of a logic term: a functor with
 * arguments and annotations ({@code price(apple, 12)[source(bob)]}), a number, a string, a list or a
 * variable. Platform adapters translate their own terms into this one, so rules never see a platform type.
 *
 * <p>Rules read it with {@link #functor()}, {@link #arity()}, {@link #arg(int)}, {@link #number(int)} and
 * {@link #hasAnnotation(String)}; {@link #toString()} gives the AgentSpeak-like text.
 * An immutable value, safe to share between threads.
 */
public record Term(Kind kind, String functor, List<Term> args, List<Term> annotations) {

    /** What a term is. A structure of arity 0 is an atom. */
    public enum Kind { STRUCTURE, NUMBER, STRING, LIST, VARIABLE }

    private static final Term EMPTY_LIST = new Term(Kind.LIST, "[]", List.of(), List.of());

    public Term {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(functor, "functor");
        args = args == null ? List.of() : List.copyOf(args);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        if (kind == Kind.NUMBER && !wholeNumber(functor)) {
            try {
                Double.parseDouble(functor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + functor);
            }
        }
    }

    public static Term atom(String name) {
        return new Term(Kind.STRUCTURE, name, List.of(), List.of());
    }

    public static Term struct(String functor, Term... args) {
        return new Term(Kind.STRUCTURE, functor, List.of(args), List.of());
    }

    public static Term num(double value) {
        return new Term(Kind.NUMBER, formatNumber(value), List.of(), List.of());
    }

    /** An atom when the text is one ({@code honesty}), else a string ({@code "two words"}). */
    public static Term word(String text) {
        return text != null && text.matches("[a-z][A-Za-z0-9_]*") ? atom(text) : string(String.valueOf(text));
    }

    public static Term string(String value) {
        return new Term(Kind.STRING, value, List.of(), List.of());
    }

    public static Term list(List<Term> items) {
        return items.isEmpty() ? EMPTY_LIST : new Term(Kind.LIST, "[]", items, List.of());
    }

    public static Term variable(String name) {
        return new Term(Kind.VARIABLE, name, List.of(), List.of());
    }

    /** This term with the given annotations. */
    public Term annotated(Term... annots) {
        return new Term(kind, functor, args, List.of(annots));
    }

    public int arity() {
        return kind == Kind.STRUCTURE ? args.size() : 0;
    }

    public boolean isAtom() {
        return kind == Kind.STRUCTURE && args.isEmpty();
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** The i-th argument (0-based), or {@code null} when there is none, so a rule's constraint simply fails. */
    public Term arg(int i) {
        return i >= 0 && i < args.size() ? args.get(i) : null;
    }

    /** The i-th argument as a number, or {@code NaN} when it is absent or not a number. */
    public double number(int i) {
        Term a = arg(i);
        return a != null && a.kind == Kind.NUMBER ? Double.parseDouble(a.functor) : Double.NaN;
    }

    /** The value of a number term, or {@code NaN}. */
    public double numberValue() {
        return kind == Kind.NUMBER ? Double.parseDouble(functor) : Double.NaN;
    }

    /** The i-th argument's text: an atom's name, a string's value, a number's digits; {@code null} when absent. */
    public String text(int i) {
        Term a = arg(i);
        return a == null ? null : a.kind == Kind.STRUCTURE && !a.args.isEmpty() ? a.toString() : a.functor;
    }

    /** Whether an annotation with this functor is present, e.g. {@code hasAnnotation("personal")}. */
    public boolean hasAnnotation(String name) {
        for (Term a : annotations) {
            if (a.functor.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a claim is about, without what it states: this structure without its last argument, annotations
     * kept. For {@code price(apple, 3, 10)[round(3)]} it is {@code price(apple, 3)[round(3)]}: the item and its
     * qualifiers (a round, a time, an id), so two claims with equal {@code claim()} and different
     * {@link #value()} cannot both hold. {@code null} for a term without arguments. An accessor without
     * arguments, so rules can join on it.
     */
    public Term claim() {
        return kind != Kind.STRUCTURE || args.isEmpty() ? null
                : new Term(kind, functor + "/" + args.size(), args.subList(0, args.size() - 1), annotations);
    }

    /** What a claim states: the last argument ({@code 10} in {@code price(apple, 3, 10)}), or {@code null}. */
    public Term value() {
        return kind != Kind.STRUCTURE || args.isEmpty() ? null : args.get(args.size() - 1);
    }

    /** The functor and arity as {@code name/arity}, the usual way to name a predicate. */
    public String indicator() {
        return functor + "/" + arity();
    }

    /** This term with its functor replaced, keeping arguments and annotations (used by vocabulary mapping). */
    public Term withFunctor(String newFunctor) {
        return new Term(kind, newFunctor, args, annotations);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb);
        return sb.toString();
    }

    private void write(StringBuilder sb) {
        switch (kind) {
            case STRING -> {
                sb.append('"');
                for (int i = 0; i < functor.length(); i++) {
                    char c = functor.charAt(i);
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        default -> sb.append(c);
                    }
                }
                sb.append('"');
            }
            case LIST -> {
                sb.append('[');
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    args.get(i).write(sb);
                }
                sb.append(']');
            }
            case NUMBER, VARIABLE -> sb.append(functor);
            case STRUCTURE -> {
                sb.append(functor);
                if (!args.isEmpty()) {
                    sb.append('(');
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        args.get(i).write(sb);
                    }
                    sb.append(')');
                }
            }
        }
        if (!annotations.isEmpty()) {
            sb.append('[');
            for (int i = 0; i < annotations.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                annotations.get(i).write(sb);
            }
            sb.append(']');
        }
    }

    /** Whether {@code s} is a whole number as {@link #formatNumber} writes one (checked without parsing it). */
    private static boolean wholeNumber(String s) {
        int n = s.length();
        int i = n > 1 && s.charAt(0) == '-' ? 1 : 0;
        if (n == 0 || n - i > 18) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String formatNumber(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
