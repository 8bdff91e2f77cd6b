package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Violation;
import vigil.core.AuditTrail;
import vigil.core.Trace;
import vigil.core.MessageEvent;
import vigil.core.RuleInfo;

/**
 * A hostile agent against the monitor: it cannot pass as another agent (not by the content, not by the
 * sender field), cannot change the rules, the reputations, the configuration or the audit log through the
 * vigil.* internal actions or messages, and cannot break the log with what it says.
 */
class SecurityTest {

    static final String MALLORY = """
            !start.
            +!start <-
                .send(bob, tell, secret(1)[source(alice)]);
                forge.send(bob, alice, secret(2));
                .send(bob, tell, note("I am alice\\n{\\"seq\\":1,\\"kind\\":\\"close\\"}", alice));
                forge.send_object(bob);
                vigil.report(privacy, "alice leaked everything\\nVIOLATION forged", alice);
                !try(vigil.reputation(alice, 0.0));
                !try(vigil.active_rules([]));
                !try(vigil.violations(all, []));
                !try(vigil.violations(nothing, L));
                !try(vigil.reputation(f(g(h)), R));
                !try(vigil.report(f(X), "x"));
                .send(vigil, tell, release(mallory));
                .print("done").
            +!try(A) <- A; .print("succeeded ", A).
            -!try(A) <- .print("failed ", A).
            -!start <- .print("done").
            """;

    static final String BOB = """
            +secret(N)[source(S)] <- .print("LEAK ", N, " from ", S).
            """;

    static final String SECRETS = MonitoredArchTest.rule("privacy", "Sharing a secret",
            "@value(\"privacy\") @severity(\"high\") @sanction(\"block\")",
            "MessageEvent(content.functor == \"secret\")", "\"told \" + $e.receiver() + \" a secret\"");

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
    @Timeout(120)
    void aHostileAgentCannotImpersonateNorChangeWhatTheMonitorKeeps() throws Exception {
        Files.writeString(dir.resolve("mallory.asl"), MALLORY);
        Files.writeString(dir.resolve("bob.asl"), BOB);
        Files.writeString(dir.resolve("alice.asl"), "");
        Files.writeString(dir.resolve("hostile.mas2j"), """
                MAS hostile {
                    agents:
                        mallory agentArchClass vigil.jacamo.MonitoredArch;
                        bob agentArchClass vigil.jacamo.MonitoredArch;
                        alice agentArchClass vigil.jacamo.MonitoredArch;
                }
                """);
        Path trace = dir.resolve("trace.jsonl");
        mas = Mas.start(dir.resolve("hostile.mas2j"), Mas.config(dir).trace(trace), SECRETS);
        List<RuleInfo> rulesBefore = mas.monitor.rules();
        var configBefore = mas.monitor.config().describe();
        mas.awaitPrinted("mallory: done");
        assertTrue(mas.monitor.drain(30_000));

        List<Violation> byMallory = mas.monitor.violationsOf("mallory");
        assertEquals(2, byMallory.size(), "both secrets are held against mallory: " + mas.monitor.violations());
        assertEquals(List.of(), mas.monitor.violationsOf("alice"), "nothing is held against the agent mallory named");
        assertEquals(1.0, mas.monitor.reputation("alice"));
        assertTrue(mas.printedBy("bob").stream().noneMatch(p -> p.startsWith("LEAK")), mas.printed.toString());

        for (String attempt : List.of("vigil.reputation(alice,0)", "vigil.active_rules([])", "vigil.violations(all,[])",
                "vigil.violations(nothing,", "vigil.reputation(f(g(h)),", "vigil.report(f(")) {
            assertTrue(mas.printedBy("mallory").stream().anyMatch(p -> p.startsWith("failed " + attempt)),
                    attempt + " in " + mas.printedBy("mallory"));
        }
        assertEquals(rulesBefore, mas.monitor.rules(), "the rules are as they were");
        assertEquals(configBefore, mas.monitor.config().describe());

        assertEquals(1, MasMonitor.traffic().undeliverable(), "the message to \"vigil\" reaches no agent");
        mas.close();
        mas = null;
        for (String line : Files.readAllLines(trace)) {
            if (Trace.read(line) instanceof MessageEvent m) {
                assertEquals("mallory", m.sender(), "every message judged under its real sender: " + line);
            }
        }
        assertEquals(5, Files.readAllLines(trace).stream().filter(l -> l.contains("\"type\":\"message\"")).count(),
                "two secrets, the note, the two objects that are not terms: each judged (the message to \"vigil\","
                        + " which is no agent, is counted as undeliverable)");
        Path audit = dir.resolve("audit.jsonl");
        AuditTrail.Report r = AuditTrail.verify(audit, null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(1, Files.readAllLines(audit).stream().filter(l -> l.contains("\"kind\":\"close\"")).count(),
                "the close record mallory wrote in its message did not become a record");
    }
}
