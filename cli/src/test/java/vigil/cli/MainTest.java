package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one dispatcher: every command found through the SPI, one usage text, one table of exit codes. */
class MainTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void reportCommandWritesTheRunFoldersPage() throws Exception {
        Files.writeString(dir.resolve("trace.jsonl"), "{\"v\":1,\"type\":\"action\",\"id\":\"a1\",\"time\":5,\"agent\":\"ann\","
                + "\"action\":{\"f\":\"harvest\",\"args\":[{\"n\":\"3\"}]}}\n");
        assertEquals(0, run("report", dir.toString()), err.toString());
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("data-agent=\"ann\""), "the agent of the trace is drawn");
        assertTrue(page.contains("no audit.jsonl in this folder"));
    }

    @Test
    void toolsCommandsAreDispatchedAndListed() {
        assertEquals(0, run("help"));
        String usage = out.toString();
        for (String command : new String[] {"report RUN_DIR", "check RULES", "audit TRACE.jsonl", "verify AUDIT.jsonl"}) {
            assertTrue(usage.contains(command), command);
        }
        assertEquals(3, run("verify", dir.resolve("missing.jsonl").toString()), "verify's own exit code: unreadable");
        assertTrue(err.toString().contains("no such audit log"));
    }

    @Test
    void oneCommandsHelpIsItsPartOfTheUsageAndTheExitCodes() {
        assertEquals(0, run("check", "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: vigil check RULES..."), usage);
        assertFalse(usage.contains("audit TRACE"), "only the command asked about: " + usage);
        assertTrue(usage.contains("exit codes:\n  0  "), usage);
        assertEquals(0, run("help", "verify"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: vigil verify AUDIT.jsonl"));
    }

    @Test
    void aUsageErrorNamesTheCommandAndShowsItsUsage() {
        assertEquals(Exit.USAGE.code, run("verify", "--colour"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("vigil verify: unknown option --colour\nusage: vigil verify "),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(Exit.USAGE.code, run("audit"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("vigil audit: give the trace to replay"));
        assertEquals(Exit.USAGE.code, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: vigil COMMAND"));
    }

    /** The README's table of exit codes is the one the command line prints. */
    @Test
    void theReadmeCarriesTheExitCodeTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher row = Pattern.compile("(?m)^\\| (\\d) \\| (.+) \\|$").matcher(readme);
        List<String> documented = new java.util.ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + "  " + row.group(2).replace("`", ""));
        }
        List<String> printed = new java.util.ArrayList<>();
        for (Exit e : Exit.values()) {
            printed.add(e.code + "  " + e.meaning());
        }
        assertEquals(printed, documented);
    }
}
