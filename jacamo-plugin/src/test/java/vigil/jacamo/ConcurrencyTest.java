package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Stats;
import vigil.core.Alert.ViolationAlert;
import vigil.core.AuditTrail;
import vigil.core.Event;
import vigil.core.Trace;
import vigil.core.MessageEvent;

/**
 * Many real Jason agents sending at once through one monitor: nothing deadlocks (every agent finishes in a
 * bounded time), no alert is lost, no message is judged twice, and no blocked message is ever delivered.
 */
class ConcurrencyTest {

    static final int AGENTS = 120;
    static final int PINGS = 20;
    static final int SECRETS = 2;

    static final String SECRET_RULE = MonitoredArchTest.rule("privacy", "Sharing a secret",
            "@value(\"privacy\") @severity(\"high\") @sanction(\"block\")",
            "MessageEvent(content.functor == \"secret\")", "\"told \" + $e.receiver() + \" a secret\"");

    static final String AGENT = """
            !start.
            +!start <- .my_name(Me); .all_names(All); .length(All, Len);
                for ( .range(N, 1, %d) ) { .random(R); I = math.floor(R * Len); .nth(I, All, To); .send(To, tell, ping(Me, N)) };
                for ( .range(N, 1, %d) ) { .random(R); I = math.floor(R * Len); .nth(I, All, To); .send(To, tell, secret(Me, N)) };
                .print("sent").
            +ping(_, N)[source(S)] <- .print("ping ", N, " from ", S).
            +secret(_, N)[source(S)] <- .print("LEAK ", N, " from ", S).
            """.formatted(PINGS, SECRETS);

    @TempDir
    Path dir;
    Mas mas;

    @AfterEach
    void stop() {
        if (mas != null) {
            mas.close();
        }
    }

    @Test
    @Timeout(300)
    void aHundredAndTwentyAgentsSendingAtOnceLoseNothingAndLeakNothing() throws Exception {
        Files.writeString(dir.resolve("a.asl"), AGENT);
        Files.writeString(dir.resolve("crowd.mas2j"), "MAS crowd {\n    agents:\n        a agentArchClass vigil.jacamo.MonitoredArch #"
                + AGENTS + ";\n}\n");
        Path trace = dir.resolve("trace.jsonl");
        mas = Mas.start(dir.resolve("crowd.mas2j"), Mas.config(dir).trace(trace).logAlerts(false), SECRET_RULE);
        long sent = (long) AGENTS * (PINGS + SECRETS);
        mas.await(() -> mas.printed.stream().filter(p -> p.endsWith(": sent")).count() == AGENTS
                && mas.printed.stream().filter(p -> p.contains(": ping ")).count() == (long) AGENTS * PINGS,
                "every agent to send everything and every ping to arrive");
        assertTrue(mas.monitor.drain(60_000));
        assertTrue(mas.monitor.flushAlerts(60_000));
        Stats s = mas.monitor.stats();
        assertEquals(sent, s.observed(), "every message judged, once");
        assertEquals((long) AGENTS * SECRETS, s.blocked());
        assertEquals(s.observed(), s.watchJudged());
        assertTrue(mas.printed.stream().noneMatch(p -> p.contains("LEAK")), "a blocked message was delivered");
        assertEquals((long) AGENTS * SECRETS, mas.alerts.stream().filter(a -> a instanceof ViolationAlert).count(),
                "one alert per blocked message, none lost");
        mas.close();
        mas = null;

        List<String> traced = Files.readAllLines(trace);
        assertEquals(sent, traced.size());
        Set<String> ids = new HashSet<>();
        Set<String> messages = new HashSet<>();
        for (String l : traced) {
            Event e = Trace.read(l);
            assertTrue(ids.add(e.id()), "judged twice: " + l);
            MessageEvent m = (MessageEvent) e;
            assertTrue(messages.add(m.sender() + " " + m.text()), "the same message judged twice: " + l);
            assertTrue(m.text().contains("(" + m.sender() + ","), "judged under its real sender: " + l);
        }
        AuditTrail.Report r = AuditTrail.verify(dir.resolve("audit.jsonl"), null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals((long) AGENTS * SECRETS, Files.readAllLines(dir.resolve("audit.jsonl")).stream()
                .filter(l -> l.contains("\"kind\":\"violation\"")).count(), "every violation in the audit log");
    }
}
