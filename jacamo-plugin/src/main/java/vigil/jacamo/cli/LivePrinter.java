package vigil.jacamo.cli;

import java.io.PrintStream;
import vigil.core.Alert;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Alert.WithheldAlert;
import vigil.core.AlertSink;
import vigil.core.LogSink;
import vigil.core.SafeText;

/** Prints alerts as they come, one line each. Called from the sink's own thread. */
final class LivePrinter implements AlertSink {

    private final PrintStream out;

    LivePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Alert alert) {
        if (alert instanceof ViolationAlert va) {
            out.println("vigil: " + LogSink.format(va));
        } else if (alert instanceof WithheldAlert w) {
            out.println("vigil: WITHHELD " + SafeText.describe(w.event()) + ": " + SafeText.oneLine(w.reason(), 200));
        } else if (alert instanceof SystemAlert s && s.kind() != SystemAlert.Kind.STARTED && s.kind() != SystemAlert.Kind.STOPPED) {
            out.println("vigil: " + s.kind() + ": " + SafeText.oneLine(s.message(), 500));
        }
    }

    @Override
    public String name() {
        return "console";
    }
}
