package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;
import vigil.core.AuditTrail;
import vigil.core.Config;

/**
 * Rules that loop must not freeze the MAS: a gate rule and a watch rule that {@code update} their event
 * without {@code no-loop}, under real Jason agents. The looping rule is named in an {@code ENGINE_ERROR},
 * quarantined until the rules are reloaded, the event is treated by the fail mode, and the rest goes on.
 */
@Timeout(90)
class FreezeTest {

    static String looping(String name, String path, String functor) {
        return "package test.loops;\n" + MonitoredArchTest.HEADER + "rule \"" + name + "\" @path(\"" + path + "\")\nwhen\n"
                + "    $e : MessageEvent(content.functor == \"" + functor + "\")\nthen\n    update($e);\nend\n";
    }

    static final String AGENTS = """
            !start.
            +!start <- for (.range(I, 1, 20)) { .send(bob, tell, ping(I)) };
                       .send(bob, tell, secret(1));
                       for (.range(I, 1, 5)) { .send(bob, tell, hello(I)) };
                       .print("done").
            """;

    @TempDir
    Path dir;
    Mas mas;

    @AfterEach
    void stop() {
        if (mas != null) {
            mas.close();
        }
    }

    private List<String> engineErrors() throws InterruptedException {
        assertTrue(mas.monitor.flushAlerts(10_000));
        return mas.alerts.stream().filter(a -> a instanceof SystemAlert s && s.kind() == SystemAlert.Kind.ENGINE_ERROR)
                .map(a -> ((SystemAlert) a).message()).toList();
    }

    private Path project() throws Exception {
        Files.writeString(dir.resolve("alice.asl"), AGENTS);
        Files.writeString(dir.resolve("bob.asl"), """
                +ping(N) <- .print("ping ", N).
                +secret(N) <- .print("LEAK").
                +hello(N) <- .print("hello ", N).
                """);
        Path p = dir.resolve("loop.mas2j");
        Files.writeString(p, "MAS loop {\n agents:\n  alice agentArchClass vigil.jacamo.MonitoredArch;\n"
                + "  bob agentArchClass vigil.jacamo.MonitoredArch;\n}\n");
        return p;
    }

    @Test
    void aLoopingGateRuleIsQuarantinedAndTheEventTreatedByTheFailMode() throws Exception {
        mas = Mas.start(project(), Mas.config(dir).fail(Config.FailMode.OPEN), looping("Pings forever", "gate", "ping"),
                EscapeTest.SECRETS);
        mas.awaitPrinted("alice: done");
        mas.await(() -> mas.printedBy("bob").size() == 25, "bob to read 20 pings and 5 hellos");
        assertTrue(mas.printedBy("bob").stream().noneMatch(l -> l.equals("LEAK")), "the working rule still blocks");
        List<String> errors = engineErrors();
        assertEquals(1, errors.size(), "the rule fails once, then is quarantined: " + errors);
        assertTrue(errors.get(0).contains("rule \"Pings forever\" went over the work one firing may take"), errors.get(0));
        assertTrue(errors.get(0).contains("the event was allowed (fail-open)"), errors.get(0));
        mas.close();
        mas = null;
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(dir.resolve("audit.jsonl"), null).status());
    }

    @Test
    void aLoopingGateRuleFailsClosedWhenTheMonitorDoes() throws Exception {
        mas = Mas.start(project(), Mas.config(dir).fail(Config.FailMode.CLOSED), looping("Pings forever", "gate", "ping"));
        mas.awaitPrinted("alice: done");
        mas.await(() -> mas.printedBy("bob").contains("hello 5"), "bob to read the hellos");
        assertFalse(mas.printedBy("bob").contains("ping 1"), "the ping the rule looped on is withheld: " + mas.printed);
        assertTrue(mas.printedBy("bob").contains("ping 2"), "the rule is quarantined, so the next pings are judged without it");
        assertEquals(1, engineErrors().size(), engineErrors().toString());
    }

    @Test
    void aLoopingWatchRuleIsQuarantinedAndTheWatchGoesOn() throws Exception {
        mas = Mas.start(project(), Mas.config(dir).trace(dir.resolve("trace.jsonl")), looping("Hellos forever", "watch", "hello"),
                EscapeTest.SECRETS);
        mas.awaitPrinted("alice: done");
        assertTrue(mas.monitor.drain(30_000), "the watch finishes its queue");
        assertTrue(mas.monitor.flushAlerts(10_000));
        List<String> errors = engineErrors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("rule \"Hellos forever\" went over"), errors.get(0));
        assertEquals(26, mas.monitor.stats().watchJudged(), "every event judged by the watch");
        mas.close();
        mas = null;
        AuditTrail.Report r = AuditTrail.verify(dir.resolve("audit.jsonl"), null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(26, Files.readAllLines(dir.resolve("trace.jsonl")).size());
    }
}
