package vigil.samples;

/**
 * One labelled misbehaviour: which agent did what, in which round, and which rule is meant to catch it.
 * Labels come from the scenario's own script and records (the environment), never from the monitor.
 * {@code time} is when it happened (epoch ms), 0 until known.
 */
public record Truth(String agent, String behaviour, int round, long time, String rule) {

    Truth at(long t) {
        return new Truth(agent, behaviour, round, t, rule);
    }
}
