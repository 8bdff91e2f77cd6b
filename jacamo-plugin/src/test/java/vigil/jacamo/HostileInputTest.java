package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import jason.asSyntax.ASSyntax;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.Literal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vigil.core.Trace;
import vigil.core.MessageEvent;
import vigil.core.Term;

/** What agents may put in a message, however hostile, becomes a term and a JSON line without breaking anything. */
class HostileInputTest {

    static Literal nested(int depth) {
        Literal l = ASSyntax.createAtom("core");
        for (int i = 0; i < depth; i++) {
            l = ASSyntax.createLiteral("f", l);
        }
        return l;
    }

    static void survivesTheRoundTrip(Object content) {
        Term t = JasonTerms.of(content);
        String text = JasonTerms.text(content);
        MessageEvent e = new MessageEvent("m1", 1, "mallory", "bob", "tell", t, text, null, null);
        String line = Trace.write(e);
        assertFalse(line.contains("\n") || line.contains("\r"), "one line");
        assertEquals(e, Trace.read(line));
    }

    @Test
    void aDeeplyNestedTermIsCutToTextAtADepthWithoutOverflowingTheStack() {
        for (int depth : new int[] {10, 64, 65, 1_000, 200_000}) {
            Term t = JasonTerms.of(nested(depth));
            int d = 0;
            Term at = t;
            while (at.kind() == Term.Kind.STRUCTURE && !at.args().isEmpty()) {
                at = at.args().get(0);
                d++;
            }
            assertTrue(d <= 65, "depth kept " + d);
            if (depth <= 64) {
                assertEquals(depth, d);
                assertEquals("core", at.functor());
            } else {
                assertEquals(Term.Kind.STRING, at.kind(), "the part below the limit is kept as text");
            }
            survivesTheRoundTrip(nested(depth));
        }
    }

    @Test
    void aHugeListAndAHugeStringAreBoundedAndSummarised() {
        ListTerm list = new ListTermImpl();
        ListTerm tail = list;
        for (int i = 0; i < 100_000; i++) {
            tail = tail.append(ASSyntax.createNumber(i));
        }
        Term t = JasonTerms.of(ASSyntax.createLiteral("numbers", list));
        assertEquals(JasonTerms.MAX_ITEMS + 1, t.arg(0).args().size());
        assertEquals("... and 90000 more items (100000 in all)", t.arg(0).args().get(JasonTerms.MAX_ITEMS).functor());
        String big = "x".repeat(2_000_000);
        String kept = JasonTerms.of(ASSyntax.createLiteral("blob", ASSyntax.createString(big))).arg(0).functor();
        assertEquals("x".repeat(JasonTerms.MAX_TEXT) + "...(2000000 characters in all)", kept);
        assertTrue(JasonTerms.larger(ASSyntax.createLiteral("numbers", list)));
        assertFalse(JasonTerms.larger(ASSyntax.createLiteral("price", ASSyntax.createNumber(3))));
        survivesTheRoundTrip(ASSyntax.createLiteral("numbers", list));
    }

    @Test
    void unicodeNewlinesAndControlCharactersStayExactlyAsSent() {
        String nasty = "line1\nline2\r\n\u0000\u001b[31m\u2028\"}{\"seq\":1}\ud83d\ude00 \u4e2d\u6587 \u202eevil";
        Term t = JasonTerms.of(ASSyntax.createLiteral("say", ASSyntax.createString(nasty), ASSyntax.createAtom("ok")));
        assertEquals(nasty, t.arg(0).functor());
        survivesTheRoundTrip(ASSyntax.createLiteral("say", ASSyntax.createString(nasty)));
    }

    @Test
    void javaObjectsThatAreNotTermsBecomeTextAndNeverThrow() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for you");
            }
        };
        Object overflowing = new Object() {
            @Override
            public String toString() {
                return toString();
            }
        };
        Object nullText = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
        for (Object o : new Object[] {null, 42, Map.of("k", "v"), List.of(1, 2), new byte[] {1, 2}, throwing, overflowing, nullText}) {
            Term t = JasonTerms.of(o);
            assertEquals(Term.Kind.STRING, t.kind(), String.valueOf(t));
            assertNotNull(JasonTerms.text(o));
            survivesTheRoundTrip(o);
        }
    }

    @Test
    void unparsableContentIsKeptAsText() {
        Object weird = ASSyntax.createString("price(fish, ");
        assertEquals("price(fish, ", JasonTerms.of(weird).functor());
        survivesTheRoundTrip(weird);
    }
}
