package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.cli.report.HtmlReport;
import vigil.cli.report.RunContext;

/** scenario.json read back for the report: lenient with what it does not know, plain about what it cannot read. */
class ScenarioFileTest {

    static final String SCENARIO = """
            {
              "schema": 1, "scenario": "fixture", "title": "A small fishery", "setting": "cooperative",
              "description": "Four fishers share a stock.", "seed": 7, "agents": 4, "rounds": "five",
              "misaligned": ["bob", 3, "carl"], "futureField": {"ignored": true},
              "outcome": {"name": "fish stock", "unit": "tonnes", "higherIsBetter": true,
                "series": [{"label": "sanctions on", "points": [[0, 100.0], [1, 96.5], ["x", 1]]}],
                "summary": [{"label": "sanctions on", "value": 96.5, "text": "the stock survived"}]},
              "scores": [{"rule": "commons.Harvesting above the quota", "value": "commons", "tp": 2, "fp": 0, "fn": 1,
                          "precision": 1.0, "recall": null}],
              "truth": [{"agent": "carl", "behaviour": "over-harvest", "round": 2, "time": 1732665604000,
                         "rule": "commons.Harvesting above the quota", "detected": true, "latencyMs": 0.0}]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void fieldsItDoesNotKnowOrOfTheWrongTypeAreLeftOut() throws Exception {
        Files.writeString(dir.resolve("scenario.json"), SCENARIO, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        RunContext c = new ScenarioFile().read(dir, problems);
        assertEquals(List.of(), problems);
        assertEquals("A small fishery", c.title());
        assertEquals(List.of("bob", "carl"), c.misaligned());
        assertEquals(new RunContext.Fact("rounds", "rounds", null), c.facts().get(4), "a round count that is not a number");
        assertEquals(new RunContext.Fact("misaligned", "misaligned", "bob, carl"), c.facts().get(5));
        assertEquals(2, c.outcome().series().get(0).points().size(), "the point that is not a number is left out");
        assertNull(c.scores().get(0).recall());
        assertEquals(Boolean.TRUE, c.truth().get(0).detected());
    }

    @Test
    void aFileThatCannotBeReadIsToldAndAFolderWithoutOneHasNoContext() throws Exception {
        List<String> problems = new ArrayList<>();
        assertNull(new ScenarioFile().read(dir, problems));
        assertEquals(List.of(), problems);
        Files.writeString(dir.resolve("scenario.json"), "{\"scenario\": \"x\", ");
        assertNull(new ScenarioFile().read(dir, problems));
        assertTrue(problems.get(0).startsWith("scenario.json cannot be read ("), problems.toString());
    }

    @Test
    void theReportFindsTheReaderOnTheClassPath() throws Exception {
        Files.writeString(dir.resolve("scenario.json"), SCENARIO, StandardCharsets.UTF_8);
        String page = Files.readString(HtmlReport.write(dir));
        assertTrue(page.contains("<h1>A small fishery</h1>"), "the scenario's title heads the page");
        assertTrue(page.contains("data-fact=\"scenario\"><dt>scenario</dt><dd>fixture</dd>"), "its facts are shown");
    }
}
