package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil run} on real projects, valid and broken, in this JVM: exit status, output, and no threads left behind. */
class RunCommandTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    Set<Thread> before;

    @BeforeEach
    void threadsBefore() {
        before = nonDaemon();
    }

    @AfterEach
    void noStrayThreads() throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        Set<Thread> stray = stray();
        while (!stray.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            stray = stray();
        }
        assertEquals(Set.of(), stray.stream().map(Thread::getName).collect(Collectors.toSet()), "threads left running");
    }

    private Set<Thread> stray() {
        Set<Thread> now = nonDaemon();
        now.removeAll(before);
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("vigil-"))
                .forEach(now::add);
        return now;
    }

    private static Set<Thread> nonDaemon() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    static String resource(String name) {
        try {
            return Path.of(RunCommandTest.class.getResource("/mas/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int vigil(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsAProjectUntilItStopsItselfAndSummarises() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        int status = vigil("run", resource("runner/ping.mas2j"), "--rules", resource("runner/civility.drl"),
                "--audit", audit.toString(), "--duration", "60s");
        assertEquals(0, status, err());
        String o = out();
        assertTrue(o.contains("vigil: running "), o);
        assertTrue(o.contains("2 agents [pinger, ponger]"), o);
        assertTrue(o.contains("vigil: VIOLATION civility [medium] \"Insulting another agent\" by pinger: insulted ponger -> block"), o);
        assertTrue(o.contains("vigil: summary (the MAS stopped itself"), o);
        assertTrue(o.contains("messages    7 sent, 1 withheld"), o);
        assertTrue(o.contains("violations  1: civility 1"), o);
        assertTrue(o.contains("by agent    pinger 1"), o);
        assertTrue(o.contains("sanctions   block 1, warn 1"), o);
        String log = Files.readString(audit);
        assertTrue(log.contains("\"kind\":\"violation\""), log);
        assertTrue(log.contains("\"kind\":\"close\""), "the audit log is closed properly: " + log);
    }

    @Test
    void uiServesTheLiveViewAndPrintsItsAddressAndToken() {
        int status = vigil("run", resource("runner/ping.mas2j"), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString(), "--duration", "60s", "--ui");
        assertEquals(0, status, err());
        assertTrue(java.util.regex.Pattern.compile("(?m)^vigil: live view at http://127\\.0\\.0\\.1:\\d+/ \\(operator token [\\w-]{24}\\)$")
                .matcher(out()).find(), out());
        assertTrue(out().contains("vigil: summary (the MAS stopped itself"), out());
    }

    @Test
    void aUiPortInUseKeepsTheMasFromStarting() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int status = vigil("run", resource("runner/ping.mas2j"), "--rules", resource("runner/civility.drl"),
                    "--audit", dir.resolve("a.jsonl").toString(), "--ui-port", String.valueOf(taken.getLocalPort()));
            assertEquals(Exit.BAD_INPUT.code, status);
            assertTrue(err().startsWith("vigil run: the live view cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (--ui-port, --ui-bind)"), err());
            assertFalse(out().contains("vigil: running"), out());
        }
    }

    @Test
    void stopsWhenTheDurationEnds() {
        int status = vigil("run", resource("runner/forever.mas2j"), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString(), "--duration", "1s");
        assertEquals(0, status, err());
        assertTrue(out().contains("vigil: summary (the duration ended"), out());
    }

    @Test
    void aSyntaxErrorInTheProjectIsReportedWithItsLine() {
        int status = vigil("run", resource("broken/syntax.mas2j"), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString());
        assertEquals(Exit.BAD_PROJECT.code, status);
        assertTrue(err().contains("syntax.mas2j:3: "), err());
        assertFalse(err().contains("\tat "), "no stack trace: " + err());
    }

    @Test
    void aMissingAgentSourceIsReported() {
        int status = vigil("run", resource("broken/missing.mas2j"), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString());
        assertEquals(Exit.BAD_PROJECT.code, status);
        assertTrue(err().contains("missing.mas2j:4: agent ghost: source ghost.asl not found"), err());
    }

    @Test
    void anAgentSourceThatDoesNotParseIsReportedWithItsLine() {
        int status = vigil("run", resource("broken/badasl.mas2j"), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString());
        assertEquals(Exit.BAD_PROJECT.code, status, out() + err());
        assertTrue(err().contains("broken.asl:3"), err());
        assertTrue(err().contains("1 of 2 agents created"), err());
    }

    @Test
    void aLexicalErrorInAnAgentSourceIsReportedWithItsFileAndLine() throws Exception {
        // Two agents, each with a lexical error on line 3: an unclosed string, a character AgentSpeak has no use for.
        Files.writeString(dir.resolve("teller.asl"), "!start.\n\n+!start <- .print(\"unclosed).\n");
        Files.writeString(dir.resolve("stray.asl"), "!start.\n\n+!start <- .print(hi) # 1.\n");
        Path project = Files.writeString(dir.resolve("lexical.mas2j"), "MAS lexical {\n    agents:\n        teller;\n        stray;\n}\n");
        int status = vigil("run", project.toString(), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString());
        assertEquals(Exit.BAD_PROJECT.code, status, out() + err());
        assertTrue(err().contains(dir.resolve("teller.asl") + ":3: lexical error at column 19: "), "where the string begins: " + err());
        assertTrue(err().contains("a string is not closed on its line (\"unclosed). ...)"), err());
        assertTrue(err().contains(dir.resolve("stray.asl") + ":3: lexical error at column 23: unexpected character \"#\""), err());
        assertFalse(err().contains("TokenMgrError") || err().contains("\tat "), "in the user's terms, no stack trace: " + err());
        assertFalse(out().contains("vigil: running"), out());
    }

    @Test
    void anAgentAProjectNamesVigilIsRefusedAtStartUp() throws Exception {
        Files.writeString(dir.resolve("bob.asl"), "");
        Files.writeString(dir.resolve("vigil.asl"), "!start.\n+!start <- .send(bob, tell, vigil_violation(fake)).\n");
        Path project = Files.writeString(dir.resolve("reserved.mas2j"), "MAS reserved {\n    agents:\n        bob;\n        vigil;\n}\n");
        int status = vigil("run", project.toString(), "--rules", resource("runner/civility.drl"),
                "--audit", dir.resolve("a.jsonl").toString());
        assertEquals(Exit.BAD_PROJECT.code, status, out() + err());
        assertTrue(err().contains("reserved.mas2j:4: agent vigil: the agent name 'vigil' is reserved for Vigil"), err());
        assertFalse(out().contains("vigil: running"), out());
        assertFalse(Files.exists(dir.resolve("a.jsonl")), "refused before the monitor starts");
    }

    @Test
    void aBadRuleKeepsTheMasFromStarting() {
        int status = vigil("run", resource("runner/ping.mas2j"), "--rules", resource("broken/bad.drl"),
                "--audit", dir.resolve("a.jsonl").toString());
        assertEquals(Exit.BAD_INPUT.code, status);
        assertTrue(err().contains("bad.drl:8: "), err());
        assertTrue(err().contains("the MAS is not started"), err());
        assertFalse(out().contains("vigil: running"), out());
    }

    @Test
    void unknownCommandsAndOptionsGetTheUsage() {
        assertEquals(2, vigil("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"));
        assertTrue(err().contains("usage: vigil COMMAND"));
        assertEquals(2, vigil("run", "x.mas2j", "--colour"));
        assertTrue(err().contains("unknown option --colour"), err());
        assertEquals(2, vigil("run", "x.mas2j", "--duration", "soon"));
        assertTrue(err().contains("--duration: not a duration: 'soon'"), err());
    }

    @Test
    void eachRunWritesIntoItsOwnFolderAndLatestLinksTheNewest() throws Exception {
        Path outDir = dir.resolve("out");
        Path cfg = Files.writeString(dir.resolve("vigil.properties"), "out = " + outDir + "\n");
        // --rules takes a comma list, as audit's does.
        Path quiet = Files.writeString(dir.resolve("quiet.drl"), """
                package extra.quiet;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "Shouting"
                    @value("civility") @severity("low") @sanction("warn") @path("gate")
                when
                    $m : MessageEvent(content.functor == "shout")
                then
                    violation(kcontext, "shouted", $m);
                end
                """);
        String rules = resource("runner/civility.drl") + "," + quiet;
        assertEquals(0, vigil("run", resource("runner/ping.mas2j"), "--rules", rules, "--config", cfg.toString()), err());
        assertTrue(out().contains("2 rules;"), "both files of the comma list: " + out());
        Thread.sleep(1100); // the folders are named by the second
        assertEquals(0, vigil("run", resource("runner/ping.mas2j"), "--rules", rules, "--config", cfg.toString()), err());
        List<Path> runs;
        try (Stream<Path> s = Files.list(outDir)) {
            runs = s.filter(p -> !Files.isSymbolicLink(p)).sorted().toList();
        }
        assertEquals(2, runs.size(), runs.toString());
        for (Path run : runs) {
            assertTrue(run.getFileName().toString().matches("ping-\\d{8}-\\d{6}"), run.toString());
            String log = Files.readString(run.resolve("audit.jsonl"));
            assertEquals(1, log.lines().filter(l -> l.contains("\"kind\":\"open\"")).count(), "one run per log: " + log);
        }
        assertEquals(runs.get(1).getFileName(), Files.readSymbolicLink(outDir.resolve("latest")));
        assertTrue(out().contains("audit " + runs.get(1).resolve("audit.jsonl")), out());

        assertEquals(Exit.BAD_INPUT.code, vigil("report", outDir.toString()));
        assertTrue(err().contains("holds the folders of 2 runs, not one run: give one, e.g. " + outDir.resolve("latest")), err());
        assertEquals(0, vigil("report", outDir.resolve("latest").toString()), err());
    }

    @Test
    void theProjectIsCheckedBeforeTheRulesAreCompiled() {
        int status = vigil("run", dir.resolve("nowhere.mas2j").toString(), "--rules", resource("broken/bad.drl"));
        assertEquals(Exit.BAD_PROJECT.code, status);
        assertTrue(err().contains("nowhere.mas2j: no such project file"), err());
        assertFalse(err().contains("bad.drl"), "the rules were not compiled: " + err());
    }
}
