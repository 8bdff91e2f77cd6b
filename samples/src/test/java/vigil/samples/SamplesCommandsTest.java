package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vigil.cli.Main;

/** demo and scenarios on the command line: registered through its SPI, bad input answered in the user's terms; nothing here starts a MAS. */
class SamplesCommandsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownScenarioIsNamedWithTheKnownOnes() {
        assertEquals(2, run("demo", "fisheries"));
        assertTrue(err().contains("vigil demo: unknown scenario 'fisheries' (known: fishery, market, team, rumour, relief, well)"), err());
        assertTrue(err().contains("usage: vigil demo [SCENARIO|all]"), err());
    }

    @Test
    void badNumbersNameTheirOption() {
        assertEquals(2, run("demo", "--seed", "x"));
        assertTrue(err().contains("vigil demo: --seed: not a number: 'x'"), err());
        assertEquals(2, run("demo", "--rounds"));
        assertTrue(err().contains("vigil demo: --rounds needs a value"), err());
        assertEquals(2, run("scenarios", "--seeds", "0"));
        assertTrue(err().contains("vigil scenarios: --seeds must be at least 1"), err());
        assertEquals(2, run("scenarios", "--only", "market,fish"));
        assertTrue(err().contains("vigil scenarios: unknown scenario 'fish' (known: fishery, market, team, rumour, relief, well)"), err());
        assertEquals(2, run("demo", "--agents", "2"));
        assertTrue(err().contains("a scenario needs at least 3 agents, not 2"), err());
    }

    @Test
    void theOneUsageTextListsTheSamplesCommandsBesideTheOthers() {
        assertEquals(0, run("demo", "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: vigil demo [SCENARIO|all]"), usage);
        assertTrue(usage.contains("exit codes:"), usage);
        assertEquals(0, run("help"));
        String all = out.toString(StandardCharsets.UTF_8);
        for (String command : new String[] {"demo [SCENARIO|all]", "scenarios [--seeds N]", "run PROJECT.mas2j", "report RUN_DIR"}) {
            assertTrue(all.contains("  " + command), command + " in " + all);
        }
        assertTrue(all.indexOf("demo [") < all.indexOf("run PROJECT"), "demo comes first, as in the README");
        assertEquals(2, run("dance"));
        assertTrue(err().contains("unknown command 'dance'"), err());
    }

    @Test
    void theMisalignedCountRoundsTheShareAndKeepsAtLeastOne() {
        assertEquals(2, new Spec(8, 0.25, 1, 1).misalignedCount());
        assertEquals(1, new Spec(8, 0.01, 1, 1).misalignedCount());
        assertEquals(0, new Spec(8, 0, 1, 1).misalignedCount());
        assertThrows(IllegalArgumentException.class, () -> new Spec(8, 1.5, 1, 1));
    }
}
