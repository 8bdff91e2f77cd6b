package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;
import vigil.core.Term;

/** Yesterday's run, recorded as a trace by a live monitor, replayed with `vigil audit` under changed parameters. */
class AuditReplayTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedRunReplaysThroughThePacksAndAChangedParameterChangesTheFindings() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        try (Monitor m = Vigil.builder().config(Config.builder().trace(trace).audit(null).logAlerts(false)
                .clock(Config.ClockMode.EVENTS).param("commons.sustainable", "1000").build()).serviceSinks(false).start()) {
            for (ActionEvent a : List.of(new ActionEvent("a1", 1_000, "alice", Term.struct("harvest", Term.num(70))),
                    new ActionEvent("a2", 2_000, "bob", Term.struct("harvest", Term.num(50))))) {
                m.judge(a);
                m.outcome(ActionOutcome.of(a, a.time() + 10, ActionOutcome.Result.DONE));
            }
            m.judge(MessageEvent.of("m1", 3_000, "bob", "carol", "tell", Term.struct("price", Term.atom("fish"), Term.num(3)))
                    .withBelief(SenderBelief.BELIEVES_NEGATION));
            assertTrue(m.drain(10_000));
            assertEquals(1, m.violations().size(), "live, only the lie: " + m.violations());
        }
        assertEquals(5, Files.readAllLines(trace).size(), "two attempts, their outcomes and the message");

        Run live = audit(trace, "sustainable = 1000");
        assertEquals(1, live.code, live.err);
        assertTrue(live.out.contains("\"Telling what one believes false\" by bob"), live.out);
        assertFalse(live.out.contains("commons"), live.out);

        Run stricter = audit(trace, "sustainable = 100");
        assertEquals(1, stricter.code, stricter.err);
        assertTrue(stricter.out.contains("\"The group takes more than the commons can sustain\" by alice"), stricter.out);
        assertTrue(stricter.out.contains("5 events replayed: 2 violations (commons 1, honesty 1)"), stricter.out);
    }

    record Run(int code, String out, String err) {
    }

    Run audit(Path trace, String commons) throws IOException {
        Path cfg = dir.resolve("vigil.properties");
        Files.writeString(cfg, "params.commons." + commons + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"audit", trace.toString(), "--config", cfg.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
