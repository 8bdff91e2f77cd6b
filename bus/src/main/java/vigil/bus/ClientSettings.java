package vigil.bus;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import vigil.core.Config;
import vigil.core.ConfigException;

/**
 * The user's {@code bus.kafka.PROPERTY} settings (TLS, SASL, ...) as the bus's Kafka clients take them. They
 * are added under the bus's own settings, never over those that make its guarantees (where it connects,
 * acknowledgements, idempotence, the consumer group and its commits, the serializers).
 */
final class ClientSettings {

    /** What the bus sets itself and a user's property may not change. */
    private static final Set<String> OWN = Set.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

    private ClientSettings() {
    }

    /** Checks the configuration's {@code bus.kafka.*} names: each must be a property of Kafka's clients the bus does not own. */
    static void check(Config config) {
        Set<String> known = new TreeSet<>(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        for (String name : config.busKafka().keySet()) {
            if (OWN.contains(name)) {
                throw new ConfigException("bus.kafka." + name + ": the bus sets " + name + " itself (its delivery"
                        + " guarantees depend on it); remove the key");
            }
            if (!known.contains(name)) {
                String near = known.stream().min(java.util.Comparator.comparingInt(k -> distance(k, name))).orElse(null);
                throw new ConfigException("bus.kafka." + name + ": not a property of Kafka's clients"
                        + (near != null && distance(near, name) <= 3 ? " (did you mean bus.kafka." + near + "?)" : ""));
            }
        }
    }

    /**
     * Adds the user's properties that {@code client} (a producer's, consumer's or admin's) knows to its
     * settings; they replace the bus's defaults (time-outs, batching) but never its own settings.
     */
    static Map<String, Object> with(Map<String, Object> settings, Config config, Set<String> client) {
        for (Map.Entry<String, String> e : config.busKafka().entrySet()) {
            if (client.contains(e.getKey()) && !OWN.contains(e.getKey())) {
                settings.put(e.getKey(), e.getValue());
            }
        }
        return settings;
    }

    static Map<String, Object> producer(Map<String, Object> settings, Config config) {
        return with(settings, config, ProducerConfig.configNames());
    }

    static Map<String, Object> consumer(Map<String, Object> settings, Config config) {
        return with(settings, config, ConsumerConfig.configNames());
    }

    static Map<String, Object> admin(Map<String, Object> settings, Config config) {
        return with(settings, config, AdminClientConfig.configNames());
    }

    /** Edit distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = up;
            }
        }
        return row[b.length()];
    }
}
