package vigil.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random events for property tests, from a seed so a failure can be replayed: any text (every unicode
 * character, control characters, line breaks, quotes, lone surrogates), any number, terms nested a few levels
 * with annotations.
 */
public final class Generated {

    private static final String NASTY = "\n\r\t\u0000\u001b\"\\{}[],:\u2028\u2029\u00e9\u4e2d\ud83d\ude00";

    private final Random r;

    public Generated(long seed) {
        this.r = new Random(seed);
    }

    public String text() {
        int n = r.nextInt(3) == 0 ? 0 : r.nextInt(24);
        StringBuilder sb = new StringBuilder(n);
        int mode = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (mode) {
                case 0 -> sb.append((char) r.nextInt(Character.MAX_VALUE + 1));
                case 1 -> sb.append(NASTY.charAt(r.nextInt(NASTY.length())));
                default -> sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }

    String optional() {
        return r.nextInt(4) == 0 ? null : text();
    }

    double number() {
        return switch (r.nextInt(4)) {
            case 0 -> new double[] {0.0, -0.0, 1e308, -1e-308, Double.NaN, Double.POSITIVE_INFINITY, Long.MAX_VALUE}[r.nextInt(7)];
            case 1 -> r.nextInt(1000) - 500;
            default -> Double.longBitsToDouble(r.nextLong());
        };
    }

    public Term term(int depth) {
        Term t;
        int kind = depth == 0 ? r.nextInt(5) : r.nextInt(7);
        t = switch (kind) {
            case 0 -> Term.atom(text());
            case 1 -> Term.num(number());
            case 2 -> Term.string(text());
            case 3 -> Term.variable(text());
            case 4 -> Term.list(List.of());
            case 5 -> new Term(Term.Kind.STRUCTURE, text(), terms(depth - 1, 3), List.of());
            default -> Term.list(terms(depth - 1, 3));
        };
        if (depth > 0 && r.nextInt(4) == 0) {
            t = new Term(t.kind(), t.functor(), t.args(), terms(depth - 1, 2));
        }
        return t;
    }

    private List<Term> terms(int depth, int max) {
        int n = r.nextInt(max + 1);
        List<Term> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(term(depth));
        }
        return out;
    }

    public Event event() {
        return switch (r.nextInt(3)) {
            case 0 -> new MessageEvent(text(), r.nextLong(), text(), text(), text(), term(4), optional(), optional(),
                    SenderBelief.values()[r.nextInt(SenderBelief.values().length)]);
            case 1 -> new ActionEvent(text(), r.nextLong(), text(), term(4));
            default -> new ReportEvent(text(), r.nextLong(), text(), text(), optional(), optional());
        };
    }

    public int nextInt(int bound) {
        return r.nextInt(bound);
    }
}
