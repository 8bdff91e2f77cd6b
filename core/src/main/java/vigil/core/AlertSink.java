package vigil.core;

/**
 * Receives alerts. Add one in code ({@code Vigil.builder().sink(...)}) or list its class in
 * {@code META-INF/services/vigil.core.AlertSink} to have it found with {@link java.util.ServiceLoader}
 * (it then needs a public no-argument constructor).
 *
 * <p>Threading: sinks added this way are called from a thread of their own, one alert at a time, in the
 * order the monitor raised them, so a slow sink never slows the agents. A sink that throws is reported to
 * the other sinks and keeps receiving alerts; one that falls more than {@code sinks.queue} alerts behind
 * loses the overflow, which is counted and reported. A sink given with {@code Vigil.builder().synchronousSink(...)}
 * is called instead on the judging thread, before the verdict returns and before any sanction takes effect, as
 * the audit log and the log line are (they are the first synchronous sinks, from the configuration).
 */
public interface AlertSink extends AutoCloseable {

    void accept(Alert alert) throws Exception;

    /** A short name for reports about this sink; the class name by default. */
    default String name() {
        return getClass().getSimpleName();
    }

    @Override
    default void close() throws Exception {
    }
}
