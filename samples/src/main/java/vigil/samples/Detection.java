package vigil.samples;

/**
 * A violation as the scoring sees it: one rule, one agent held responsible, the round it falls in, and the
 * wall time the alert reached the scenario's sink (for latency).
 */
public record Detection(String rule, String value, String agent, int round, long alertedAt) {
}
