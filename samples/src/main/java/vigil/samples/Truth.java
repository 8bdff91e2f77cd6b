package vigil.samples;

/**
 * One labelled misbehaviour: which agent did what, in which round, and which rule is meant to catch it.
 * Labels come from the scenario's own script and records (the environment), never from the monitor.
 * {@code time} is when it happened in scenario time (epoch ms, the clock the events carry); {@code seenAt}
 * is the wall time the environment saw it, from which latency is measured. {@code adaptive} marks the acts
 * of an adversary that changed its ways after a sanction: they are reported per behaviour, caught or
 * missed, and not held to the benchmark's targets.
 */
public record Truth(String agent, String behaviour, int round, long time, String rule, boolean adaptive, long seenAt) {

    /** A scripted (non-adaptive) label seen at its own time. */
    public Truth(String agent, String behaviour, int round, long time, String rule) {
        this(agent, behaviour, round, time, rule, false, time);
    }
}
