package vigil.core;

import java.util.List;
import vigil.core.Findings.Finding;

/**
 * The gate alone, without the watch behind it, for benchmarks: a JMH loop judges far faster than any agent
 * sends, so through {@link Monitor#judge} it would measure the watch's queue filling up, not the gate. Not
 * for a running monitor (nothing is recorded, sentenced or alerted). Not thread-safe: one caller at a time.
 */
public final class GateProbe implements AutoCloseable {

    private final Gate gate;

    /** Compiles the configured rules (those of the class path included) into a gate of its own. */
    public GateProbe(Config config) {
        CompiledRules rules = new RuleSet(config, GateProbe.class.getClassLoader()).compile();
        this.gate = new Gate(rules, config.facts(), config.get(Config.ADMISSION));
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
