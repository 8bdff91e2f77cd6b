package vigil.bus;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import vigil.core.ConfigException;

/**
 * A bus address as the configuration and the command line name it:
 * {@code kafka://HOST:PORT[,HOST:PORT...][?events=TOPIC&sanctions=TOPIC]}. The topics default to
 * {@code vigil.events} and {@code vigil.sanctions}.
 */
record BusAddress(String servers, String events, String sanctions) {

    static final String EVENTS = "vigil.events";
    static final String SANCTIONS = "vigil.sanctions";

    static BusAddress parse(String address) {
        String prefix = "kafka://";
        if (address == null || !address.startsWith(prefix)) {
            throw new ConfigException("bus: expected kafka://HOST:PORT[,HOST:PORT...], got '" + address + "'");
        }
        String rest = address.substring(prefix.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        for (String server : rest.split(",")) {
            if (!server.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
                throw new ConfigException("bus: '" + server + "' is not HOST:PORT in " + address);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                if (!k.equals("events") && !k.equals("sanctions")) {
                    throw new ConfigException("bus: unknown option '" + k + "' in " + address + " (known: events, sanctions)");
                }
                if (!v.matches("[A-Za-z0-9._\\-]+")) {
                    throw new ConfigException("bus: '" + v + "' is not a topic name (letters, digits, . _ -) in " + address);
                }
                params.put(k, v);
            }
        }
        return new BusAddress(rest, params.getOrDefault("events", EVENTS), params.getOrDefault("sanctions", SANCTIONS));
    }

    @Override
    public String toString() {
        return "kafka://" + servers;
    }
}
