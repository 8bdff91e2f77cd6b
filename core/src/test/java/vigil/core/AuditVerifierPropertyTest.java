package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;
import vigil.core.AuditTrail.Report;
import vigil.core.AuditTrail.Status;

/**
 * Any single edit, removal, duplication, swap or truncation of a valid audit log is found, at the right
 * line. The logs hold generated text (control characters, line breaks, every unicode character); each case
 * is seeded and names its seed when it fails.
 */
class AuditVerifierPropertyTest {

    static final int LOGS = 40;
    static final int CASES_PER_LOG = 25;

    @TempDir
    static Path dir;

    static final List<byte[]> logs = new ArrayList<>();

    @BeforeAll
    static void writeLogs() throws Exception {
        for (int l = 0; l < LOGS; l++) {
            Generated g = new Generated(1_000 + l);
            Path file = dir.resolve("log" + l + ".jsonl");
            try (AuditLog log = new AuditLog(file, l % 2 == 0 ? null : "k".getBytes(StandardCharsets.UTF_8), false)) {
                int n = 1 + g.nextInt(12);
                for (int i = 0; i < n; i++) {
                    log.accept(new SystemAlert(SystemAlert.Kind.values()[g.nextInt(SystemAlert.Kind.values().length)], g.text(), i));
                }
            }
            logs.add(Files.readAllBytes(file));
        }
    }

    static byte[] key(int log) {
        return log % 2 == 0 ? null : "k".getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> lines(byte[] log) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                out.add(Arrays.copyOfRange(log, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    Report verify(byte[] content, int log) throws Exception {
        Path f = dir.resolve("case.jsonl");
        Files.write(f, content);
        return AuditTrail.verify(f, key(log));
    }

    @Test
    void theUntouchedLogsVerify() throws Exception {
        for (int l = 0; l < LOGS; l++) {
            Report r = verify(logs.get(l), l);
            assertEquals(Status.INTACT, r.status(), r.describe());
            assertEquals(lines(logs.get(l)).size(), r.records());
        }
    }

    @Test
    void anEditedByteIsFoundOnItsLine() throws Exception {
        for (int l = 0; l < LOGS; l++) {
            for (int c = 0; c < CASES_PER_LOG; c++) {
                Generated g = new Generated(l * 1_000L + c);
                byte[] log = logs.get(l).clone();
                int at;
                do {
                    at = g.nextInt(log.length);
                } while (log[at] == '\n');
                byte was = log[at];
                byte now;
                do {
                    now = (byte) (0x20 + g.nextInt(0x5f));
                } while (now == was);
                log[at] = now;
                long line = 1;
                for (int i = 0; i < at; i++) {
                    line += log[i] == '\n' ? 1 : 0;
                }
                Report r = verify(log, l);
                assertEquals(Status.BROKEN, r.status(), "log " + l + " case " + c + ": " + r.describe());
                assertEquals(line, r.badLine(), "log " + l + " case " + c + ": " + r.describe());
            }
        }
    }

    @Test
    void aRemovedDuplicatedOrSwappedRecordIsFoundWhereTheChainBreaks() throws Exception {
        for (int l = 0; l < LOGS; l++) {
            List<byte[]> lines = lines(logs.get(l));
            int n = lines.size();
            for (int i = 0; i < n; i++) {
                List<byte[]> removed = new ArrayList<>(lines);
                removed.remove(i);
                Report r = verify(join(removed), l);
                if (i == n - 1) {
                    assertEquals(Status.UNFINISHED, r.status(), "the close record removed: " + r.describe());
                    assertEquals(n - 1, r.records());
                } else {
                    assertEquals(Status.BROKEN, r.status(), r.describe());
                    assertEquals(i + 1, r.badLine(), "log " + l + " line " + (i + 1) + " removed: " + r.describe());
                }
                List<byte[]> duplicated = new ArrayList<>(lines);
                duplicated.add(i + 1, lines.get(i));
                r = verify(join(duplicated), l);
                assertEquals(Status.BROKEN, r.status(), r.describe());
                assertEquals(i + 2, r.badLine(), "log " + l + " line " + (i + 1) + " replayed: " + r.describe());
                if (i + 1 < n) {
                    List<byte[]> swapped = new ArrayList<>(lines);
                    swapped.set(i, lines.get(i + 1));
                    swapped.set(i + 1, lines.get(i));
                    r = verify(join(swapped), l);
                    assertEquals(Status.BROKEN, r.status(), r.describe());
                    assertEquals(i + 1, r.badLine(), "log " + l + " lines " + (i + 1) + "/" + (i + 2) + " swapped: " + r.describe());
                }
            }
        }
    }

    @Test
    void aTruncationAnywhereSaysWhereTheCompleteRecordsEnd() throws Exception {
        for (int l = 0; l < LOGS; l++) {
            byte[] full = logs.get(l);
            for (int c = 0; c < CASES_PER_LOG; c++) {
                int at = 1 + new Generated(l * 1_000L + c).nextInt(full.length - 1);
                byte[] cut = Arrays.copyOf(full, at);
                long complete = 0;
                for (byte b : cut) {
                    complete += b == '\n' ? 1 : 0;
                }
                Report r = verify(cut, l);
                String what = "log " + l + " cut at byte " + at + ": " + r.describe();
                if (at == full.length - 1) {
                    assertEquals(Status.INTACT, r.status(), "only the final line break is gone: " + what);
                } else if (full[at] == '\n') {
                    assertEquals(Status.UNFINISHED, r.status(), what);
                    assertEquals(complete + 1, r.records(), "the last record lost only its line break: " + what);
                    assertEquals(0, r.badLine(), what);
                } else {
                    assertEquals(Status.UNFINISHED, r.status(), what);
                    assertEquals(complete, r.records(), what);
                    assertEquals(cut[at - 1] == '\n' ? 0 : complete + 1, r.badLine(), what);
                }
            }
        }
    }
}
