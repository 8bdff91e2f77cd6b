package vigil.jacamo.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free TCP port on an address, for a platform that must be told its port rather than given one by the system. */
public final class Ports {

    private Ports() {
    }

    /** A port free on {@code host} a moment ago (the system's choice of an ephemeral one). */
    public static int free(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ProjectException("no free port on " + host + ": " + e.getMessage());
        }
    }
}
