package vigil.cli.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;

/**
 * The tests' {@link RunContext.Reader}, registered in the test class path's services: a folder holding
 * {@value #FILE} with the word {@code fixture} has {@link ReportFixture#CONTEXT}; any other content is told
 * as unreadable, as a real reader tells a damaged file.
 */
public final class FixtureContext implements RunContext.Reader {

    static final String FILE = "fixture-context.txt";

    @Override
    public RunContext read(Path dir, List<String> problems) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.readString(file, StandardCharsets.UTF_8).strip().equals("fixture")) {
            problems.add(FILE + " cannot be read, so the scenario's facts, outcome and scores are not shown");
            return null;
        }
        return ReportFixture.CONTEXT;
    }
}
