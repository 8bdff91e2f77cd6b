package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.Trace;

/**
 * The market's colluding sellers in two JVMs of real Jason agents ({@link SellersMain}: seller s1 in one, s2
 * in the other, the market scenario's own {@code seller.asl}), one broker, one watch service. Neither JVM
 * sees the collusion alone: each sees one post and one side of the talk. The watch service sees both.
 */
@ExtendWith(SharedBroker.class)
class TwoJvmMarketTest {

    static final Path SELLER = Path.of("..", "samples", "src", "main", "resources", "vigil", "samples", "market", "seller.asl")
            .toAbsolutePath().normalize();

    @Test
    void aCollusionAcrossTwoJvmsIsCaughtByTheWatchAndEachSellerIsSanctionedInItsOwnJvm(KafkaBroker broker, @TempDir Path work)
            throws Exception {
        String bus = broker.bus("market2");
        Files.writeString(work.resolve("watch.properties"), "rules = " + Society.COLLUSION + "\nsinks.log = off\nout = watch-out\n"
                + "trace = " + work.resolve("watch-trace.jsonl") + "\n");
        Path a = jvm(work, bus, "a", "s1", "s2");
        Path b = jvm(work, bus, "b", "s2", "s1");
        try (Child watch = Society.watch("watch", work, bus);
             Child ja = Society.afterWatchIsUp(work, watch, () -> sellers(a, b, "s2"));
             Child jb = sellers(b, a, "s1")) {
            await(() -> Files.exists(a.resolve("ready")) && Files.exists(b.resolve("ready")), Duration.ofSeconds(60), ja, jb);
            Files.createFile(a.resolve("round-1"));
            Files.createFile(b.resolve("round-1"));

            // Caught by the watch service; each seller warned in its own JVM, and its plan reacts to the warning.
            await(() -> ja.output().contains("warned s1") && jb.output().contains("warned s2"), Duration.ofSeconds(60), ja, jb, watch);
            List<JsonNode> found = Society.collusions(work.resolve("watch-audit.jsonl"));
            assertEquals(1, found.size(), "one collusion, found by the watch service: " + found);
            assertEquals("[\"s1\",\"s2\"]", found.get(0).path("violation").path("agents").toString());
            assertEquals(List.of("s1"), sanctioned(a), "JVM a applies the sanction on its own seller only");
            assertEquals(List.of("s2"), sanctioned(b), "JVM b applies the sanction on its own seller only");

            // Each event on the bus once, from the JVM of the agent that did it: each seller's talk, post and
            // its outcome (3 + 3); the message that arrived in the other JVM was judged there, not published again.
            JsonNode s = Society.awaitStatus(work, Duration.ofSeconds(30), st -> st.path("judged").asLong() >= 6, watch);
            Thread.sleep(1500); // a second copy, if any, would arrive within the lateness and a commit
            s = Society.status(work);
            assertEquals(6, s.path("judged").asLong(), "every event judged once: " + s);
            Map<String, Long> talk = traced(work).stream().filter(e -> e instanceof MessageEvent)
                    .collect(Collectors.groupingBy(e -> e.agent(), TreeMap::new, Collectors.counting()));
            assertEquals(Map.of("s1", 1L, "s2", 1L), talk, "each message on the bus once");

            // One JVM of agents killed: the other goes on, and the watch service records the silence.
            String lost = ":" + jb.pid() + "@";
            jb.kill();
            Files.createFile(a.resolve("round-2"));
            await(() -> ja.output().contains("posted s1 10"), Duration.ofSeconds(30), ja);
            JsonNode after = Society.awaitStatus(work, Duration.ofSeconds(30),
                    st -> st.path("judged").asLong() >= 8 && st.path("silent").toString().contains(lost), watch, ja);
            assertTrue(ja.isAlive(), "JVM a goes on");
            assertTrue(Society.records(work.resolve("watch-audit.jsonl"), "bus").stream()
                    .anyMatch(r -> r.path("message").asText().contains(lost) && r.path("message").asText().contains("went silent")),
                    "the watch service records the JVM that was killed");

            Files.createFile(a.resolve("stop"));
            assertEquals(0, ja.await(Duration.ofSeconds(60)), ja.output());
            watch.stop(Duration.ofSeconds(30));
            assertEquals(8, Society.status(work).path("judged").asLong(), "judged once each: " + after);
            assertTrue(Society.records(a.resolve("out/audit.jsonl"), "bus").stream()
                    .anyMatch(r -> r.path("message").asText().contains("every event was sent (5 events")),
                    "JVM a published its seller's 5 events and no other");
        }
    }

    private static Path jvm(Path work, String bus, String name, String seller, String partner) throws Exception {
        Path dir = work.resolve(name);
        Society.jvmConfig(dir, bus, "");
        Files.copy(SELLER, dir.resolve("seller.asl"));
        Files.writeString(dir.resolve("market.mas2j"), "MAS market_" + name + " {\n"
                + "    environment: vigil.bus.MarketFloor(\"" + seller + ":" + partner + "\")\n"
                + "    agents: " + seller + " seller.asl;\n}\n");
        return dir;
    }

    private static Child sellers(Path dir, Path peer, String remote) throws java.io.IOException {
        return Child.start("sellers-" + dir.getFileName(), dir, List.of(), SellersMain.class.getName(),
                dir.resolve("vigil.properties").toString(), dir.resolve("market.mas2j").toString(),
                peer.resolve("relay.port").toString(), remote);
    }

    /** The agents on whom a JVM's audit log records a sanction of the watch service's violation. */
    private static List<String> sanctioned(Path jvm) throws Exception {
        return Society.records(jvm.resolve("out/audit.jsonl"), "violation").stream()
                .flatMap(v -> java.util.stream.StreamSupport.stream(v.path("sanctions").spliterator(), false))
                .map(n -> n.path("agent").asText()).distinct().sorted().toList();
    }

    private static List<Event> traced(Path work) throws Exception {
        return Files.readAllLines(work.resolve("watch-trace.jsonl")).stream().filter(l -> !l.isBlank()).map(Trace::read).toList();
    }

    private static void await(BooleanSupplier done, Duration timeout, Child... show) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                StringBuilder sb = new StringBuilder("not within " + timeout);
                for (Child c : show) {
                    sb.append("\n--- ").append(c.name()).append(" ---\n").append(c.output());
                }
                throw new AssertionError(sb.toString());
            }
            Thread.sleep(100);
        }
    }
}
