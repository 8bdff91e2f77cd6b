package vigil.core;

import java.util.List;
import vigil.core.config.Config;
import vigil.core.event.Event;
import vigil.core.rules.Findings.Finding;
import vigil.core.rules.RuleBook;

/**
 * The benchmarks' handle on the gate alone, without the watch behind it: a JMH loop judges far faster than
 * any agent sends, so through {@link Monitor#judge} it would measure the watch's queue filling up, not the
 * gate. Lives in the gate's package because the gate is not public API.
 */
public final class GateProbe implements AutoCloseable {

    private final Gate gate;

    public GateProbe(Config config) {
        RuleBook book = new RuleSet(config, List.of(), GateProbe.class.getClassLoader()).compile();
        this.gate = new Gate(book, config.facts());
    }

    /** What the gate rules find about the event. */
    public List<Finding> judge(Event e) {
        return gate.judge(e);
    }

    @Override
    public void close() {
        gate.close();
    }
}
