package vigil.bus;

import vigil.core.Bus;
import vigil.core.Monitor;

/** Serves {@code bus = kafka://...}: found by the core with {@link java.util.ServiceLoader} when the key is set. */
public final class KafkaConnector implements Bus.Connector {

    @Override
    public String scheme() {
        return "kafka";
    }

    @Override
    public Bus connect(String address, Monitor monitor) {
        return KafkaBus.connect(BusAddress.parse(address), monitor);
    }
}
