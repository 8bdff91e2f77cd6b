package vigil.core;

/**
 * Counts since the monitor started. They reconcile: {@code observed = allowed + flagged + blocked +
 * withheld}, and once the watch has drained, {@code watchQueued = watchJudged}. {@code watchPassedBy} of the
 * judged events could match no watch rule, so the watch judged them without entering its rules' session.
 * {@code watchHeld} is how many events the watch's session holds now (as of its last batch; with
 * {@code watch.hold = retention}, as of the last {@link Monitor#drain drain}).
 * An immutable value, safe to share between threads. A snapshot: each counter is read atomically, the set of them is not.
 */
public record Stats(
        long observed,
        long allowed,
        long flagged,
        long blocked,
        long withheld,
        long watchQueued,
        long watchJudged,
        long violations,
        long suppressed,
        long engineErrors,
        long auditFailures,
        long watchPassedBy,
        long watchHeld) {
}
