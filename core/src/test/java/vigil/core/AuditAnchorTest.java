package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;
import vigil.core.AuditTrail.Report;
import vigil.core.AuditTrail.Status;

/**
 * Blinding a keyed audit log without the key: cutting a whole later session off (after an earlier close
 * record), passing one byte off as a character it replaced, verifying without the key; and a resume that
 * must keep every record the verifier accepts.
 */
class AuditAnchorTest {

    static final byte[] KEY = "the operator's key".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static void session(Path log, byte[] key, String... messages) throws Exception {
        try (AuditLog a = new AuditLog(log, key, false)) {
            for (String m : messages) {
                a.accept(new SystemAlert(SystemAlert.Kind.RELEASED, m, 1));
            }
        }
    }

    /** The file cut just after its first {@code close} record. */
    private static void cutAfterFirstClose(Path log) throws Exception {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, StandardCharsets.UTF_8);
        int close = text.indexOf("\"kind\":\"close\"");
        int end = text.indexOf('\n', close) + 1;
        Files.write(log, Arrays.copyOf(all, text.substring(0, end).getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void aSessionCutOffAfterAnEarlierCloseIsFound() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        session(log, KEY, "first run");
        session(log, KEY, "second run: mallory blocked", "second run: mallory quarantined");
        assertEquals(Status.INTACT, AuditVerifier.verify(log, KEY).status());
        cutAfterFirstClose(log);

        Report r = AuditVerifier.verify(log, KEY);
        assertEquals(Status.BROKEN, r.status(), r.describe());
        assertTrue(r.describe().contains("the log ends at record 3, but its anchor audit.jsonl.anchor says record 7 was written"),
                r.describe());
    }

    @Test
    void aCutLogIsNotResumedAsIfWhole() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        session(log, KEY, "first run");
        session(log, KEY, "second run");
        cutAfterFirstClose(log);
        session(log, KEY, "third run");

        List<Path> aside = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("audit.jsonl.cut-")
                && !p.toString().endsWith(".anchor")).toList();
        assertEquals(1, aside.size(), "the cut log is kept aside, untouched");
        assertEquals(Status.BROKEN, AuditVerifier.verify(aside.get(0), KEY).status(), "and still shows the cut");
        Report fresh = AuditVerifier.verify(log, KEY);
        assertEquals(Status.INTACT, fresh.status(), fresh.describe());
        assertTrue(Files.readString(log).contains("records were cut off"), "the new chain's open record says why");
    }

    @Test
    void verifySaysWhetherALogIsKeyed() throws Exception {
        Path keyed = dir.resolve("keyed.jsonl");
        Path plain = dir.resolve("plain.jsonl");
        session(keyed, KEY, "x");
        session(plain, null, "x");
        assertTrue(AuditVerifier.verify(keyed, KEY).describe().contains(": intact, 3 records, closed cleanly, keyed"));
        assertTrue(AuditVerifier.verify(plain, null).describe().contains("not keyed"));
        Report noKey = AuditVerifier.verify(keyed, null);
        assertEquals(Status.BROKEN, noKey.status());
        assertTrue(noKey.problem().startsWith("this log is keyed"), noKey.describe());
        assertFalse(noKey.describe().contains("edited"), noKey.describe());
        Report wrongWay = AuditVerifier.verify(plain, KEY);
        assertEquals("this log is not keyed (plain SHA-256), but a key was given", wrongWay.problem());
    }

    @Test
    void aByteThatIsNotUtf8CannotStandInForTheCharacterItReplaced() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        session(log, KEY, "agent text \uFFFD here");
        byte[] all = Files.readAllBytes(log);
        byte[] replacement = "\uFFFD".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(all, replacement);
        assertTrue(at > 0);
        byte[] edited = new byte[all.length - 2];
        System.arraycopy(all, 0, edited, 0, at);
        edited[at] = (byte) 0xFF;
        System.arraycopy(all, at + 3, edited, at + 1, all.length - at - 3);
        Files.write(log, edited);
        Files.deleteIfExists(AuditAnchor.fileFor(log));

        Report r = AuditVerifier.verify(log, KEY);
        assertEquals(Status.BROKEN, r.status(), r.describe());
        assertEquals(2, r.badLine());
        assertTrue(r.problem().contains("not UTF-8"), r.problem());
    }

    @Test
    void resumingKeepsAWholeRecordThatLostItsLineBreak() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        try (AuditLog a = new AuditLog(log, KEY, false)) {
            for (int i = 0; i < 9; i++) {
                a.accept(new SystemAlert(SystemAlert.Kind.RELEASED, "record " + i, i));
            }
        }
        Files.deleteIfExists(AuditAnchor.fileFor(log));
        byte[] all = Files.readAllBytes(log);
        // Drop the close record and the line break of the record before it: its text is whole.
        String text = new String(all, StandardCharsets.UTF_8);
        int lastLine = text.lastIndexOf('\n', text.length() - 2);
        Files.write(log, Arrays.copyOf(all, lastLine));
        Report before = AuditVerifier.verify(log, KEY);
        assertEquals(10, before.records(), before.describe());

        session(log, KEY, "next run");
        Report after = AuditVerifier.verify(log, KEY);
        assertEquals(Status.INTACT, after.status(), after.describe());
        assertTrue(Files.readString(log).contains("record 8"), "the record the verifier accepted is kept");
        assertEquals(13, after.records(), "the ten records kept, and the next run's three: " + after.describe());
    }

    private static int indexOf(byte[] a, byte[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
