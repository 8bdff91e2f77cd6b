package vigil.cli;

import java.io.PrintStream;
import vigil.core.Alert;
import vigil.core.Alert.SystemAlert;
import vigil.core.AlertSink;

/**
 * Prints alerts as they come, one line each ({@link #line}, also used by the scenarios' live view). Called
 * from the sink's own thread.
 */
public final class LivePrinter implements AlertSink {

    private final PrintStream out;

    public LivePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Alert alert) {
        String line = line(alert);
        if (line != null) {
            out.println("vigil: " + line);
        }
    }

    /**
     * The one line an alert shows on a console, safe to print (agents' names and contents are escaped), or
     * null for an alert a console does not show (the monitor's start and stop).
     */
    public static String line(Alert alert) {
        if (alert instanceof SystemAlert s && (s.kind() == SystemAlert.Kind.STARTED || s.kind() == SystemAlert.Kind.STOPPED)) {
            return null;
        }
        return alert.line();
    }

    @Override
    public String name() {
        return "console";
    }
}
