package vigil.cli;

import java.io.PrintStream;
import vigil.core.alert.Alert;
import vigil.core.alert.Alert.SystemAlert;
import vigil.core.alert.Alert.ViolationAlert;
import vigil.core.alert.Alert.WithheldAlert;
import vigil.core.alert.AlertSink;
import vigil.core.alert.LogSink;
import vigil.core.alert.Text;

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
            out.println("vigil: WITHHELD " + Text.describe(w.event()) + ": " + Text.oneLine(w.reason(), 200));
        } else if (alert instanceof SystemAlert s && s.kind() != SystemAlert.Kind.STARTED && s.kind() != SystemAlert.Kind.STOPPED) {
            out.println("vigil: " + s.kind() + ": " + Text.oneLine(s.message(), 500));
        }
    }

    @Override
    public String name() {
        return "console";
    }
}
