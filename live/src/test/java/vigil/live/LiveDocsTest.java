package vigil.live;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.Term;
import vigil.core.Vigil;

/** docs/live.md stays true: its metrics table is the meters bound, its properties parse, its webhook example has the real fields. */
class LiveDocsTest {

    static final Path DOC = Path.of("..", "docs", "live.md");

    @TempDir
    Path dir;

    @Test
    void theMetricsTableListsEveryMeterBoundAndNoOther() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `(vigil\\.[a-z.]+)` \\|").matcher(Files.readString(DOC));
        while (m.find()) {
            documented.add(m.group(1));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Monitor monitor = Vigil.builder().config(Config.builder().audit(null).logAlerts(false)
                .rules(new RuleSource("threat.drl", LiveViewTest.THREAT)).build()).serviceSinks(false).start()) {
            new VigilMetrics(monitor).bindTo(registry);
            monitor.judge(MessageEvent.of("m1", System.currentTimeMillis(), "a", "b", "tell", Term.struct("threat")));
            monitor.drain(5_000);
            monitor.flushAlerts(5_000);
            Set<String> bound = new TreeSet<>();
            for (Meter meter : registry.getMeters()) {
                bound.add(meter.getId().getName());
            }
            assertEquals(bound, documented);
        }
    }

    @Test
    void thePropertiesSnippetsParse() throws Exception {
        Matcher m = Pattern.compile("(?s)```properties\\n(.*?)```").matcher(Files.readString(DOC));
        int n = 0;
        while (m.find()) {
            if (m.group(1).contains("vigil.alerts.")) {
                continue; // java.util.logging's file, not Vigil's
            }
            Path f = dir.resolve("snippet" + n++ + ".properties");
            Files.writeString(f, m.group(1));
            Config.load(f);
        }
        assertEquals(2, n, "the live view's and the webhook's snippets");
    }

    @Test
    void theWebhookExampleHasTheFieldsAnAlertHas() throws Exception {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("(?s)```json\\n(\\{\"kind\":\"violation\".*?)```").matcher(doc);
        assertTrue(m.find(), "the webhook's violation example");
        JsonNode example = new ObjectMapper().readTree(m.group(1));
        List<ViolationAlert> raised = new ArrayList<>();
        try (Monitor monitor = Vigil.builder().config(Config.builder().audit(null).logAlerts(false)
                .rules(new RuleSource("threat.drl", LiveViewTest.THREAT)).build()).serviceSinks(false)
                .sink(a -> {
                    if (a instanceof ViolationAlert va) {
                        raised.add(va);
                    }
                }).start()) {
            monitor.judge(MessageEvent.of("alice-7", System.currentTimeMillis(), "alice", "bob", "tell", Term.struct("threat", Term.num(1))));
            monitor.flushAlerts(5_000);
        }
        JsonNode real = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raised.get(0).toJson());
        assertEquals(fields(real), fields(example));
        assertEquals(fields(real.path("violation")), fields(example.path("violation")));
        assertEquals(fields(real.path("evidence").get(0)), fields(example.path("evidence").get(0)));
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
