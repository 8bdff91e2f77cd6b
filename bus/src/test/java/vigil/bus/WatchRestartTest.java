package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.AuditTrail;

/** The watch service killed mid-run and started again: every event judged once, no violation missing or doubled. */
@ExtendWith(SharedBroker.class)
class WatchRestartTest {

    @Test
    void aWatchServiceKilledAndRestartedJudgesEveryEventOnce(KafkaBroker broker, @TempDir Path work) throws Exception {
        String bus = broker.bus("restart");
        int rounds = 400;
        Path config = Society.jvmConfig(work.resolve("jvm"), bus, "");
        try (Child watch = Society.watch("watch-1", work, bus);
             Child pump = Society.afterWatchIsUp(work, watch, () -> Child.start("pump", work.resolve("jvm"), List.of(),
                     PumpMain.class.getName(), config.toString(), "p", Integer.toString(rounds), "10"))) {
            Society.awaitStatus(work, Duration.ofSeconds(60), s -> s.path("judged").asLong() >= 300, watch, pump);
            watch.kill();
            assertTrue(pump.isAlive(), "the pump should still be sending when the watch service is killed");
            try (Child again = Society.watch("watch-2", work, bus)) {
                JsonNode s = Society.awaitStatus(work, Duration.ofSeconds(90), st -> st.path("judged").asLong() >= PumpMain.events(rounds),
                        again, pump);
                Files.createFile(work.resolve("jvm").resolve("stop"));
                assertEquals(0, pump.await(Duration.ofSeconds(60)), pump.output());
                again.stop(Duration.ofSeconds(30));
                assertEquals(PumpMain.events(rounds), s.path("judged").asLong(), "every event judged once: " + s);
                assertTrue(s.path("replayed").asLong() > 0, "the restart rebuilt its windows from the replay: " + s);
                Path audit = work.resolve("watch-audit.jsonl");
                List<JsonNode> vs = Society.collusions(audit);
                Set<String> pairs = new HashSet<>();
                for (JsonNode v : vs) {
                    pairs.add(v.path("violation").path("agents").toString());
                }
                int expected = rounds / PumpMain.COLLUSION_EVERY;
                assertEquals(expected, pairs.size(), "every collusion found, none missing: " + again.output());
                assertEquals(expected, vs.size(), "no collusion recorded twice");
                assertEquals(0, Society.repeats(audit), "no violation recorded twice");
                AuditTrail.Report report = AuditTrail.verify(work.resolve("watch-audit.jsonl"), null);
                assertTrue(report.status() != AuditTrail.Status.BROKEN, report.describe());
                assertEquals(1, report.abruptStops().size(), report.describe());
            }
        }
    }
}
