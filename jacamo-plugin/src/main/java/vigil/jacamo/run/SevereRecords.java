package vigil.jacamo.run;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * While open, takes Jason's SEVERE log records (why an agent or the environment was not created) out of
 * the log, keeping their text to report once in the user's terms; other records pass on unchanged.
 */
final class SevereRecords extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Handler[] others;
    private final List<String> messages = new ArrayList<>();

    private SevereRecords() {
        others = root.getHandlers();
        setLevel(Level.ALL);
    }

    static SevereRecords capture() {
        SevereRecords s = new SevereRecords();
        for (Handler o : s.others) {
            s.root.removeHandler(o);
        }
        s.root.addHandler(s);
        return s;
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
            String msg = r.getMessage();
            if (r.getThrown() != null) {
                msg = (msg == null ? "" : msg + ": ") + Display.describe(r.getThrown());
            }
            add(msg);
            return;
        }
        for (Handler o : others) {
            o.publish(r);
        }
    }

    synchronized void add(String message) {
        messages.add(message);
    }

    synchronized List<String> messages() {
        return new ArrayList<>(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        for (Handler o : others) {
            root.addHandler(o);
        }
    }
}
