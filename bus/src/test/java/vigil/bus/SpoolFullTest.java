package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.ActionEvent;
import vigil.core.Config;
import vigil.core.Decision;
import vigil.core.Monitor;
import vigil.core.Term;
import vigil.core.Verdict;
import vigil.core.Vigil;

/** A bus nobody answers on: the gate keeps judging, the spool fills, and the fail mode decides, loudly. */
class SpoolFullTest {

    private static Verdict post(Monitor m, int i) {
        return m.judge(new ActionEvent("a" + i, System.currentTimeMillis(), "seller", Term.struct("price", Term.atom("widget"), Term.num(10))));
    }

    private static Config config(Path dir, Config.FailMode fail) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("none.drl"), "package none;\n");
        return Config.builder().bus("kafka://127.0.0.1:" + KafkaBroker.freePort()).busSpool(3).fail(fail).out(dir)
                .rules(List.of(rules.toString())).logAlerts(false).build();
    }

    @Test
    void failClosedWithholdsWhatTheFullSpoolCannotKeep(@TempDir Path dir) throws Exception {
        try (Monitor m = Vigil.builder().config(config(dir, Config.FailMode.CLOSED)).start()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Decision.ALLOW, post(m, i).decision());
            }
            Verdict v = post(m, 3);
            assertEquals(Decision.BLOCK, v.decision());
            assertTrue(v.reason().contains("spool is full"), v.reason());
        }
        List<String> news = Society.records(dir.resolve("audit.jsonl"), "bus").stream().map(n -> n.path("message").asText()).toList();
        assertTrue(news.stream().anyMatch(s -> s.contains("is full") && s.contains("fail = closed")), news.toString());
        assertTrue(news.stream().anyMatch(s -> s.contains("3 events stay in the spool")), news.toString());
    }

    @Test
    void failOpenLetsTheAgentsGoOnAndCountsWhatTheBusMisses(@TempDir Path dir) throws Exception {
        try (Monitor m = Vigil.builder().config(config(dir, Config.FailMode.OPEN)).start()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(Decision.ALLOW, post(m, i).decision());
            }
        }
        List<String> news = Society.records(dir.resolve("audit.jsonl"), "bus").stream().map(n -> n.path("message").asText()).toList();
        assertTrue(news.stream().anyMatch(s -> s.contains("is full") && s.contains("NOT sent to the watch service")), news.toString());
        assertTrue(news.stream().anyMatch(s -> s.contains("2 events were dropped from the bus")), news.toString());
    }

    @Test
    void eventsWaitingForAnUnreachableBusAreWrittenToTheSpoolsFileAtOnce(@TempDir Path dir) throws Exception {
        try (Monitor m = Vigil.builder().config(config(dir, Config.FailMode.OPEN)).start()) {
            assertEquals(Decision.ALLOW, post(m, 0).decision());
            Thread.sleep(500); // the sender has taken the first, and waits for the bus that is down
            assertEquals(Decision.ALLOW, post(m, 1).decision());
            assertEquals(Decision.ALLOW, post(m, 2).decision());
            Thread.sleep(500);
            String written;
            try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("spool"))) {
                written = files.filter(f -> f.getFileName().toString().endsWith(".spool")).map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).reduce("", String::concat);
            }
            assertEquals(3, written.lines().count(), "the three events are in the spool's file, not only in its buffer: " + written);
        }
    }
}
