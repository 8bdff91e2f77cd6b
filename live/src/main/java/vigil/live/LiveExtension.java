package vigil.live;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.Monitor;
import vigil.core.MonitorExtension;

/**
 * Starts a {@link LiveView} beside a monitor whose configuration sets {@code live.port} (and, to listen beyond
 * this machine, {@code live.bind}); found with {@link java.util.ServiceLoader}, so an embedded monitor (a JaCaMo
 * application's {@code vigil.properties}) gets its live view from the configuration alone. Prints the page's
 * address and the operator token on standard output. Without {@code live.port} it does nothing: no server,
 * no thread, no observer.
 */
public final class LiveExtension implements MonitorExtension {

    @Override
    public AutoCloseable start(Monitor monitor) throws IOException {
        Integer port = monitor.config().get(Config.LIVE_PORT);
        if (port == null) {
            return null;
        }
        String bind = monitor.config().get(Config.LIVE_BIND);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("live.bind: no such address '" + bind + "'");
        }
        LiveView view;
        try {
            view = LiveView.start(monitor, new LiveView.Options(address, port));
        } catch (BindException e) {
            throw new ConfigException("live.port " + port + ": cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")");
        }
        System.out.println(view.describe());
        return view;
    }
}
