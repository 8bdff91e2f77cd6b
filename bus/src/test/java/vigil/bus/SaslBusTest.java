package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Term;
import vigil.core.Vigil;
import vigil.core.Violation;

/** A cluster that wants SASL: the {@code bus.kafka.*} settings reach the Kafka clients of the JVMs and of the watch service. */
@ExtendWith(SharedBroker.class)
class SaslBusTest {

    static final String SASL = "bus.kafka.security.protocol = SASL_PLAINTEXT\nbus.kafka.sasl.mechanism = PLAIN\n"
            + "bus.kafka.sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + KafkaBroker.SASL_USER + "\" password=\"" + KafkaBroker.SASL_PASSWORD + "\";\n";

    @Test
    void aSocietyOnAListenerThatWantsAPasswordWorksWithTheBusKafkaSettings(KafkaBroker broker, @TempDir Path work) throws Exception {
        String bus = broker.saslBus("sasl");
        Files.writeString(work.resolve("watch.properties"), "rules = " + Society.COLLUSION + "\nsinks.log = off\nout = watch-out\n" + SASL);
        Path config = Society.jvmConfig(work.resolve("jvm"), bus, SASL);
        try (Child watch = Society.watch("watch", work, bus)) {
            Society.awaitStatus(work, java.time.Duration.ofSeconds(60), s -> s.has("judged"), watch);
            try (Monitor m = Vigil.builder().config(Config.load(config).toBuilder().out(work.resolve("jvm/out")).build()).start()) {
                long t = System.currentTimeMillis();
                Term price = Term.struct("price", Term.atom("widget"), Term.num(15));
                m.judge(MessageEvent.of("m1", t, "s1", "s2", "tell", price));
                ActionEvent a1 = new ActionEvent("a1", t + 10, "s1", price);
                ActionEvent a2 = new ActionEvent("a2", t + 20, "s2", price);
                m.judge(a1);
                m.outcome(ActionOutcome.of(a1, t + 10, ActionOutcome.Result.DONE));
                m.judge(a2);
                m.outcome(ActionOutcome.of(a2, t + 20, ActionOutcome.Result.DONE));
                long end = System.currentTimeMillis() + 30_000;
                while (m.violationsOf("s1").isEmpty() && System.currentTimeMillis() < end) {
                    Thread.sleep(100);
                }
                List<Violation> vs = m.violationsOf("s1");
                assertEquals(1, vs.size(), "watch output:\n" + watch.output());
                assertEquals("competition", vs.get(0).value());
            }
        }
    }

    @Test
    void aNameThatIsNoKafkaPropertyIsRefusedAtStartInTheUsersTerms(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("none.drl"), "package none;\n");
        Config.Builder b = Config.builder().bus("kafka://127.0.0.1:" + KafkaBroker.freePort()).out(dir).rules(List.of(rules.toString()))
                .logAlerts(false);
        ConfigException e = assertThrows(ConfigException.class, () -> Vigil.builder().config(b.busKafka("sasl.mechanisms", "PLAIN")
                .build()).start().close());
        assertTrue(e.getMessage().startsWith("bus.kafka.sasl.mechanisms: not a property of Kafka's clients"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean bus.kafka.sasl.mechanism?"), e.getMessage());
        ConfigException own = assertThrows(ConfigException.class, () -> Vigil.builder().config(Config.builder()
                .bus("kafka://127.0.0.1:" + KafkaBroker.freePort()).out(dir).rules(List.of(rules.toString())).logAlerts(false)
                .busKafka("acks", "1").build()).start().close());
        assertTrue(own.getMessage().startsWith("bus.kafka.acks: the bus sets acks itself"), own.getMessage());
    }
}
