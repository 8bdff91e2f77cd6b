package vigil.core;

import org.junit.jupiter.api.Test;
import vigil.testing.RuleScenario;

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

    @Test
    void aShortWindowInTheFirstBatchIsJudgedBeforeTheClockPassesIt() {
        // All events reach the watch in one batch; the pair at 1.0 s and 1.5 s must be seen before the
        // clock jumps to 9 s, when the window would already have closed.
        RuleScenario.rules()
                .with(QUICK_PAIR)
                .at(1_000).act("ann", "harvest(1)")
                .at(1_500).act("ann", "harvest(1)")
                .at(5_000).act("ann", "move(north)")
                .at(9_000).act("ann", "move(south)")
                .expect("Two harvests within a second", "ann")
                .run();
    }

    @Test
    void harvestsFurtherApartThanTheWindowAreNoPair() {
        RuleScenario.rules()
                .with(QUICK_PAIR)
                .at(1_000).act("ann", "harvest(1)")
                .at(2_500).act("ann", "harvest(1)")
                .at(9_000).act("ann", "move(south)")
                .expectNone()
                .run();
    }
}
