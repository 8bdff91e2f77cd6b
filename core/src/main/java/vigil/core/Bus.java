package vigil.core;

/**
 * Joins the monitors of several JVMs into one society (configuration key {@code bus}, e.g.
 * {@code bus = kafka://HOST:PORT}). Each JVM keeps its gate; every event its gate judged is handed to the
 * bus instead of the local watch, and the watch rules run in a watch service that reads the bus and sends
 * back what it sentenced, which reaches this JVM through {@link Monitor#applyRemote}. Implementations are
 * found with {@link java.util.ServiceLoader} ({@code META-INF/services/vigil.core.Bus$Connector}) only when
 * {@code bus} is set, so a monitor without it loads nothing of any bus. See {@code docs/distributed.md}.
 */
public interface Bus extends AutoCloseable {

    /**
     * Takes one event the gate has judged; {@code tookEffect} is false for an event that was withheld.
     * Called on the judging agent's thread, after the gate, before the verdict is returned: must not block
     * for long. Answers false when the event could not be kept (the bus is unreachable and the spool is
     * full); the monitor then withholds the event when it fails closed.
     */
    boolean publish(Event event, boolean tookEffect);

    /** Hands on what is still waiting, as far as the bus allows, and lets go of the bus. */
    @Override
    void close();

    /** Opens a bus for the addresses of one scheme ({@code kafka}). Needs a public no-argument constructor. */
    interface Connector {

        /** The address scheme this connector serves, e.g. {@code kafka}. */
        String scheme();

        /** Connects {@code monitor} to the bus at {@code address}; throws {@link ConfigException} on a bad address. */
        Bus connect(String address, Monitor monitor);
    }
}
