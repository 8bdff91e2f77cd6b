package vigil.core;

/**
 * Something started beside every monitor that {@link Vigil#builder()} builds, found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/vigil.core.MonitorExtension} (vigil-live's
 * live view is one). It reads its own keys from {@link Monitor#config()} and does nothing unless they ask for
 * it, so a jar on the classpath costs nothing until configured. Found only while
 * {@link Vigil.Builder#extensions(boolean)} is on (the default).
 *
 * <p>Threading: {@link #start} is called once per monitor, on the thread that starts it, after it has started;
 * what it returns is closed when the monitor closes, before the monitor stops judging.
 */
public interface MonitorExtension {

    /**
     * Starts beside {@code monitor} if its configuration asks for it, and returns what to close with it (null
     * when the configuration does not ask). A failure stops the monitor's start: throw an exception whose
     * message names the key and the problem, e.g. {@code live.port 8080: the port is in use}.
     */
    AutoCloseable start(Monitor monitor) throws Exception;
}
