package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;
import vigil.core.AuditTrail;
import vigil.core.Config;
import vigil.core.Stats;

/**
 * The issue's load test: 200 agents flood the monitor while the rules are reloaded, and a looping gate rule
 * is dropped into the rule folder half-way. The MAS stops when asked (the test's timeout bounds it), the
 * audit log is sealed and verifies, and the counts reconcile: every event observed is judged by the watch
 * or reported as left unjudged, and traced once.
 */
class FloodTest {

    static final int AGENTS = 200;

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
    @Timeout(150)
    void twoHundredAgentsReloadsAndALoopingRuleTheMasStopsAndEveryCountReconciles() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("civility.drl"), MonitoredArchTest.rule("civility", "Insulting",
                "@value(\"civility\") @severity(\"low\") @sanction(\"block\")",
                "MessageEvent(content.functor == \"insult\")", "\"insulted \" + $e.receiver()"));
        // Each agent sends until the MAS stops: the flood is on through the reloads and the stop.
        Files.writeString(dir.resolve("a.asl"), """
                !go(1).
                +!go(I) <- .send(hub, tell, ping(I)); .send(hub, tell, loop(I)); .send(hub, tell, insult(I));
                           .wait(50); !go(I + 1).
                """);
        Files.writeString(dir.resolve("hub.asl"), "");
        Files.writeString(dir.resolve("flood.mas2j"), "MAS flood {\n agents:\n"
                + "  a agentArchClass vigil.jacamo.MonitoredArch #" + AGENTS + ";\n"
                + "  hub agentArchClass vigil.jacamo.MonitoredArch;\n}\n");
        Path trace = dir.resolve("trace.jsonl");
        mas = Mas.start(dir.resolve("flood.mas2j"), Mas.config(dir).trace(trace).rules(List.of(rules.toString()))
                .fail(Config.FailMode.OPEN).logAlerts(false));

        for (int i = 0; i < 3; i++) {
            assertTrue(mas.monitor.reload().reloaded());
        }
        Files.writeString(rules.resolve("loops.drl"), FreezeTest.looping("Loops on every loop", "gate", "loop"));
        assertTrue(mas.monitor.reload().reloaded(), "the looping rule compiles: it only loops when it runs");
        for (int i = 1; i <= 3; i++) {
            int n = i;
            mas.await(() -> engineErrors() >= n, "the looping rule to be caught in rule set " + n);
            if (i < 3) {
                assertTrue(mas.monitor.reload().reloaded(), "a reload lifts the rule's quarantine: it loops again");
            }
        }
        // Stop the MAS while it floods: what was judged and what was not must add up.
        mas.run.close();
        mas.run = null;
        Stats before = mas.monitor.stats();
        MasMonitor.shutdown();
        Stats s = mas.monitor.stats();
        assertTrue(s.observed() >= before.observed());

        String audit = Files.readString(dir.resolve("audit.jsonl"));
        AuditTrail.Report r = AuditTrail.verify(dir.resolve("audit.jsonl"), null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), "the log is sealed: " + r.describe());
        List<String> stopped = mas.alerts.stream().filter(a -> a instanceof SystemAlert sa && sa.kind() == SystemAlert.Kind.STOPPED)
                .map(a -> ((SystemAlert) a).message()).toList();
        assertEquals(1, stopped.size());
        long unjudged = s.observed() - s.watchJudged();
        assertEquals(unjudged > 0, stopped.get(0).contains(unjudged + " events left unjudged"), stopped.get(0));
        assertEquals(s.observed(), s.watchJudged() + unjudged, "events in = judged + reported unjudged");
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
        assertEquals(s.watchJudged(), Files.readAllLines(trace).size(), "every judged event traced once");
        assertTrue(audit.contains("Loops on every loop"), "the looping rule is named in an ENGINE_ERROR");
        assertEquals(3, engineErrors(), "once per set of rules it ran in (quarantined until a reload)");
        assertTrue(s.blocked() > 0, "the working rule kept blocking insults");
    }

    private long engineErrors() {
        return mas.alerts.stream().filter(a -> a instanceof SystemAlert sa && sa.kind() == SystemAlert.Kind.ENGINE_ERROR).count();
    }
}
