package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.AuditTrail;
import vigil.core.Trace;

/**
 * A real MAS killed with SIGKILL mid-run, in a JVM of its own: what the audit log says was found is backed by
 * the trace. Every event a violation cites (a gate's, judged in an agent's thread before the watch takes the
 * event; a watch rule's, whose event the trace holds back to keep its time order) is in {@code trace.jsonl}.
 */
@Timeout(120)
class KilledMasTest {

    @TempDir
    Path dir;

    @Test
    void everyEventAViolationCitesIsInTheTraceAfterAKill() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path output = dir.resolve("child-out.txt");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), KilledMasMain.class.getName(), dir.toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int[] found = {0, 0};
            while (p.isAlive() && System.nanoTime() < deadline && (found[0] < 300 || found[1] < 300)) {
                Thread.sleep(50);
                found = violations(audit);
            }
            assertTrue(p.isAlive(), "the MAS runs until it is killed: " + Files.readString(output));
            assertTrue(found[0] >= 300 && found[1] >= 300, "gate and watch violations before the kill: " + found[0] + ", " + found[1]
                    + "; the child said: " + Files.readString(output));
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }

        List<String> cited = new ArrayList<>();
        int records = 0;
        for (String line : lines(audit)) {
            AuditTrail.Entry e = entry(line);
            if (e != null && e.kind().equals("violation")) {
                records++;
                cited.addAll(e.violation().evidence());
            }
        }
        Set<String> traced = new HashSet<>();
        for (String line : lines(dir.resolve("trace.jsonl"))) {
            try {
                traced.add(Trace.read(line).id());
            } catch (RuntimeException cut) {
                // The line the kill cut short: no violation cites it (cited events are flushed before their record).
            }
        }
        List<String> missing = cited.stream().filter(id -> !traced.contains(id)).toList();
        assertTrue(records >= 600, "violations recorded: " + records);
        assertEquals(List.of(), missing.subList(0, Math.min(10, missing.size())),
                missing.size() + " of the " + cited.size() + " events cited by " + records + " violations are not in the trace");
    }

    /** Gate and watch violations in the log so far. */
    private static int[] violations(Path audit) throws IOException {
        if (!Files.exists(audit)) {
            return new int[] {0, 0};
        }
        int gate = 0;
        int watch = 0;
        for (String line : lines(audit)) {
            if (line.contains("\"kind\":\"violation\"")) {
                if (line.contains("\"path\":\"gate\"")) {
                    gate++;
                } else if (line.contains("\"path\":\"watch\"")) {
                    watch++;
                }
            }
        }
        return new int[] {gate, watch};
    }

    /** The file's lines as far as written; a character the kill cut in half does not stop the reading. */
    private static List<String> lines(Path file) throws IOException {
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
    }

    private static AuditTrail.Entry entry(String line) {
        try {
            return AuditTrail.read(line);
        } catch (IllegalArgumentException cut) {
            return null; // the record the kill cut short
        }
    }
}
