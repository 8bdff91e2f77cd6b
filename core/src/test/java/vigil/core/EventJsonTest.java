package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    static final Term RICH = Term.struct("offer",
            Term.atom("alice"),
            Term.num(12.5),
            Term.num(-3),
            Term.string("line one\nline \"two\"\t\u0000\u2028 ünïcødé 🐟"),
            Term.list(List.of(Term.atom("a"), Term.num(1), Term.list(List.of()))),
            Term.variable("X"),
            Term.struct("nested", Term.struct("deeper", Term.atom("x"))))
            .annotated(Term.atom("personal"), Term.struct("source", Term.atom("bob")));

    static void roundTrip(Event e) {
        String line = EventJson.write(e);
        assertFalse(line.contains("\n"), "one line: " + line);
        assertFalse(line.contains("\r"), "one line: " + line);
        assertEquals(e, EventJson.read(line));
    }

    @Test
    void messageRoundTripsWithEveryKindOfTerm() {
        roundTrip(new MessageEvent("m1", 1234, "alice", "bob", "tell", RICH, "original text\nwith a break", "m0",
                SenderBelief.BELIEVES_NEGATION));
        roundTrip(MessageEvent.of("m2", 0, "a", "b", "achieve", Term.atom("go")));
    }

    @Test
    void actionAndReportRoundTrip() {
        roundTrip(new ActionEvent("a1", 99, "carol", RICH));
        roundTrip(new ReportEvent("r1", 100, "dave", "fairness", "bob keeps me out\r\nFAKE LINE", "bob"));
        roundTrip(new ReportEvent("r2", 100, "dave", "harm", "", null));
    }

    @Test
    void carriesTheSchemaVersionAndType() {
        String line = EventJson.write(new ActionEvent("a1", 5, "x", Term.atom("go")));
        assertTrue(line.startsWith("{\"v\":1,\"type\":\"action\""), line);
    }

    @Test
    void badLinesSayWhatIsWrong() {
        assertEquals("not a JSON object", assertThrows(EventFormatException.class, () -> EventJson.read("[1]")).getMessage());
        assertTrue(assertThrows(EventFormatException.class, () -> EventJson.read("{oops")).getMessage().startsWith("not JSON"));
        assertEquals("missing schema version \"v\"",
                assertThrows(EventFormatException.class, () -> EventJson.read("{\"type\":\"action\"}")).getMessage());
        assertEquals("unknown event type \"percept\"", assertThrows(EventFormatException.class,
                () -> EventJson.read("{\"v\":1,\"type\":\"percept\"}")).getMessage());
        assertEquals("missing \"action\"", assertThrows(EventFormatException.class,
                () -> EventJson.read("{\"v\":1,\"type\":\"action\",\"id\":\"a\",\"time\":1,\"agent\":\"x\"}")).getMessage());
        assertTrue(assertThrows(EventFormatException.class,
                () -> EventJson.read("{\"v\":9,\"type\":\"action\"}")).getMessage().contains("newer"));
        assertEquals("\"n\" is not a number: ten", assertThrows(EventFormatException.class, () -> EventJson.read(
                "{\"v\":1,\"type\":\"action\",\"id\":\"a\",\"time\":1,\"agent\":\"x\",\"action\":{\"n\":\"ten\"}}")).getMessage());
    }

    @Test
    void termReadsLikeAgentSpeak() {
        assertEquals("offer(alice,12.5,-3,\"line one\\nline \\\"two\\\"\\t\u0000\u2028 ünïcødé 🐟\",[a,1,[]],X,nested(deeper(x)))[personal,source(bob)]",
                RICH.toString());
        assertEquals(12.5, RICH.number(1));
        assertTrue(Double.isNaN(RICH.number(0)));
        assertNull(RICH.arg(99));
        assertEquals("alice", RICH.text(0));
        assertTrue(RICH.hasAnnotation("personal"));
        assertEquals("offer/7", RICH.indicator());
    }
}
