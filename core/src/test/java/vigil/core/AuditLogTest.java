package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;

class AuditLogTest {

    @TempDir
    Path dir;

    static SystemAlert note(int i) {
        return new SystemAlert(SystemAlert.Kind.RELEASED, "record " + i, i);
    }

    @Test
    void aWriteFromAnInterruptedThreadIsRecordedAndTheLogGoesOn() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = new AuditLog(file, null, true)) {
            Thread.currentThread().interrupt();
            try {
                log.accept(note(1));
                assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is left for the caller");
            } finally {
                Thread.interrupted();
            }
            log.accept(note(2));
        }
        AuditTrail.Report r = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(4, r.records(), "open, two records, close");
    }

    @Test
    void interruptingTheWriterOverAndOverLosesNoRecord() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        int n = 3000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (AuditLog log = new AuditLog(file, null, false)) {
            Thread writer = new Thread(() -> {
                for (int i = 1; i <= n; i++) {
                    try {
                        log.accept(note(i));
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        return;
                    }
                    Thread.interrupted();
                }
            });
            writer.start();
            while (writer.isAlive()) {
                writer.interrupt();
                Thread.onSpinWait();
            }
            writer.join();
        }
        assertNull(failure.get(), () -> "a write failed: " + failure.get());
        AuditTrail.Report r = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(n + 2, r.records());
    }

    @Test
    void aRestartCutsAHalfWrittenRecordContinuesTheChainAndVerifyNamesTheCut() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog first = new AuditLog(file, null, false);
        first.accept(note(1));
        first.accept(note(2));
        // The writer dies in the middle of its fourth record: no close record, a line without its end.
        String half = "{\"seq\":4,\"kind\":\"released\",\"time\":3,\"mess";
        Files.writeString(file, half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AuditTrail.Report killed = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.UNFINISHED, killed.status(), killed.describe());
        assertEquals(3, killed.records());
        assertEquals(4, killed.badLine());
        assertTrue(killed.describe().contains(file + ":4: a half-written record"), killed.describe());

        try (AuditLog second = new AuditLog(file, null, false)) {
            second.accept(note(3));
        }
        AuditTrail.Report r = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(6, r.records(), "3 before the stop, then open, record, close");
        assertEquals(List.of(new AuditTrail.Stop(3, half.length())), r.abruptStops());
        assertTrue(r.describe().contains(file + ":3: note: the writer stopped abruptly")
                && r.describe().contains("cut off " + half.length() + " bytes"), r.describe());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(3).contains("\"kind\":\"open\"") && lines.get(3).contains("\"cut\":" + half.length()), lines.get(3));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"mess\"") || l.endsWith("mess")), "the fragment is gone");
        first.close();
    }

    @Test
    void aRestartAfterAStopBetweenRecordsContinuesWithoutCutting() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog first = new AuditLog(file, null, false);
        first.accept(note(1));
        try (AuditLog second = new AuditLog(file, null, false)) {
            second.accept(note(2));
        }
        AuditTrail.Report r = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        assertEquals(List.of(new AuditTrail.Stop(2, 0)), r.abruptStops());
        first.close();
    }

    @Test
    void aLogThatCannotBeWrittenFailsAtOnceWithTheFileNamed() {
        Path full = Path.of("/dev/full");
        assumeWritable(full);
        Exception e = assertThrows(java.io.UncheckedIOException.class, () -> new AuditLog(full, null, false));
        assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("no space"), e.getMessage());
    }

    @Test
    void aSealedLogDoesNotVerifyWithoutItsKey() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        byte[] key = "secret".getBytes(StandardCharsets.UTF_8);
        try (AuditLog log = new AuditLog(file, key, false)) {
            log.accept(note(1));
        }
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(file, key).status());
        AuditTrail.Report without = AuditTrail.verify(file, null);
        assertEquals(AuditTrail.Status.BROKEN, without.status());
        assertEquals(1, without.badLine());
        assertEquals(AuditTrail.Status.BROKEN, AuditTrail.verify(file, "other".getBytes(StandardCharsets.UTF_8)).status());
    }

    static void assumeWritable(Path p) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(p), p + " is not available here");
    }

    static void await(Process p) throws InterruptedException {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    }
}
