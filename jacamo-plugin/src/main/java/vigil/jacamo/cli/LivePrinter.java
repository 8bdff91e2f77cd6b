package vigil.jacamo.cli;

import java.io.PrintStream;
import vigil.core.alert.Alert;
import vigil.core.alert.Alert.SystemAlert;
import vigil.core.alert.Alert.ViolationAlert;
import vigil.core.alert.Alert.WithheldAlert;
import vigil.core.alert.AlertSink;
import vigil.core.alert.LogSink;
import vigil.core.alert.Text;
import vigil.core.event.ActionEvent;
import vigil.core.event.Event;
import vigil.core.event.MessageEvent;

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
            out.println("vigil: WITHHELD " + describe(w.event()) + ": " + Text.oneLine(w.reason(), 200));
        } else if (alert instanceof SystemAlert s && s.kind() != SystemAlert.Kind.STARTED && s.kind() != SystemAlert.Kind.STOPPED) {
            out.println("vigil: " + s.kind() + ": " + Text.oneLine(s.message(), 500));
        }
    }

    static String describe(Event e) {
        if (e instanceof MessageEvent m) {
            return "message " + m.sender() + " -> " + m.receiver() + " " + m.performative() + " " + Text.oneLine(m.text(), 120);
        }
        if (e instanceof ActionEvent a) {
            return "action of " + a.agent() + " " + Text.oneLine(a.action().toString(), 120);
        }
        return "report of " + e.agent();
    }

    @Override
    public String name() {
        return "console";
    }
}
