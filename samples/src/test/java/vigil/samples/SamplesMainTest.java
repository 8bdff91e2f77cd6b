package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's answers to bad input, in the user's terms; nothing here starts a MAS. */
class SamplesMainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return SamplesMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownScenarioIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("demo", "fisheries"));
        assertEquals("unknown scenario 'fisheries' (known: fishery, market, team, rumour, relief)", e.getMessage());
    }

    @Test
    void badNumbersNameTheirOption() {
        assertEquals("--seed: not a number: 'x'",
                assertThrows(IllegalArgumentException.class, () -> run("demo", "--seed", "x")).getMessage());
        assertEquals("--rounds needs a value",
                assertThrows(IllegalArgumentException.class, () -> run("demo", "--rounds")).getMessage());
        assertEquals("scenarios: --seeds must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> run("scenarios", "--seeds", "0")).getMessage());
        assertEquals("unknown scenario 'fish' (known: fishery, market, team, rumour, relief)",
                assertThrows(IllegalArgumentException.class, () -> run("scenarios", "--only", "market,fish")).getMessage());
        assertEquals("a scenario needs at least 3 agents, not 2",
                assertThrows(IllegalArgumentException.class, () -> new Spec(2, 0.5, 3, 1)).getMessage());
    }

    @Test
    void helpAndUnknownCommands() {
        assertEquals(0, run("demo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("vigil demo [SCENARIO|all]"));
        assertEquals(2, run("dance"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'dance'"));
        assertEquals(2, run());
    }

    @Test
    void theMisalignedCountRoundsTheShareAndKeepsAtLeastOne() {
        assertEquals(2, new Spec(8, 0.25, 1, 1).misalignedCount());
        assertEquals(1, new Spec(8, 0.01, 1, 1).misalignedCount());
        assertEquals(0, new Spec(8, 0, 1, 1).misalignedCount());
        assertThrows(IllegalArgumentException.class, () -> new Spec(8, 1.5, 1, 1));
    }
}
