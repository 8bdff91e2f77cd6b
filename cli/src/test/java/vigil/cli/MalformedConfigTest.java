package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil run} with a broken configuration or project file: one clear error naming the line and key, no MAS. */
class MalformedConfigTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int vigil(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path project() throws Exception {
        Files.writeString(dir.resolve("a.asl"), "!go.\n+!go <- .print(hi).\n");
        return Files.writeString(dir.resolve("p.mas2j"), "MAS p {\n    agents:\n        a;\n}\n");
    }

    @Test
    void eachBrokenConfigurationNamesItsLineAndKey() throws Exception {
        Path project = project();
        String[][] cases = {
                {"colour = blue\n", ":1: colour: unknown key"},
                {"# comment\n\nfail = sometimes\n", ":3: fail: "},
                {"watch.queue = -5\n", ":1: watch.queue: "},
                {"watch.queue = many\n", ":1: watch.queue: "},
                {"reputation.initial = 7\n", ":1: reputation.initial: "},
                {"escalation.honesty = warn; 3 in: mute\n", ":1: escalation.honesty: "},
                {"audit\n", ":1: expected 'key = value'"},
                {"\u0000\u0001\u00ff binary\n", ":1: "},
        };
        for (String[] c : cases) {
            Path cfg = Files.writeString(dir.resolve("vigil.properties"), c[0]);
            int status = vigil("run", project.toString(), "--config", cfg.toString());
            assertNotEquals(0, status, c[0]);
            assertTrue(err().contains(cfg + c[1]), c[0] + " gave: " + err());
            assertFalse(err().contains("\tat "), "no stack trace: " + err());
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("vigil: running"), "the MAS did not start");
        }
        int status = vigil("run", project.toString(), "--config", dir.resolve("none.properties").toString());
        assertNotEquals(0, status);
        assertTrue(err().contains("none.properties: no such configuration file"), err());
    }

    @Test
    void eachBrokenProjectFileNamesItsLine() throws Exception {
        project();
        Path rules = Files.writeString(dir.resolve("r.drl"), """
                package test.r;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "Never" @value("harm") @path("gate")
                when
                    $e : ActionEvent(action.functor == "never")
                then
                    violation(kcontext, "never", $e);
                end
                """);
        String[][] cases = {
                {"", "p2.mas2j"},
                {"MAS p {\n    agents:\n        a agentArchClass;\n}\n", "p2.mas2j:3"},
                {"MAS p {\n    agents:\n        a\n", "p2.mas2j:"},
                {"\u0000\u0001 garbage", "p2.mas2j:1"},
        };
        for (String[] c : cases) {
            Path p = Files.writeString(dir.resolve("p2.mas2j"), c[0]);
            int status = vigil("run", p.toString(), "--rules", rules.toString());
            assertNotEquals(0, status, c[0]);
            assertTrue(err().contains(c[1]), c[0] + " gave: " + err());
            assertFalse(err().contains("\tat "), "no stack trace: " + err());
        }
    }
}
