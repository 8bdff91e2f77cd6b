package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.cli.Main;

/**
 * docs/scenario-kit.md's worked example is the code here (org.example.well, found through the service file),
 * and the benchmark runs it without a line of Vigil's code knowing it.
 */
class ScenarioKitTest {

    static final Path DOC = Path.of("..", "docs", "scenario-kit.md");
    static final Pattern FILE = Pattern.compile("(?s)File `([^`]+)`:\\n\\n```\\w*\\n(.*?)```\\n");

    @TempDir
    Path dir;

    @Test
    void theDocsShowTheExampleAsItIs() throws Exception {
        Matcher m = FILE.matcher(Files.readString(DOC));
        Map<String, String> shown = new LinkedHashMap<>();
        while (m.find()) {
            shown.put(m.group(1), m.group(2));
        }
        assertEquals(4, shown.size(), "the environment, the scenario, the agent and the service file: " + shown.keySet());
        for (Map.Entry<String, String> e : shown.entrySet()) {
            Path file = Path.of("..").resolve(e.getKey());
            assertEquals(Files.readString(file), e.getValue(), e.getKey() + " differs from what docs/scenario-kit.md shows");
        }
    }

    @Test
    void theBenchmarkRunsAScenarioFoundOnTheClassPath() throws Exception {
        Path md = dir.resolve("well.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"scenarios", "--only", "well", "--seeds", "2", "--out", md.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String page = Files.readString(md);
        assertTrue(page.contains("## A village well (`well`, cooperative)"), page);
        assertTrue(page.contains("| The group takes more than the commons can sustain | commons |"), page);
        assertTrue(page.contains("| over-pumping | scripted | The group takes more than the commons can sustain |"), page);
        assertTrue(page.contains("well ran dry (1 = yes), mean ± CI"), page);
        assertTrue(page.contains("| sanctions on |") && page.contains("| sanctions off |"), page);
        assertTrue(page.contains("Sweep of `params.commons.sustainable`"), page);
        assertTrue(page.contains("| **8** |"), "the scenario's own value is marked: " + page);
        assertFalse(page.contains("## A shared fishery"), "--only runs only the scenario named");
        Matcher ci = Pattern.compile("\\| sanctions on \\| ([0-9.]+) ± ([0-9.]+) \\|").matcher(page);
        assertTrue(ci.find(), "two seeds give a mean and an interval: " + page);
    }
}
