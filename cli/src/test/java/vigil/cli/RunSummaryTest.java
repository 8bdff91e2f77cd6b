package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.Term;
import vigil.core.Vigil;
import vigil.jacamo.MasMonitor;

/** The run's summary does not name the audit log as complete when records could not be written to it. */
class RunSummaryTest {

    @TempDir
    Path dir;

    @Test
    void anAuditLogThatLostRecordsIsNamedIncomplete() throws Exception {
        String drl = """
                package test.civility;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "Insulting" @value("civility") @severity("low") @path("gate")
                when
                    $m : MessageEvent(content.functor == "insult")
                then
                    violation(kcontext, "insulted", $m);
                end
                """;
        RunSummary summary = new RunSummary();
        // A synchronous sink that refuses every record stands in for the audit log on a full disk: vigil run's
        // only other synchronous sink is the audit log, so the failures are counted the same way.
        AlertSinkThatFails full = new AlertSinkThatFails();
        Config config = Config.builder().out(dir).audit(dir.resolve("audit.jsonl")).logAlerts(false)
                .rules(new RuleSource("civility.drl", drl)).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).synchronousSink(full).sink(summary).start()) {
            for (int i = 0; i < 3; i++) {
                m.judge(MessageEvent.of("m" + i, 1_000 + i, "alice", "bob", "tell", Term.struct("insult", Term.num(i))));
            }
            assertTrue(m.flushAlerts(10_000));
            summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "the duration ended", 1_000, MasMonitor.traffic(), m);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("audit log   " + dir.resolve("audit.jsonl") + " (incomplete: "), printed);
        assertTrue(full.refused > 0);
    }

    /** Refuses every alert, as a sink whose disk is full does. */
    static final class AlertSinkThatFails implements vigil.core.AlertSink {
        volatile int refused;

        @Override
        public void accept(Alert alert) throws java.io.IOException {
            refused++;
            throw new java.io.IOException("No space left on device");
        }

        @Override
        public String name() {
            return "full-disk";
        }
    }
}
