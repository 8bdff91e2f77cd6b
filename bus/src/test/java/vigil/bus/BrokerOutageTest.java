package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The broker stopped for a while and started again: the JVMs spool, then drain in order; no event is lost. */
@ExtendWith(SharedBroker.class)
class BrokerOutageTest {

    @Test
    void eventsJudgedWhileTheBrokerIsDownWaitInTheSpoolAndAllReachTheWatch(KafkaBroker broker, @TempDir Path work) throws Exception {
        String bus = broker.bus("outage");
        int rounds = 800;
        Path jvm = work.resolve("jvm");
        Path config = Society.jvmConfig(jvm, bus, "");
        try (Child watch = Society.watch("watch", work, bus);
             Child pump = Society.afterWatchIsUp(work, watch, () -> Child.start("pump", jvm, List.of(),
                     PumpMain.class.getName(), config.toString(), "q", Integer.toString(rounds), "10"))) {
            Society.awaitStatus(work, Duration.ofSeconds(60), s -> s.path("judged").asLong() >= 200, watch, pump);
            broker.stop();
            Thread.sleep(4000);
            assertTrue(pump.isAlive(), "the JVM goes on judging while the bus is down");
            broker.startAgain();
            JsonNode s = Society.awaitStatus(work, Duration.ofSeconds(90), st -> st.path("judged").asLong() >= PumpMain.events(rounds),
                    watch, pump);
            Files.createFile(jvm.resolve("stop"));
            assertEquals(0, pump.await(Duration.ofSeconds(60)), pump.output());
            watch.stop(Duration.ofSeconds(30));
            assertEquals(PumpMain.events(rounds), s.path("judged").asLong(), "no event lost, none judged twice: " + s);
            assertEquals(rounds / PumpMain.COLLUSION_EVERY, Society.collusions(work.resolve("watch-audit.jsonl")).size(),
                    "every collusion found once");
            assertEquals(0, Society.repeats(work.resolve("watch-audit.jsonl")), "no violation recorded twice");
            List<String> news = Society.records(jvm.resolve("out/audit.jsonl"), "bus").stream()
                    .map(n -> n.path("message").asText()).toList();
            assertTrue(news.stream().anyMatch(m -> m.contains("is unreachable") && m.contains("spool")), news.toString());
            assertTrue(news.stream().anyMatch(m -> m.contains("is back")), news.toString());
            assertTrue(news.stream().anyMatch(m -> m.contains("every event was sent")), news.toString());
        }
    }
}
