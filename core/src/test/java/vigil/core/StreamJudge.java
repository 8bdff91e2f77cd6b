package vigil.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a stream of events with the rules given, on the events' own clock, and lists every violation found
 * (rule, agents, time, evidence) in a stable order, so two ways of judging the same stream can be compared.
 */
final class StreamJudge {

    record Result(List<String> violations, Stats stats) {
    }

    private StreamJudge() {
    }

    /**
     * {@code outcomes}: each action is followed at once by its outcome, done (for rules that read what the
     * environment performed).
     */
    static Result judge(Path dir, List<Event> events, String drl, boolean admission, boolean outcomes) {
        Config config = Config.builder()
                .out(dir).audit(null).clock(Config.ClockMode.EVENTS).sanctions(false).logAlerts(false)
                .set(Config.ADMISSION, admission)
                .rules(new RuleSource("stream.drl", drl))
                .build();
        return judge(config, events, outcomes);
    }

    /** As above, with a configuration of the caller's (its clock should be the events'). */
    static Result judge(Config config, List<Event> events, boolean outcomes) {
        try (Monitor m = Vigil.builder().config(config).serviceSinks(false).start()) {
            for (Event e : events) {
                m.judge(e);
                if (outcomes && e instanceof ActionEvent a) {
                    m.outcome(ActionOutcome.of(a, a.time(), ActionOutcome.Result.DONE));
                }
            }
            m.advanceTo(events.get(events.size() - 1).time() + 60_000);
            assertTrue(m.drain(30_000));
            List<String> found = new ArrayList<>();
            for (Violation v : m.violations()) {
                found.add(v.rule() + " | " + v.agents() + " | " + v.time() + " | " + v.evidence());
            }
            found.sort(null);
            return new Result(found, m.stats());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
