package vigil.jacamo.run;

import java.text.MessageFormat;
import java.util.logging.LogRecord;
import org.slf4j.bridge.SLF4JBridgeHandler;
import vigil.core.SafeText;

/**
 * Jason's java.util.logging to SLF4J, with every text an agent can put in a record made safe for one
 * console line: the message (an agent's {@code .print}, Jason's errors that echo a receiver's name or a
 * content), the logger name (which ends with the agent's name) and the exception texts. So no agent can
 * print a line that looks like one of Vigil's ({@code vigil: VIOLATION ...}). Called from any thread.
 */
final class SafeBridge extends SLF4JBridgeHandler {

    private static final int MAX = 10_000;

    @Override
    public void publish(LogRecord r) {
        if (r == null) {
            return;
        }
        String text = r.getMessage();
        Object[] params = r.getParameters();
        if (text != null && params != null && params.length > 0) {
            try {
                text = MessageFormat.format(text, params);
            } catch (IllegalArgumentException e) {
                // Not a pattern: the text as it is.
            }
        }
        LogRecord safe = new LogRecord(r.getLevel(), SafeText.oneLine(text, MAX));
        safe.setLoggerName(r.getLoggerName() == null ? null : SafeText.oneLine(r.getLoggerName(), 200));
        safe.setInstant(r.getInstant());
        safe.setSourceClassName(r.getSourceClassName());
        safe.setSourceMethodName(r.getSourceMethodName());
        safe.setThrown(r.getThrown() == null ? null : new Escaped(r.getThrown(), 0));
        super.publish(safe);
    }

    /** An exception's text made safe, with its stack trace and its causes (to a depth). */
    private static final class Escaped extends Throwable {
        private static final long serialVersionUID = 1L;

        Escaped(Throwable t, int depth) {
            super(SafeText.oneLine(String.valueOf(t), MAX),
                    t.getCause() == null || t.getCause() == t || depth > 8 ? null : new Escaped(t.getCause(), depth + 1),
                    false, true);
            setStackTrace(t.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
