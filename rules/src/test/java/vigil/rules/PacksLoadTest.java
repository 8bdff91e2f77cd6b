package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vigil.core.cli.Tools;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Config;
import vigil.core.RuleInfo;

class PacksLoadTest {

    @Test
    void aDefaultMonitorLoadsEveryPackFromTheClasspath() {
        try (Monitor m = Vigil.builder().config(Config.builder().audit(null).logAlerts(false).build())
                .serviceSinks(false).start()) {
            Set<String> packs = m.rules().stream().map(RuleInfo::pack).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("honesty", "privacy", "harm", "fairness", "commons", "collusion", "influence", "principal"),
                    packs);
            Map<String, String> values = m.rules().stream().filter(RuleInfo::judges)
                    .collect(Collectors.toMap(RuleInfo::name, RuleInfo::value));
            assertEquals(Set.of("honesty", "privacy", "harm", "fairness", "commons", "competition", "autonomy", "integrity",
                    "loyalty"), new TreeSet<>(values.values()));
            for (RuleInfo r : m.rules()) {
                if (r.judges()) {
                    assertNotNull(r.severity(), r.name());
                    assertFalse(r.origin().isEmpty(), r.name());
                }
            }
        }
    }

    @Test
    void vigilCheckPassesThePacksWithoutAMemoryWarning() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tools.run(new String[] {"check", "src/main/resources/vigil/rules"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("10 files, "),
                out.toString(StandardCharsets.UTF_8));
    }
}
