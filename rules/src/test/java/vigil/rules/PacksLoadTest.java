package vigil.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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
}
