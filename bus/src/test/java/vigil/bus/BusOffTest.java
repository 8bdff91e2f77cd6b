package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without {@code bus} in its configuration, a monitor stays the single-JVM one: no class of Kafka is loaded, though Kafka is on the class path. */
class BusOffTest {

    @Test
    void aMonitorWithoutABusLoadsNoKafkaClass(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("vigil.properties");
        Files.writeString(config, "rules = " + Society.COLLUSION + "\nsinks.log = off\nout = out\n");
        Files.createFile(dir.resolve("stop"));
        try (Child pump = Child.start("pump", dir, List.of("-verbose:class"), PumpMain.class.getName(), config.toString(), "q",
                "50", "0")) {
            assertEquals(0, pump.await(Duration.ofSeconds(60)), pump.output());
            String out = pump.output();
            assertTrue(out.contains("vigil.core.Monitor ") && out.contains("judged " + PumpMain.events(50)), out);
            assertFalse(out.contains("org.apache.kafka"), "a Kafka class was loaded without a bus");
            assertFalse(out.contains("vigil.bus.KafkaBus"), "the bus was loaded without a bus");
        }
    }
}
