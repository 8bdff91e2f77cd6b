package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's trace is in time order, though agents' threads queue events a little out of it. */
class TraceOrderTest {

    @Test
    void eventsQueuedOutOfTimeOrderAreTracedInTimeOrder(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        Config config = Config.builder().rules(new RuleSource("h.drl", MonitorTest.HONESTY)).audit(null).trace(trace)
                .clock(Config.ClockMode.EVENTS).logAlerts(false).build();
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            for (long t : new long[] {1_000, 1_200, 1_100, 5_000, 4_990, 5_010}) {
                m.judge(new ActionEvent("a" + t, t, "alice", Term.atom("rest")));
            }
            assertTrue(m.drain(30_000));
            assertEquals(List.of(1_000L, 1_100L, 1_200L, 4_990L, 5_000L, 5_010L), times(trace), "after a drain, all in order");
            m.judge(new ActionEvent("a7000", 7_000, "alice", Term.atom("rest")));
            m.judge(new ActionEvent("a6500", 6_500, "alice", Term.atom("rest")));
        }
        assertEquals(List.of(1_000L, 1_100L, 1_200L, 4_990L, 5_000L, 5_010L, 6_500L, 7_000L), times(trace));
    }

    static List<Long> times(Path trace) throws Exception {
        return Files.readAllLines(trace).stream().map(Trace::read).map(Event::time).toList();
    }
}
