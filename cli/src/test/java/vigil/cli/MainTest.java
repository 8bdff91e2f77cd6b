package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
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
}
