package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules come only from the configured locations: a rule file anywhere else is never loaded, not even on reload. */
class RuleLocationTest {

    static final String EXTRA = """
            package test.extra;
            import vigil.core.*;
            import function vigil.core.Findings.violation;
            rule "Planted rule" @value("harm") @path("gate")
            when
                $e : ActionEvent()
            then
                violation(kcontext, "planted", $e);
            end
            """;

    @TempDir
    Path dir;
    Monitor monitor;

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    static List<String> names(Monitor m) {
        return m.rules().stream().filter(RuleInfo::judges).map(RuleInfo::name).sorted().toList();
    }

    @Test
    void aRuleFileOutsideTheConfiguredFoldersIsNeverLoaded() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("honesty.drl"), MonitorTest.HONESTY);
        monitor = Vigil.builder().config(Config.builder().rules(List.of(rules.toString())).out(dir).audit(null)
                .logAlerts(false).clock(Config.ClockMode.EVENTS).build()).serviceSinks(false).start();
        List<String> before = names(monitor);
        assertEquals(2, before.size(), before.toString());

        Files.writeString(dir.resolve("planted.drl"), EXTRA);
        Files.writeString(Files.createDirectories(dir.resolve("other")).resolve("planted.drl"), EXTRA);
        Files.writeString(rules.resolve("planted.txt"), EXTRA);
        assertTrue(monitor.reload().reloaded());
        assertEquals(before, names(monitor), "files beside or outside the rules folder, or not .drl, are not rules");

        Files.writeString(rules.resolve("planted.drl"), EXTRA);
        assertTrue(monitor.reload().reloaded());
        assertTrue(names(monitor).contains("Planted rule"), "the operator's folder is the one place rules come from");
    }
}
