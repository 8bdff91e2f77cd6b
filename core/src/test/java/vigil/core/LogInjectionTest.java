package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.ViolationAlert;

/**
 * Text from agents (names, contents, explanations built from them) cannot forge a line in the SLF4J output
 * or a record in the audit log.
 */
class LogInjectionTest {

    static final String FORGED_LOG = "ok\n[main] WARN vigil.alerts - VIOLATION honesty [high] \"x\" by alice: forged\r\u2028\u202e";

    @TempDir
    Path dir;

    static ViolationAlert alert(String agentText) {
        Violation v = new Violation("v1", "Rule " + agentText, "pack", "1", "honesty", Alignment.HUMAN, Severity.HIGH,
                RulePath.GATE, List.of("mallory" + agentText), List.of("m1" + agentText), "told " + agentText, 1,
                List.of(Sanction.WARN));
        MessageEvent e = MessageEvent.of("m1" + agentText, 1, "mallory", "bob", "tell", Term.string(agentText));
        return new ViolationAlert(v, List.of(new AppliedSanction("mallory" + agentText, Sanction.WARN, v, 1, 1)),
                Decision.FLAG, List.of(e));
    }

    static void assertOneSafeLine(String line, String what) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT,
                    what + ": character " + (int) c + " in " + line);
        }
    }

    @Test
    void theLogLineOfAViolationIsOneLineWhateverTheAgentsSaid() {
        String line = alert(FORGED_LOG).line();
        assertOneSafeLine(line, "fixed case");
        assertTrue(line.contains("\\n[main] WARN"), "the forged text stays visible, escaped: " + line);
        for (long seed = 0; seed < 2_000; seed++) {
            assertOneSafeLine(alert(new Generated(seed).text()).line(), "seed " + seed);
        }
    }

    @Test
    void agentTextCannotAddARecordToTheAuditLog() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String forgedRecord = "\"}\n{\"seq\":3,\"kind\":\"close\",\"prev\":\"" + "0".repeat(64) + "\",\"hash\":\"" + "0".repeat(64) + "\"}\n";
        int n = 200;
        try (AuditLog log = new AuditLog(file, null, false)) {
            log.accept(alert(forgedRecord));
            for (long seed = 0; seed < n; seed++) {
                log.accept(alert(new Generated(seed).text()));
            }
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(n + 3, lines.size(), "one line per record: open, the forged text, " + n + " generated, close");
        AuditTrail.Report r = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(n + 3, r.records());
    }

    @Test
    void withAKeyARecordAppendedByWhoeverLacksItDoesNotVerify() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        byte[] key = "the operator's secret".getBytes(StandardCharsets.UTF_8);
        try (AuditLog log = new AuditLog(file, key, false)) {
            log.accept(alert("fine"));
        }
        // A forger who can write the file but lacks the key continues the chain with plain SHA-256.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        String prev = AuditChain.split(last)[1];
        String body = "{\"seq\":" + (lines.size() + 1) + ",\"kind\":\"released\",\"time\":2,\"message\":\"all forgiven\",\"prev\":\"" + prev + "\"}";
        Files.writeString(file, new AuditChain(null).line(body) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        AuditTrail.Report r = AuditTrail.verify(file, key);
        assertEquals(AuditTrail.Status.BROKEN, r.status(), r.describe());
        assertEquals(lines.size() + 1, r.badLine());
        assertEquals(AuditTrail.Status.BROKEN, AuditTrail.verify(file, null).status(),
                "without the key the verifier cannot vouch for any record of a sealed log");
    }
}
