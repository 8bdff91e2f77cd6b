package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vigil.core.Config;

/**
 * The corpus of honest real programs ({@code src/test/resources/corpus}): each folder holds one program that
 * no one here wrote (its {@code ORIGIN} says where it comes from), run headless with every agent monitored by
 * the default packs, as {@code ./vigil run} does (a program with Java of its own built as {@code ./vigil run}
 * builds it), for the duration its {@code expected.properties} gives. Each
 * run must raise exactly the violations that file expects (honest programs: none) and send at least the
 * messages and start at least the actions it says, so that a program that stopped talking cannot pass
 * quietly. What each run saw is written to {@code target/corpus/} (a trace and an audit log per program,
 * and {@code summary.tsv}).
 */
class CorpusTest {

    private static final Path OUT = Path.of("target", "corpus");
    // Jason's examples with Java that JasonExamplesTest (cli) runs under both runners are in the corpus too:
    // that run under ./vigil run asserts their violations, so that each program runs once per build.
    private static final Map<String, PacksRun> ROWS = new TreeMap<>();

    static Path corpus() {
        try {
            return Path.of(CorpusTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHonestProgramRunsWithoutAViolation() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(corpus())) {
            programs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        assertTrue(programs.size() >= 10, "the corpus holds " + programs.size() + " programs");
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    private static void run(Path folder) throws Exception {
        String name = folder.getFileName().toString();
        assertTrue(Files.isRegularFile(folder.resolve("ORIGIN")), name + ": no ORIGIN file");
        Properties expected = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(r);
        }
        Path project = folder.resolve(expected.getProperty("project", onlyProject(folder)));
        Duration duration = Config.parseDuration(expected.getProperty("duration", "2s"));
        PacksRun r = hasJava(folder) ? PacksRun.runBuilt(project, duration, OUT.resolve(name))
                : PacksRun.run(project, duration, OUT.resolve(name));
        ROWS.put(name, r);
        assertEquals(Integer.parseInt(expected.getProperty("violations", "0")), r.violations().size(),
                name + ": violations from the default packs: " + String.join("; ", r.said()));
        long messages = Long.parseLong(expected.getProperty("messages", "0"));
        long actions = Long.parseLong(expected.getProperty("actions", "0"));
        assertTrue(r.messages() >= messages, name + ": sent " + r.messages() + " messages, expected at least " + messages);
        assertTrue(r.actions() >= actions, name + ": started " + r.actions() + " actions, expected at least " + actions);
    }

    private static boolean hasJava(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.anyMatch(p -> p.toString().endsWith(".java"));
        }
    }

    private static String onlyProject(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<String> found = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mas2j")).sorted().toList();
            if (found.size() != 1) {
                throw new IllegalStateException(folder + ": name the project in expected.properties (found " + found + ")");
            }
            return found.get(0);
        }
    }

    /** The corpus in figures, for docs/rule-packs.md: one line per program, then the totals. */
    @AfterAll
    static void writeSummary() throws IOException {
        StringBuilder sb = new StringBuilder("program\tagents\tmessages\tactions\tviolations\tby pack\n");
        long messages = 0;
        long actions = 0;
        int violations = 0;
        for (Map.Entry<String, PacksRun> e : ROWS.entrySet()) {
            PacksRun r = e.getValue();
            int n = r.violations().size();
            sb.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%s%n", e.getKey(), r.agents(), r.messages(),
                    r.actions(), n, r.byPack()));
            messages += r.messages();
            actions += r.actions();
            violations += n;
        }
        sb.append(String.format(Locale.ROOT, "total: %d programs\t\t%d\t%d\t%d%n", ROWS.size(), messages, actions, violations));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("summary.tsv"), sb.toString(), StandardCharsets.UTF_8);
    }
}
