package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Term;
import vigil.core.Vigil;
import vigil.core.Violation;

@ExtendWith(SharedBroker.class)
class BusSmokeTest {

    @Test
    void aCollusionJudgedByTheWatchServiceIsSanctionedInTheJvmOfItsAgents(KafkaBroker broker, @TempDir Path work) throws Exception {
        String bus = broker.bus("smoke");
        Path watchConfig = work.resolve("watch.properties");
        Files.writeString(watchConfig, "rules = " + Society.COLLUSION + "\nsinks.log = off\n");
        try (Child watch = Child.start("watch", work, List.of(), WatchMain.class.getName(), "--bus", bus, "--group", "watch-smoke",
                "--config", watchConfig.toString(), "--audit", work.resolve("watch-audit.jsonl").toString(),
                "--lateness", "500ms", "--partitions", "2", "--status", work.resolve("status.json").toString())) {
            Config config = Config.builder().bus(bus).rules(List.of(Society.COLLUSION))
                    .out(work.resolve("jvm")).logAlerts(false).build();
            try (Monitor m = Vigil.builder().config(config).start()) {
                long t = System.currentTimeMillis();
                m.judge(MessageEvent.of("m1", t, "s1", "s2", "tell", Term.struct("price", Term.atom("widget"), Term.num(15))));
                ActionEvent a1 = new ActionEvent("a1", t + 10, "s1", Term.struct("price", Term.atom("widget"), Term.num(15)));
                ActionEvent a2 = new ActionEvent("a2", t + 20, "s2", Term.struct("price", Term.atom("widget"), Term.num(15)));
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
                assertTrue(vs.get(0).agents().containsAll(List.of("s1", "s2")));
            }
        }
    }
}
