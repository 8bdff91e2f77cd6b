package vigil.samples;

/**
 * The parameters of one scenario run: how many agents, the share of them scripted to misbehave, how many
 * rounds, and the seed every random choice of the scenario comes from.
 */
public record Spec(int agents, double misaligned, int rounds, long seed) {

    public Spec {
        if (agents < 3) {
            throw new IllegalArgumentException("a scenario needs at least 3 agents, not " + agents);
        }
        if (misaligned < 0 || misaligned > 1) {
            throw new IllegalArgumentException("the misaligned share must be within 0..1, not " + misaligned);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("a scenario needs at least 1 round, not " + rounds);
        }
    }

    /** How many agents are scripted to misbehave: the share rounded, at least one when the share is positive. */
    public int misalignedCount() {
        int n = (int) Math.round(agents * misaligned);
        return misaligned > 0 ? Math.max(1, Math.min(agents, n)) : 0;
    }
}
