package vigil.core;

/**
 * Where a rule runs, stated in its metadata as {@code @path("gate")}, {@code @path("watch")} or
 * {@code @path("both")}; a rule without it runs in the watch.
 * Constants: safe to share between threads.
 */
public enum RulePath {
    /** Judged synchronously on one event before it takes effect; may block it. Keep gate rules to one event. */
    GATE,
    /** Judged asynchronously on the monitor thread, over time windows and many agents. */
    WATCH,
    /** Helper rules (vocabulary mapping, derived facts) that both paths need. */
    BOTH;

    public static RulePath parse(String s) {
        return RulePath.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
