package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new user's walkthrough of docs/distributed.md, its commands read from the page and run as written
 * (the broker's address replaced by the test's): the fishery in one JVM, then its two halves in two JVMs
 * with one broker and the watch service. The same violation, on the same fishers, and the same catch.
 */
@ExtendWith(SharedBroker.class)
class WalkthroughTest {

    static final Path DOC = Path.of("..", "docs", "distributed.md").toAbsolutePath().normalize();
    static final Path SAMPLE = Path.of("..", "samples", "fishery").toAbsolutePath().normalize();
    static final String DOC_BUS = "kafka://127.0.0.1:9092";

    @Test
    void theFisheryAcrossTwoJvmsShowsTheSameViolationAndCatchAsInOne(KafkaBroker broker, @TempDir Path work) throws Exception {
        String bus = broker.bus("walkthrough");
        List<String> commands = commands();
        assertEquals(4, commands.size(), "the walkthrough's commands: " + commands);
        copySample(work, bus);

        // One JVM.
        try (Child one = vigil("one-jvm", work, commands.get(0), bus)) {
            assertEquals(0, one.await(Duration.ofSeconds(90)), kept(one));
            assertTrue(kept(one).contains("the sea: 110 tonnes taken"), one.output());
        }
        List<JsonNode> inOne = commons(run(work, "fishery"));

        // Two JVMs, one broker, the watch service.
        try (Child watch = vigil("watch", work, commands.get(1), bus)) {
            // The watch service is up once it has committed (its --status file is written).
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(work.resolve("watch-status.json"))) {
                assertTrue(System.nanoTime() < end && watch.isAlive(), "the watch service did not start:\n" + watch.output());
                Thread.sleep(100);
            }
            try (Child east = vigil("east", work, commands.get(2), bus); Child west = vigil("west", work, commands.get(3), bus)) {
                assertEquals(0, east.await(Duration.ofSeconds(90)), kept(east));
                assertEquals(0, west.await(Duration.ofSeconds(90)), kept(west));
                assertTrue(east.output().contains("the sea: 55 tonnes taken (east1 45, east2 10)"), east.output());
                assertTrue(west.output().contains("the sea: 55 tonnes taken (west1 45, west2 10)"), west.output());
                assertTrue(east.output().contains("violations  1"), east.output());
            }
            watch.stop(Duration.ofSeconds(30));
            kept(watch);
        }
        List<JsonNode> inWatch = commons(work.resolve("watch-audit.jsonl"));
        assertEquals(1, inOne.size(), "in one JVM: " + inOne);
        assertEquals(1, inWatch.size(), "across two: " + inWatch);
        assertEquals(List.of("east1", "west1"), agents(inOne.get(0)));
        assertEquals(agents(inOne.get(0)), agents(inWatch.get(0)), "the same fishers held responsible");
        assertEquals(rule(inOne.get(0)), rule(inWatch.get(0)));
        assertEquals(sanctions(inOne.get(0)), sanctions(inWatch.get(0)), "the same sanctions");
        assertEquals(List.of("east1: warn"), sanctions(commons(run(work, "east")).get(0)), "each JVM applies its own fishers' sanctions");
        assertEquals(List.of("west1: warn"), sanctions(commons(run(work, "west")).get(0)));
    }

    /** The walkthrough's ./vigil command lines, in order: the first sh block under its heading. */
    static List<String> commands() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int at = lines.indexOf("## Walkthrough: the fishery in one JVM, then in two");
        assertTrue(at >= 0, "docs/distributed.md has no walkthrough");
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines.subList(at, lines.size())) {
            if (l.strip().startsWith("```")) {
                if (in) {
                    break;
                }
                in = l.strip().equals("```sh");
                continue;
            }
            if (in && l.strip().startsWith("./vigil ")) {
                int comment = l.indexOf(" #");
                out.add((comment < 0 ? l : l.substring(0, comment)).strip());
            }
        }
        return out;
    }

    /** Runs one of the page's command lines, as ./vigil would, in {@code work}; the page's broker is the test's. */
    private static Child vigil(String name, Path work, String command, String bus) throws IOException {
        String[] words = command.replace(DOC_BUS, bus).substring("./vigil ".length()).split("\\s+");
        return Child.start(name, work, List.of(), "vigil.cli.Main", words);
    }

    /** Keeps what a child printed in {@code target/walkthrough/NAME.log}, where it outlives the test's folder. */
    private static String kept(Child c) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "walkthrough"));
        Files.writeString(dir.resolve(c.name() + ".log"), c.output());
        return c.output();
    }

    private static void copySample(Path work, String bus) throws IOException {
        Path to = work.resolve("samples").resolve("fishery");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Path props = to.resolve("bus.properties");
        Files.writeString(props, Files.readString(props).replace(DOC_BUS, bus));
    }

    /** The audit log of the run of {@code project} under vigil-out. */
    private static Path run(Path work, String project) throws IOException {
        try (Stream<Path> dirs = Files.list(work.resolve("vigil-out"))) {
            List<Path> found = dirs.filter(d -> d.getFileName().toString().startsWith(project + "-")).toList();
            assertEquals(1, found.size(), "runs of " + project + ": " + found);
            return found.get(0).resolve("audit.jsonl");
        }
    }

    private static List<JsonNode> commons(Path audit) throws IOException {
        return Society.records(audit, "violation").stream().filter(v -> v.path("violation").path("value").asText().equals("commons"))
                .toList();
    }

    private static List<String> agents(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.path("violation").path("agents").forEach(a -> out.add(a.asText()));
        return out.stream().sorted().toList();
    }

    private static String rule(JsonNode v) {
        return v.path("violation").path("rule").asText();
    }

    private static List<String> sanctions(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.path("sanctions").forEach(s -> out.add(s.path("agent").asText() + ": " + s.path("sanction").asText()));
        return out.stream().sorted().toList();
    }
}
