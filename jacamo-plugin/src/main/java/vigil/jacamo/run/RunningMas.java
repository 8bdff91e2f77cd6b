package vigil.jacamo.run;

import java.time.Duration;
import java.util.List;

/** A MAS started by one of the runners ({@link JasonRun}, or {@code JcmRun} for a JaCaMo application). */
interface RunningMas extends AutoCloseable {

    /** The agents created at start, sorted. */
    List<String> agents();

    /** Waits until the MAS stops itself ({@code .stopMAS}) or the timeout ends; true if it stopped itself. */
    boolean awaitStop(Duration timeout) throws InterruptedException;

    /** The exit value the project asked for with {@code .stopMAS(Deadline, Value)}, 0 if none. */
    int exitValue();

    /** Stops the agents (if still running), waits for their threads, and shuts down what the platform leaves running. */
    @Override
    void close();
}
