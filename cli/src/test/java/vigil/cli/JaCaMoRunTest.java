package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.AuditTrail;

/**
 * A real JaCaMo application ({@code jcm/vault}: a CArtAgO artifact, a Moise organisation, agents in two
 * workspaces) under {@code vigil run app.jcm}, with JaCaMo's jars from the folder named by
 * {@code -Dvigil.jacamo.home} (CI's JaCaMo leg gives it; JaCaMo is not on Maven Central). Without that folder
 * or on a Java older than 21 the test is skipped, saying so; when the property is given, a missing folder fails.
 */
class JaCaMoRunTest {

    private static final Path APP = Path.of("src/test/resources/jcm/vault");
    private static final Pattern TROUBLE = Pattern.compile(
            "Exception|ENGINE_ERROR|did not finish its queue|SEVERE|\\[ERROR\\]|could not be created|\\tat ");

    static Path jacamo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void jaCaMo() {
        String home = System.getProperty("vigil.jacamo.home");
        Assumptions.assumeTrue(home != null && !home.isBlank(),
                "JaCaMo not tested: give its jars' folder with -Dvigil.jacamo.home=DIR (CI's JaCaMo leg does)");
        jacamo = Path.of(home);
        assertTrue(Files.isDirectory(jacamo), "-Dvigil.jacamo.home=" + home + ": no such folder");
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "JaCaMo 1.3 needs Java 21+; this is Java "
                + Runtime.version().feature());
    }

    /**
     * Run from another folder, as {@code vigil run path/to/vault.jcm}: the agents' sources, the included file
     * (found through the default asl-path {@code src/agt/inc}), the organisation's specification and the
     * artifact's class are the application's, not the working directory's, which has a clerk of its own.
     */
    @Test
    void blockedOperationsOrganisationTwoWorkspacesAndACleanStop() throws Exception {
        Path dir = copy(APP);
        Path out = dir.resolve("run");
        Path elsewhere = tmp;
        Files.createDirectories(elsewhere.resolve("src/agt"));
        Files.writeString(elsewhere.resolve("src/agt/clerk.asl"), "!go.\n+!go <- .print(\"the wrong clerk\").\n");
        Path app = elsewhere.relativize(dir);
        Run r = vigil(elsewhere, app.resolve("vault.jcm").toString(), "--jacamo", jacamo.toString(),
                "--rules", app.resolve("vault.drl").toString(), "--duration", "60s",
                "--audit", out.resolve("audit.jsonl").toString(), "--trace", out.resolve("trace.jsonl").toString());
        String o = r.output();
        assertEquals(0, r.exit(), o);
        assertTrue(o.contains("with 2 agents [auditor, clerk]"), o);
        assertFalse(o.contains("the wrong clerk"), o);
        // A CArtAgO operation judged as an action: the small one passes, the one that would empty the safe is
        // blocked, fails in the agent as an action failure, and the artifact's state is unchanged.
        assertTrue(o.contains("clerk - balance after a small withdrawal: 80"), o);
        assertTrue(o.contains("clerk - withdrawal blocked, balance still 80"), o);
        // The organisation: the role without a mandate is refused, the other adopted, the mission committed to,
        // and the goal it brings achieved.
        assertTrue(o.contains("clerk - role manager refused"), o);
        assertTrue(o.contains("clerk - role clerk adopted"), o);
        assertTrue(o.contains("clerk - committed to m_write"), o);
        assertTrue(o.contains("clerk - report written for reporting"), o);
        // A message from the office's workspace to the archive's.
        assertTrue(o.contains("auditor - report from clerk received in the archive"), o);
        assertTrue(o.contains("the MAS stopped itself"), o);
        assertTrue(o.contains("actions") && Pattern.compile("actions +\\d+ judged, 2 withheld").matcher(o).find(), o);
        assertTrue(Pattern.compile("violations +2: commons 1, conformity 1").matcher(o).find(), o);
        // A clean stop: nothing from CArtAgO, the engine or the watch.
        for (String line : o.split("\\R")) {
            assertFalse(TROUBLE.matcher(line).find(), "trouble: " + line + "\n" + o);
        }
        // The audit log sealed, within a second of the MAS's end (its last event, then the auditor's 300 ms wait).
        AuditTrail.Report audit = AuditTrail.verify(out.resolve("audit.jsonl"), null);
        assertEquals(AuditTrail.Status.INTACT, audit.status(), audit.describe());
        long lastEvent = lastTime(out.resolve("trace.jsonl"), null);
        long sealed = lastTime(out.resolve("audit.jsonl"), "close");
        assertTrue(sealed - lastEvent < 300 + 1000, "the audit was sealed " + (sealed - lastEvent) + " ms after the last event");
    }

    @Test
    void onlyTheNamedAgentsAreMonitored() throws Exception {
        Path dir = copy(APP);
        Run r = vigil(dir, "vault.jcm", "--jacamo", jacamo.toString(), "--rules", "vault.drl", "--duration", "8s",
                "--monitor", "auditor");
        String o = r.output();
        assertEquals(0, r.exit(), o);
        // The clerk is not monitored: its withdrawal goes through.
        assertTrue(o.contains("clerk - safe emptied, balance -920"), o);
        assertFalse(o.contains("withdrawal blocked"), o);
        assertTrue(Pattern.compile("violations +0").matcher(o).find(), o);
    }

    @Test
    void unknownAgentAndMissingJaCaMoAreSaidInTheUsersTerms() throws Exception {
        Path dir = copy(APP);
        Run r = vigil(dir, "vault.jcm", "--jacamo", jacamo.toString(), "--rules", "vault.drl", "--monitor", "nobody");
        assertEquals(4, r.exit(), r.output());
        assertTrue(r.output().contains("--monitor: vault.jcm declares no agent nobody (its agents: auditor, clerk)"), r.output());
        Run none = vigil(dir, "vault.jcm", "--jacamo", dir.resolve("nowhere").toString());
        assertEquals(4, none.exit(), none.output());
        assertTrue(none.output().contains("--jacamo " + dir.resolve("nowhere") + ": no such folder"), none.output());
        // A source missing from the application's folder is said with the .jcm's line, even when the working
        // directory has a file of that name.
        Files.delete(dir.resolve("src/agt/auditor.asl"));
        Files.createDirectories(tmp.resolve("src/agt"));
        Files.writeString(tmp.resolve("src/agt/auditor.asl"), "!go.\n+!go <- .print(\"the wrong auditor\").\n");
        Path jcm = tmp.relativize(dir).resolve("vault.jcm");
        Run missing = vigil(tmp, jcm.toString(), "--jacamo", jacamo.toString(), "--rules", dir.resolve("vault.drl").toString());
        assertEquals(4, missing.exit(), missing.output());
        assertTrue(missing.output().contains(jcm + ":13: agent auditor: source auditor.asl not found (looked in ["
                + dir + ", " + dir.resolve("src/agt") + ", " + dir.resolve("src/agt/inc") + "])"), missing.output());
        assertFalse(missing.output().contains("the wrong auditor"), missing.output());
    }

    /**
     * Vigil and JaCaMo on one class path, in either order, with the versions JaCaMo 1.3.0 brings of libraries
     * Vigil uses too (jackson-databind 2.9.8 beside Vigil's 2.21, antlr4 4.12 beside Drools' antlr4-runtime
     * 4.13): the application behaves the same, the rules compile, the audit log is written and verifies.
     */
    @Test
    void jaCaMosLibrariesFirstOrLastOnOneClassPath() throws Exception {
        Path extra = Path.of("target/jacamo-classpath");
        assertTrue(Files.isDirectory(extra), extra + ": the jacamo-classpath profile copies JaCaMo's library versions there");
        List<String> theirs = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(jacamo), Files.list(extra))) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> theirs.add(p.toAbsolutePath().toString()));
        }
        assertTrue(theirs.stream().anyMatch(j -> j.endsWith("jackson-databind-2.9.8.jar")), theirs.toString());
        String ours = System.getProperty("java.class.path");
        String jacamoFirst = String.join(File.pathSeparator, theirs) + File.pathSeparator + ours;
        String vigilFirst = ours + File.pathSeparator + String.join(File.pathSeparator, theirs);
        for (String cp : List.of(jacamoFirst, vigilFirst)) {
            Path dir = copy(APP);
            Path audit = dir.resolve("run/audit.jsonl");
            Run r = command(dir, cp, List.of("run", "vault.jcm", "--jacamo", jacamo.toString(), "--rules", "vault.drl",
                    "--duration", "60s", "--audit", audit.toString()));
            String o = r.output();
            String order = cp == jacamoFirst ? "JaCaMo's libraries first" : "Vigil's libraries first";
            assertEquals(0, r.exit(), order + "\n" + o);
            assertTrue(o.contains("clerk - withdrawal blocked, balance still 80"), order + "\n" + o);
            assertTrue(o.contains("auditor - report from clerk received in the archive"), order + "\n" + o);
            assertTrue(Pattern.compile("violations +2: commons 1, conformity 1").matcher(o).find(), order + "\n" + o);
            for (String line : o.split("\\R")) {
                assertFalse(TROUBLE.matcher(line).find(), order + ": " + line + "\n" + o);
            }
            Run verify = command(dir, cp, List.of("verify", audit.toString()));
            assertEquals(0, verify.exit(), order + "\n" + verify.output());
            assertTrue(verify.output().contains("intact"), order + "\n" + verify.output());
            Run check = command(dir, cp, List.of("check", "classpath"));
            assertEquals(0, check.exit(), order + ": the default packs compile\n" + check.output());
        }
    }

    private static long lastTime(Path jsonl, String kind) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long last = -1;
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if ((kind == null || kind.equals(n.path("kind").asText())) && n.has("time")) {
                last = Math.max(last, n.get("time").asLong());
            }
        }
        assertTrue(last > 0, jsonl + ": no record" + (kind == null ? "" : " of kind " + kind));
        return last;
    }

    record Run(int exit, String output) {
    }

    private Run vigil(Path dir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return command(dir, System.getProperty("java.class.path"), all);
    }

    private Run command(Path dir, String classPath, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", classPath,
                "vigil.cli.Main"));
        cmd.addAll(args);
        Path log = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
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
