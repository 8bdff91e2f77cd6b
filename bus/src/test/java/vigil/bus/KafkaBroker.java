package vigil.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), started by a test
 * as a child JVM on 127.0.0.1 with ports picked free and a data folder of its own: first
 * {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}. It can be stopped and
 * started again on the same ports and data, as a broker outage. {@link #close()} kills it. Public for the
 * benchmarks (vigil-bus's test jar), which measure the bus against the same real broker.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The one user of the SASL listener, and its password. */
    static final String SASL_USER = "vigil";
    static final String SASL_PASSWORD = "vigil-secret";

    private final Path dir;
    private final Path properties;
    private final int port;
    private final int saslPort;
    private Child process;

    private KafkaBroker(Path dir, Path properties, int port, int saslPort) {
        this.dir = dir;
        this.properties = properties;
        this.port = port;
        this.saslPort = saslPort;
    }

    /** Formats a new data folder under {@code dir} and starts the broker; returns when it answers. */
    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        int controller = freePort();
        int sasl = freePort();
        Path props = dir.resolve("server.properties");
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller + ",SASL://127.0.0.1:" + sasl,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL://127.0.0.1:" + sasl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT",
                // A listener that wants a user name and password (SASL/PLAIN), for the bus.kafka.* settings.
                "listener.name.sasl.sasl.enabled.mechanisms=PLAIN",
                "listener.name.sasl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";",
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.flush.interval.messages=1",
                "") ;
        Files.writeString(props, text, StandardCharsets.UTF_8);
        Child format = Child.start("kafka-format", dir, List.of(), "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", props.toString());
        int rc = format.await(Duration.ofSeconds(60));
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format failed (" + rc + "):\n" + format.output());
        }
        KafkaBroker b = new KafkaBroker(dir, props, port, sasl);
        b.startAgain();
        return b;
    }

    /** Starts the broker on its ports and data; returns when it answers an admin request. */
    public void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        process = Child.start("kafka", dir, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), "kafka.Kafka",
                properties.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker ended at start:\n" + process.output());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not answer within 60 s:\n" + process.output(), e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Stops the broker (SIGTERM, a clean shutdown), keeping its data and ports for {@link #startAgain()}. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** {@code host:port}, for bootstrap.servers. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The bus address as the configuration names it, on the default topics. */
    public String bus() {
        return "kafka://" + address();
    }

    /** The bus address of one society on the listener that wants SASL/PLAIN ({@link #SASL_USER}). */
    String saslBus(String society) {
        return "kafka://127.0.0.1:" + saslPort + "?events=" + society + ".events&sanctions=" + society + ".sanctions";
    }

    /**
     * The bus address of one society on this broker: topics {@code NAME.events} and {@code NAME.sanctions}
     * of its own, so tests sharing the broker never see each other's events.
     */
    public String bus(String society) {
        return bus() + "?events=" + society + ".events&sanctions=" + society + ".sanctions";
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    /** Creates a topic with the given partitions (replication 1). */
    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    public String output() {
        return process == null ? "" : process.output();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
