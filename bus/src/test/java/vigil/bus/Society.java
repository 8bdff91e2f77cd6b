package vigil.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the tests of the bus share: the watch service as a child, its status file, the violations of an audit log. */
final class Society {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The collusion pack alone, from the rules module: the tests of the bus need no other (and compile faster). */
    static final String COLLUSION = Path.of("..", "rules", "src", "main", "resources", "vigil", "rules", "collusion")
            .toAbsolutePath().normalize().toString();

    private Society() {
    }

    /**
     * Starts the watch service of the society at {@code bus} ({@link KafkaBroker#bus(String)}) in a child JVM,
     * in a consumer group of that society's own; its audit log and status file are in {@code work}.
     */
    static Child watch(String name, Path work, String bus, String... more) throws IOException {
        Path config = work.resolve("watch.properties");
        if (!Files.exists(config)) {
            Files.writeString(config, "rules = " + COLLUSION + "\nsinks.log = off\nout = watch-out\n");
        }
        List<String> args = new ArrayList<>(List.of("--bus", bus, "--config", config.toString(), "--audit",
                work.resolve("watch-audit.jsonl").toString(), "--status", work.resolve("status.json").toString(),
                "--lateness", "300ms", "--partitions", "3", "--silence", "3s", "--instance", "watch",
                "--group", "watch-" + Integer.toHexString(bus.hashCode())));
        args.addAll(List.of(more));
        return Child.start(name, work, List.of(), WatchMain.class.getName(), args.toArray(String[]::new));
    }

    interface Start {
        Child start() throws IOException;
    }

    /** Starts a child once the watch service has committed for the first time (it is reading the topic). */
    static Child afterWatchIsUp(Path work, Child watch, Start start) throws IOException, InterruptedException {
        awaitStatus(work, Duration.ofSeconds(60), s -> s.has("judged"), watch);
        return start.start();
    }

    /** The watch service's counts, as last committed (an empty object before the first commit). */
    static JsonNode status(Path work) {
        Path f = work.resolve("status.json");
        try {
            return Files.exists(f) ? MAPPER.readTree(Files.readString(f)) : MAPPER.createObjectNode();
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** Waits until the status satisfies {@code done}; fails with the children's output when it does not in time. */
    static JsonNode awaitStatus(Path work, Duration timeout, Predicate<JsonNode> done, Child... show) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode s = status(work);
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        StringBuilder sb = new StringBuilder("the watch service's status is " + status(work) + " after " + timeout);
        for (Child c : show) {
            sb.append("\n--- ").append(c.name()).append(" ---\n").append(c.output());
            if (c.isAlive()) {
                sb.append("\n--- threads of ").append(c.name()).append(" ---\n").append(c.threads());
            }
        }
        throw new AssertionError(sb.toString());
    }

    /** The records of an audit log of one kind ({@code violation}, {@code bus}, ...), in order. */
    static List<JsonNode> records(Path audit, String kind) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(audit)) {
            return out;
        }
        for (String line : Files.readAllLines(audit)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = MAPPER.readTree(line);
            if (kind.equals(o.path("kind").asText())) {
                out.add(o);
            }
        }
        return out;
    }

    /** The configuration of a JVM of the society at {@code bus}, in its own folder. */
    static Path jvmConfig(Path dir, String bus, String extra) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("vigil.properties");
        Files.writeString(config, "bus = " + bus + "\nrules = " + COLLUSION + "\nsinks.log = off\nout = out\n" + extra);
        return config;
    }

    /** The violations of the competition value (the pump's collusions) in an audit log. */
    static List<JsonNode> collusions(Path audit) throws IOException {
        return records(audit, "violation").stream().filter(v -> v.path("violation").path("value").asText().equals("competition")).toList();
    }

    /** How many violation records of an audit log repeat one before them (the same rule, agents and evidence). */
    static long repeats(Path audit) throws IOException {
        List<JsonNode> vs = records(audit, "violation");
        return vs.size() - vs.stream().map(v -> Wire.key(Wire.sentenced(v).violation())).distinct().count();
    }
}
