package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack parameter has its default's type: a value of another kind is refused by {@code check} and at
 * start-up, at its line, before any rule runs. (Before: {@code check} passed it, and the run raised
 * {@code ENGINE_ERROR ... 'size > abc'} on every event.)
 */
class TypedParamsTest {

    static final String SECRECY = """
            package test.secrecy;
            import vigil.core.*;
            import function vigil.core.Findings.violation;
            rule "Telling too much" @value("privacy") @severity("low") @path("gate") @params(limit = "3", window = "60s")
            when
                $e : MessageEvent(content.arity > ${limit})
            then
                violation(kcontext, "told " + $e.receiver() + " too much", $e);
            end
            """;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int vigil(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aParameterOfTheWrongTypeIsRefusedAtItsLineByCheckAndAtStartUp() throws Exception {
        Path rules = Files.writeString(dir.resolve("secrecy.drl"), SECRECY);
        Files.writeString(dir.resolve("a.asl"), "!go.\n+!go <- .send(a, tell, x(1,2,3,4)).\n");
        Path project = Files.writeString(dir.resolve("p.mas2j"), "MAS p {\n    agents:\n        a;\n}\n");
        String[][] cases = {
                {"# secrecy\nparams.secrecy.limit = abc\n", ":2: params.secrecy.limit: expected a number, got 'abc'"},
                {"params.secrecy.window = soon\n", ":1: params.secrecy.window: expected a duration (e.g. 500ms, 30s, 10m, 2h), got 'soon'"},
        };
        for (String[] c : cases) {
            Path cfg = Files.writeString(dir.resolve("vigil.properties"), c[0]);
            assertNotEquals(0, vigil("check", rules.toString(), "--config", cfg.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(cfg + c[1]), "check: " + err);
            assertNotEquals(0, vigil("run", project.toString(), "--rules", rules.toString(), "--config", cfg.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(cfg + c[1]), "run: " + err);
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("vigil: running"), "the MAS did not start");
        }
        Path good = Files.writeString(dir.resolve("vigil.properties"), "params.secrecy.limit = 10\nparams.secrecy.window = 2m\n");
        assertEquals(0, vigil("check", rules.toString(), "--config", good.toString()), err.toString(StandardCharsets.UTF_8));
    }
}
