package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the watch holds an event: {@code watch.retention} bounds what a rule reads with no time bound,
 * and a window longer than the retention still holds its events.
 */
class RetentionTest {

    static final String WINDOWED = """
            package test.retention;
            import vigil.core.*;
            import java.util.List;
            import function vigil.core.Findings.violationBy;

            rule "Two harvests within five seconds"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $h : List(size >= 2) from collect(ActionEvent(action.functor == "harvest") over window:time(5s))
            then
                violationBy(kcontext, "group", "two harvests within 5s", $h);
            end
            """;

    static final String UNBOUNDED = """
            package test.unbounded;
            import vigil.core.*;
            import function vigil.core.Findings.violationBy;

            rule "Harvesting again after a warning"
                @value("commons") @path("watch") @cooldown("0s")
            when
                $w : MessageEvent(content.functor == "warning", $a : receiver)
                $h : ActionEvent(agent == $a, action.functor == "harvest", time > $w.time)
            then
                violationBy(kcontext, $a, $a + " harvested after a warning", $w, $h);
            end
            """;

    @TempDir
    Path dir;

    @Test
    void aWindowLongerThanTheRetentionStillSeesItsEvents() {
        List<Event> events = List.of(
                harvest("h1", 1_000), harvest("h2", 3_500));
        assertEquals(1, judge(Duration.ofSeconds(1), events, WINDOWED).size(),
                "the 5 s window holds both harvests, 2.5 s apart, though the retention is 1 s");
    }

    @Test
    void theRetentionBoundsWhatARuleReadsWithoutATimeBound() {
        List<Event> events = List.of(
                MessageEvent.of("w1", 1_000, "boss", "ann", "tell", Term.struct("warning", Term.atom("ann"))),
                harvest("h1", 5_000),
                harvest("h2", 90_000));
        assertEquals(2, judge(Duration.ofMinutes(10), events, UNBOUNDED).size(), "both harvests follow the warning");
        assertEquals(1, judge(Duration.ofSeconds(30), events, UNBOUNDED).size(),
                "with a 30 s retention the warning is gone before the second harvest");
    }

    static ActionEvent harvest(String id, long t) {
        return new ActionEvent(id, t, "ann", Term.struct("harvest", Term.num(1)));
    }

    List<Violation> judge(Duration retention, List<Event> events, String drl) {
        Config config = Config.builder()
                .out(dir).audit(null).clock(Config.ClockMode.EVENTS).sanctions(false).logAlerts(false)
                .retention(retention)
                .rules(new RuleSource("retention.drl", drl))
                .build();
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            for (Event e : events) {
                m.judge(e);
            }
            m.advanceTo(events.get(events.size() - 1).time() + 60_000);
            assertTrue(m.drain(30_000));
            return m.violations();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
