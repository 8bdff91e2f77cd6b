package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Properties over generated events (seeded: a failure names its seed): any event, whatever text it holds,
 * comes back from its JSON line unchanged; the line is one line with no control character; a damaged line
 * is refused with a format error, never a crash.
 */
class EventJsonPropertyTest {

    static final int CASES = 2_000;

    @Test
    void everyEventSurvivesItsJsonLineAsOneLineWithoutControlCharacters() {
        for (long seed = 0; seed < CASES; seed++) {
            Event e = new Generated(seed).event();
            String line = EventJson.write(e);
            for (int i = 0; i < line.length(); i++) {
                assertTrue(line.charAt(i) >= 0x20, "seed " + seed + ": raw control character in " + line);
            }
            assertEquals(e, EventJson.read(line), "seed " + seed);
        }
    }

    @Test
    void aLineCutAnywhereIsRefusedWithAFormatError() {
        for (long seed = 0; seed < CASES; seed++) {
            Generated g = new Generated(seed);
            String line = EventJson.write(g.event());
            int cut = g.nextInt(line.length() - 1) + 1;
            String damaged = line.substring(0, cut);
            EventFormatException e = assertThrows(EventFormatException.class, () -> EventJson.read(damaged),
                    "seed " + seed + ": " + damaged);
            assertFalse(e.getMessage().isBlank());
        }
    }
}
