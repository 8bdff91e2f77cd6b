package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The watch fires before its clock passes a short window, however the queued events fall into batches. */
class WatchClockTest {

    static final String QUICK_PAIR = """
            package test.clock;
            import vigil.core.*;
            import java.util.List;
            import function vigil.core.Findings.violationBy;

            rule "Two harvests within a second"
                @value("commons") @path("watch")
            when
                $h : List(size >= 2) from collect(ActionEvent(action.functor == "harvest") over window:time(1s))
            then
                violationBy(kcontext, "ann", "two harvests within 1s", $h);
            end
            """;

    /** The rule names of what the watch found, the events given as {@code time action} pairs. */
    static java.util.List<String> found(Object... timesAndActions) throws InterruptedException {
        Config config = Config.builder().rules(new RuleSource("clock.drl", QUICK_PAIR))
                .clock(Config.ClockMode.EVENTS).audit(null).logAlerts(false).build();
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            for (int i = 0; i < timesAndActions.length; i += 2) {
                long t = (Integer) timesAndActions[i];
                m.judge(new ActionEvent("a" + i, t, "ann", Term.struct((String) timesAndActions[i + 1], Term.num(1))));
            }
            assertTrue(m.drain(60_000));
            return m.violations().stream().map(Violation::rule).toList();
        }
    }

    @Test
    void aShortWindowInTheFirstBatchIsJudgedBeforeTheClockPassesIt() throws Exception {
        // All events reach the watch in one batch; the pair at 1.0 s and 1.5 s must be seen before the
        // clock jumps to 9 s, when the window would already have closed.
        assertEquals(java.util.List.of("Two harvests within a second"),
                found(1_000, "harvest", 1_500, "harvest", 5_000, "move", 9_000, "move"));
    }

    @Test
    void harvestsFurtherApartThanTheWindowAreNoPair() throws Exception {
        assertEquals(java.util.List.of(), found(1_000, "harvest", 2_500, "harvest", 9_000, "move"));
    }
}
