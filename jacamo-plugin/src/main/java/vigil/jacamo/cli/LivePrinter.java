package vigil.jacamo.cli;

import java.io.PrintStream;
import vigil.core.Alert;
import vigil.core.Alert.SystemAlert;
import vigil.core.AlertSink;

/** Prints alerts as they come, one line each. Called from the sink's own thread. */
final class LivePrinter implements AlertSink {

    private final PrintStream out;

    LivePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Alert alert) {
        if (!(alert instanceof SystemAlert s && (s.kind() == SystemAlert.Kind.STARTED || s.kind() == SystemAlert.Kind.STOPPED))) {
            out.println("vigil: " + alert.line());
        }
    }

    @Override
    public String name() {
        return "console";
    }
}
