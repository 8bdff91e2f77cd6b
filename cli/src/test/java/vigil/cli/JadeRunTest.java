package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.AuditTrail;

/**
 * A Jason project on JADE ({@code jade/relay}: Alice and Carol in the main container, Bob in container c1) under
 * {@code vigil run}: the main container runs in the command's JVM, c1 in a JVM of its own that the command
 * starts, each with its own monitor. Messages between the two containers are judged by the gate of the
 * sender's JVM: Alice's secret is withheld in the main JVM, Bob's insult in c1's, and each JVM's audit log
 * holds its own agent's violation only. JADE's and Jason's output goes to a file, read by the assertions.
 */
class JadeRunTest {

    private static final Path APP = Path.of("src/test/resources/jade/relay");
    private static final Pattern TROUBLE = Pattern.compile(
            "Exception|ENGINE_ERROR|did not finish its queue|SEVERE|\\[ERROR\\]|could not be created|\\tat ");
    private static final Pattern PID = Pattern.compile("pid (\\d+)\\)");

    @TempDir
    Path tmp;

    @Test
    void messagesBetweenContainersAreJudgedInTheSendersJvm() throws Exception {
        Path dir = copy(APP);
        Path out = tmp.resolve("run");
        // From another folder than the project's, as a user would.
        Run r = vigil(tmp, tmp.relativize(dir).resolve("relay.mas2j").toString(), "--rules", dir.resolve("relay.drl").toString(),
                "--duration", "60s", "--audit", out.resolve("audit.jsonl").toString(), "--trace", out.resolve("trace.jsonl").toString());
        String o = r.output();
        assertEquals(0, r.exit(), o);
        // Two JVMs: the main container here, c1 in a child JVM whose lines come prefixed.
        List<String> mainLines = new ArrayList<>();
        List<String> c1Lines = new ArrayList<>();
        for (String line : o.split("\\R")) {
            (line.startsWith("[c1] ") ? c1Lines : mainLines).add(line);
        }
        String main = String.join("\n", mainLines);
        String c1 = String.join("\n", c1Lines);
        assertTrue(main.contains("with 2 agents [alice, carol]"), o);
        assertTrue(c1.contains("(JADE container c1, joined 127.0.0.1:") && c1.contains("with 1 agents [bob]"), o);
        assertNotEquals(pid(main), pid(c1), "both containers in one JVM:\n" + o);
        // The conversation crossed the containers both ways.
        assertTrue(main.contains("alice - bob says hello from c1"), o);
        assertTrue(c1.contains("bob - alice asks q1"), o);
        assertTrue(main.contains("alice - bob answered q1"), o);
        // Bob's broadcast: a copy to each agent of the other JVM, each judged by c1's gate. Alice's note to
        // Carol stays in the main container: sealed by its gate, taken as sent by Alice on arrival.
        assertTrue(main.contains("carol - bob greets me from c1"), o);
        assertTrue(main.contains("carol - alice noted n1"), o);
        assertFalse(o.contains("WITHHELD"), o);
        // Each withheld by the sender's gate: nothing of it reached the other JVM.
        assertFalse(o.contains("got the secret"), o);
        assertFalse(o.contains("bob insulted me"), o);
        assertTrue(main.contains("messages    3 sent, 1 withheld"), o);
        assertTrue(c1.contains("messages    4 sent, 1 withheld"), o);
        assertTrue(Pattern.compile("violations +1: privacy 1").matcher(main).find(), o);
        assertTrue(Pattern.compile("violations +1: civility 1").matcher(c1).find(), o);
        assertTrue(main.contains("the MAS stopped itself"), o);
        for (String line : o.split("\\R")) {
            assertFalse(TROUBLE.matcher(line).find(), "trouble: " + line + "\n" + o);
        }
        // Each JVM's own audit log, intact, with its own agent's violation only.
        assertEquals(List.of("privacy by [alice]"), violations(out.resolve("audit.jsonl")));
        assertEquals(List.of("civility by [bob]"), violations(out.resolve("audit-c1.jsonl")));
        assertTrue(Files.isRegularFile(out.resolve("trace-c1.jsonl")), "c1's trace");
    }

    @Test
    void aContainerTheProjectDoesNotNameIsSaidInTheUsersTerms() throws Exception {
        Path dir = copy(APP);
        Run r = vigil(dir, "relay.mas2j", "--rules", "relay.drl", "--jade-container", "c9", "--jade-main", "127.0.0.1:1");
        assertEquals(4, r.exit(), r.output());
        assertTrue(r.output().contains("--jade-container c9: relay.mas2j puts no agent there (its containers: c1)"), r.output());
        Run local = vigil(dir, Path.of("src/test/resources/mas/runner/ping.mas2j").toAbsolutePath().toString(),
                "--jade-container", "c1");
        assertEquals(2, local.exit(), local.output());
    }

    private static List<String> violations(Path audit) throws IOException {
        AuditTrail.Report report = AuditTrail.verify(audit, null);
        assertEquals(AuditTrail.Status.INTACT, report.status(), report.describe());
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                AuditTrail.Entry e = AuditTrail.read(line);
                if (e.violation() != null) {
                    found.add(e.violation().value() + " by " + e.violation().agents());
                }
            }
        }
        return found;
    }

    private static long pid(String text) {
        Matcher m = PID.matcher(text);
        assertTrue(m.find(), "no pid in:\n" + text);
        return Long.parseLong(m.group(1));
    }

    record Run(int exit, String output) {
    }

    private Run vigil(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp",
                System.getProperty("java.class.path"), "vigil.cli.Main", "run"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            fail("vigil run did not end within 120 s:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Path copy(Path from) throws IOException {
        Path to = Files.createTempDirectory(tmp, "app");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString().replace(File.separatorChar, '/'));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
