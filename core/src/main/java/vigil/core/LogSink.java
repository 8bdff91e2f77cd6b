package vigil.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Alert.WithheldAlert;

/**
 * One readable SLF4J line per alert on the logger {@code vigil.alerts}: violations at WARN, engine
 * troubles at ERROR, the rest at INFO (withheld events at DEBUG). Agent-supplied text is escaped so it
 * cannot forge extra lines.
 */
final class LogSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger("vigil.alerts");
    private static final int MAX = 300;

    @Override
    public void accept(Alert alert) {
        if (alert instanceof ViolationAlert va) {
            if (LOG.isWarnEnabled()) {
                LOG.warn(va.line());
            }
        } else if (alert instanceof WithheldAlert w) {
            LOG.debug("withheld {} {}: {}", w.event().getClass().getSimpleName(), SafeText.oneLine(w.event().id(), 64),
                    SafeText.oneLine(w.reason(), MAX));
        } else if (alert instanceof SystemAlert s) {
            String line = s.line();
            switch (s.kind()) {
                case ENGINE_ERROR, RELOAD_FAILED, SINK_FAILED, MONITOR_UNAVAILABLE -> LOG.error(line);
                default -> LOG.info(line);
            }
        }
    }
}
