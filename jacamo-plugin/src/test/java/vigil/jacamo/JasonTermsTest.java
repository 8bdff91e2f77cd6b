package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Literal;
import jason.asSyntax.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text Vigil keeps of a message's content is the text Jason prints for it, character for character. */
class JasonTermsTest {

    private static final String[] WRITTEN = {
        "ready", "ping", "ns1::ready", "price(apple,12)", "price(apple, 12.5)", "~price(apple,-3)",
        "offer(\"a \\\"quoted\\\" word\", 'Quoted Atom', 1.0E20, 1e16, 0.1, -0)",
        "p(a)[source(bob),round(3)]", "~p[x]", "ns1::p(a)[b]", "[]", "[1,2,3]", "[a|T]", "[a,[b,[c|_]],\"s\"]",
        "f([], [[]], [x])", "X", "_", "p(X, _, Y)[Z]", "p(X+1, 3*2, -X)", "p(.print(x))",
        "q(\"\", \" \", \"\\n\")", "p(\"ünïcødé 中文\")", "f(g(h(i(j(k)))))", "p(ns1::q)", "p(1,2)[ns1::a]",
    };

    @Test
    void textOfParsedTermsIsJasonsOwn() throws Exception {
        for (String w : WRITTEN) {
            Term t = ASSyntax.parseTerm(w);
            assertEquals(t.toString(), JasonTerms.text(t), w);
        }
    }

    @Test
    void textOfBuiltTermsIsJasonsOwn() throws Exception {
        List<Object> terms = new ArrayList<>(List.of(
                ASSyntax.createNumber(Double.NaN), ASSyntax.createNumber(Double.POSITIVE_INFINITY),
                ASSyntax.createNumber(-0.0), ASSyntax.createNumber(Long.MAX_VALUE), ASSyntax.createNumber(1e300),
                ASSyntax.createString("tab\there \"q\" \\ back"), ASSyntax.createLiteral(false, "neg", ASSyntax.createAtom("a")),
                ASSyntax.createStructure("s", ASSyntax.createAtom("x")), ASSyntax.createList(), ASSyntax.parseRule("a :- b & c."),
                ASSyntax.createLiteral("p", ASSyntax.parseRule("a :- b."), ASSyntax.parsePlanBody("a; !b")),
                HostileInputTest.nested(63), HostileInputTest.nested(64), HostileInputTest.nested(65), HostileInputTest.nested(300)));
        ListTerm tail = ASSyntax.createList(ASSyntax.createAtom("a"));
        tail.setTail(ASSyntax.createVar("T"));
        terms.add(ASSyntax.createLiteral("p", tail));
        Random random = new Random(15);
        for (int i = 0; i < 2_000; i++) {
            terms.add(random(random, 0));
        }
        for (Object t : terms) {
            assertEquals(t.toString(), JasonTerms.text(t), String.valueOf(t));
        }
    }

    @Test
    void aNameAloneIsAnAtomAndAnythingMoreIsAStructure() throws Exception {
        assertEquals(vigil.core.Term.atom("ready"), JasonTerms.of(ASSyntax.createAtom("ready")));
        assertEquals(vigil.core.Term.atom("ready"), JasonTerms.of(ASSyntax.createLiteral("ready")));
        assertEquals(new vigil.core.Term(vigil.core.Term.Kind.STRUCTURE, "~ready", List.of(), List.of()),
                JasonTerms.of(ASSyntax.parseTerm("~ready")));
        assertEquals(vigil.core.Term.atom("ready").annotated(vigil.core.Term.atom("x")), JasonTerms.of(ASSyntax.parseTerm("ready[x]")));
        assertEquals(vigil.core.Term.atom("ready"), JasonTerms.of(ASSyntax.parseTerm("ns1::ready")), "the name space is not kept");
    }

    /** A random term: structures, negated literals, annotations, lists, numbers, strings, atoms, variables. */
    private static Term random(Random r, int depth) {
        int kind = depth > 70 ? 6 + r.nextInt(4) : r.nextInt(10);
        switch (kind) {
            case 0, 1, 2 -> {
                Literal l = ASSyntax.createLiteral(r.nextInt(5) > 0, "f" + r.nextInt(3));
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.addTerm(random(r, depth + 1 + r.nextInt(20)));
                }
                if (r.nextInt(3) == 0) {
                    l.addAnnot(random(r, depth + 1));
                }
                return l;
            }
            case 3, 4 -> {
                ListTerm l = new ListTermImpl();
                ListTerm end = l;
                for (int i = r.nextInt(4); i > 0; i--) {
                    end = end.append(random(r, depth + 1));
                }
                return l;
            }
            case 5 -> {
                return ASSyntax.createVar("V" + r.nextInt(3));
            }
            case 6 -> {
                return ASSyntax.createNumber(r.nextBoolean() ? r.nextInt(1000) - 500 : r.nextDouble() * 1e6);
            }
            case 7 -> {
                return ASSyntax.createString("s\"" + r.nextInt(9) + "\\");
            }
            default -> {
                return ASSyntax.createAtom("a" + r.nextInt(3));
            }
        }
    }
}
