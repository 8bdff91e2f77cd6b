package vigil.bus;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Bus;
import vigil.core.Config;
import vigil.core.Event;
import vigil.core.Monitor;

/**
 * One JVM's side of the bus. Every event the gate judged is appended to the on-disk {@link Spool} (the
 * agent's thread) and a sender thread hands the spool to Kafka in order, with {@code acks=all} and
 * idempotence, keyed by the agent so each agent's events stay in order; what Kafka acknowledged is struck
 * off the spool. While Kafka is unreachable the spool grows, up to {@code bus.spool} events; then the fail
 * mode decides (see {@link #publish}), and both the outage and a full spool are logged as errors and
 * recorded in the audit log. A second thread reads the sanctions topic and applies to this JVM's agents
 * what the watch service sentenced.
 */
final class KafkaBus implements Bus {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBus.class);
    /** Records sent and not yet acknowledged, at most. */
    private static final int IN_FLIGHT = 20_000;
    private static final long HEARTBEAT_MS = 1000;
    /** Records in flight without an acknowledgement for this long: the bus is said to be unreachable. */
    private static final long STALL_MS = 3000;
    private static final long DRAIN_AT_CLOSE_MS = 15_000;
    /** How often the spool's buffer is written to its file. */
    private static final long WRITE_MS = 20;

    private final BusAddress address;
    private final Monitor monitor;
    private final String source;
    private final Spool spool;
    private final KafkaProducer<String, String> producer;
    private final Thread sender;
    private final Thread listener;
    private final Thread writer;
    private final long started = System.currentTimeMillis();
    /** The agents whose events this JVM published: the ones it sanctions. */
    private final Set<String> local = ConcurrentHashMap.newKeySet();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    /** Events this JVM put on the spool (its own agents' events) since it joined. */
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong sanctionsApplied = new AtomicLong();
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long sentUpTo;
    private volatile boolean failed;
    private volatile Exception failure;
    private volatile boolean full;
    private volatile boolean running = true;
    /** Whether the bus is known to be unreachable (a send failed and the spool has not drained since). */
    private volatile boolean down;
    /** When Kafka last acknowledged a record (or the sender last had nothing in flight). */
    private volatile long lastAck = System.currentTimeMillis();
    private volatile KafkaConsumer<String, String> sanctions;

    private KafkaBus(BusAddress address, Monitor monitor) {
        this.address = address;
        this.monitor = monitor;
        this.source = sourceName();
        Config config = monitor.config();
        this.spool = Spool.open(config.out().resolve("spool"), config.busSpool());
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address.servers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-" + source.replaceAll("[^A-Za-z0-9._-]", "_"));
        this.producer = new KafkaProducer<>(ClientSettings.producer(p, config), new StringSerializer(), new StringSerializer());
        this.sender = new Thread(this::sendLoop, "vigil-bus-sender");
        this.sender.setDaemon(true);
        this.listener = new Thread(this::listenLoop, "vigil-bus-sanctions");
        this.listener.setDaemon(true);
        // The spool's buffer goes to its file every 20 ms, whatever the sender does (it may wait for ever on a
        // bus that is down): a JVM killed loses at most the events of the last few milliseconds.
        this.writer = new Thread(this::writeLoop, "vigil-bus-spool");
        this.writer.setDaemon(true);
    }

    private void writeLoop() {
        while (running) {
            try {
                spool.flush();
                Thread.sleep(WRITE_MS);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("cannot write the bus spool {}: {}", spool.dir(), e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    static KafkaBus connect(BusAddress address, Monitor monitor) {
        ClientSettings.check(monitor.config());
        KafkaBus bus = new KafkaBus(address, monitor);
        long waiting = bus.spool.waiting();
        bus.writer.start();
        bus.sender.start();
        bus.listener.start();
        String msg = "joined the bus " + address + " as " + bus.source + " (events to " + address.events()
                + ", sanctions from " + address.sanctions() + ", spool " + bus.spool.dir()
                + (waiting > 0 ? ", " + waiting + " events left from an earlier run to send first" : "") + ")";
        LOG.info(msg);
        monitor.busNews(msg);
        return bus;
    }

    /** Host, process and start time: unique for the life of this JVM, so event ids never collide across JVMs and restarts. */
    private static String sourceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
        return host + ":" + self.pid() + "@" + start;
    }

    String source() {
        return source;
    }

    /**
     * Appends the event to the spool. When the spool is full: with {@code fail = open} the event still takes
     * effect but is dropped from the bus (counted, logged); with {@code fail = closed} this answers false and
     * the monitor withholds the event.
     */
    @Override
    public boolean publish(Event event, boolean tookEffect) {
        local.add(event.agent());
        if (spool.append(event.agent(), Wire.event(source, event, tookEffect))) {
            published.incrementAndGet();
            if (full) {
                full = false;
                String msg = "the bus spool has room again; " + dropped.get() + " events were dropped from the bus meanwhile";
                LOG.warn(msg);
                monitor.busNews(msg);
            }
            return true;
        }
        long n = dropped.incrementAndGet();
        if (!full) {
            full = true;
            boolean closed = monitor.config().fail() == Config.FailMode.CLOSED;
            String msg = "the bus spool " + spool.dir() + " is full (" + spool.capacity() + " events wait for " + address
                    + "): " + (closed ? "fail = closed: the agents' messages and actions are withheld until there is room"
                            : "fail = open: events go on being judged here, but are NOT sent to the watch service");
            LOG.error(msg);
            monitor.busNews(msg);
        } else if (n % 10_000 == 0) {
            LOG.error("the bus spool is still full: {} events dropped from the bus so far", n);
        }
        return false;
    }

    // ---- the sender: spool -> Kafka, in order ----

    private void sendLoop() {
        long next = spool.acked();
        synchronized (inFlight) {
            sentUpTo = next;
        }
        long lastBeat = 0;
        long lastCheckpoint = System.currentTimeMillis();
        long drainUntil = Long.MAX_VALUE;
        long lastRetryNote = 0;
        beat("joined");
        while (true) {
            try {
                if (down && inFlightEmpty() && spool.waiting() == 0) {
                    down = false;
                    String msg = "the bus " + address + " is back: the spool has drained";
                    LOG.warn(msg);
                    monitor.busNews(msg);
                }
                if (!running) {
                    if (drainUntil == Long.MAX_VALUE) {
                        drainUntil = System.currentTimeMillis() + DRAIN_AT_CLOSE_MS;
                    }
                    if (spool.waiting() == 0 || System.currentTimeMillis() > drainUntil) {
                        break;
                    }
                }
                if (failed) {
                    // Every send has completed (the failed ones with their error); go back to the first not acknowledged.
                    producer.flush();
                    long resume;
                    synchronized (inFlight) {
                        resume = inFlight.isEmpty() ? sentUpTo : inFlight.first();
                        inFlight.clear();
                        sentUpTo = resume;
                        failed = false;
                    }
                    spool.acknowledge(resume);
                    next = resume;
                    if (!down) {
                        down = true;
                        String msg = "the bus " + address + " is unreachable (" + failure + "): events wait in the spool "
                                + spool.dir() + " (" + spool.waiting() + " waiting, room for " + spool.capacity() + ")";
                        LOG.error(msg);
                        monitor.busNews(msg);
                        lastRetryNote = System.currentTimeMillis();
                    } else if (System.currentTimeMillis() - lastRetryNote > 10_000) {
                        LOG.warn("the bus {} is still unreachable ({}): {} events wait in the spool", address, failure,
                                spool.waiting());
                        lastRetryNote = System.currentTimeMillis();
                    }
                    Thread.sleep(1000);
                    continue;
                }
                long now = System.currentTimeMillis();
                if (!down && !inFlightEmpty() && now - lastAck > STALL_MS) {
                    // Kafka's client keeps retrying within its delivery timeout; the outage is said as soon as it shows.
                    down = true;
                    String msg = "the bus " + address + " is unreachable (no acknowledgement for " + (now - lastAck)
                            + " ms): events wait in the spool " + spool.dir() + " (" + spool.waiting() + " waiting, room for "
                            + spool.capacity() + ")";
                    LOG.error(msg);
                    monitor.busNews(msg);
                    lastRetryNote = now;
                }
                if (now - lastBeat >= HEARTBEAT_MS) {
                    beat("alive");
                    lastBeat = now;
                }
                if (now - lastCheckpoint >= 200) {
                    spool.checkpoint();
                    lastCheckpoint = now;
                }
                if (next - spool.acked() >= IN_FLIGHT) {
                    Thread.sleep(5);
                    continue;
                }
                List<Spool.Entry> batch = spool.read(next, 1000);
                if (batch.isEmpty()) {
                    spool.awaitAppended(next, 20);
                    continue;
                }
                for (Spool.Entry e : batch) {
                    synchronized (inFlight) {
                        if (inFlight.isEmpty()) {
                            lastAck = System.currentTimeMillis();
                        }
                        inFlight.add(e.seq());
                        sentUpTo = e.seq() + 1;
                    }
                    long seq = e.seq();
                    try {
                        producer.send(new ProducerRecord<>(address.events(), e.key(), e.value()), (md, ex) -> done(seq, ex));
                    } catch (RuntimeException ex) {
                        done(seq, ex);
                    }
                    next = seq + 1;
                }
            } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.error("the bus sender failed: {}", e.toString());
                failure = e;
                failed = true;
            }
        }
        try {
            producer.flush();
            spool.checkpoint();
        } catch (IOException | RuntimeException e) {
            LOG.error("could not checkpoint the bus spool: {}", e.toString());
        }
    }

    private boolean inFlightEmpty() {
        synchronized (inFlight) {
            return inFlight.isEmpty();
        }
    }

    private void done(long seq, Exception ex) {
        if (ex != null) {
            failure = ex;
            failed = true;
            return;
        }
        lastAck = System.currentTimeMillis();
        long acked;
        synchronized (inFlight) {
            if (!inFlight.remove(seq)) {
                return;
            }
            acked = inFlight.isEmpty() ? sentUpTo : inFlight.first();
        }
        spool.acknowledge(acked);
    }

    /** News about this JVM, straight to the events topic (not spooled: news of an outage is stale by the time it is over). */
    private void beat(String news) {
        try {
            producer.send(new ProducerRecord<>(address.events(), source, Wire.news(source, news)));
        } catch (RuntimeException e) {
            LOG.debug("heartbeat not sent: {}", e.toString());
        }
    }

    // ---- the listener: sanctions topic -> this JVM's agents ----

    private void listenLoop() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address.servers());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-sanctions-" + source.replaceAll("[^A-Za-z0-9._-]", "_"));
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(ClientSettings.consumer(c, monitor.config()),
                new StringDeserializer(), new StringDeserializer())) {
            sanctions = consumer;
            if (!running) {
                return;
            }
            while (running && !assign(consumer)) {
                Thread.sleep(1000);
            }
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r.value());
                }
            }
        } catch (InterruptedException | WakeupException e) {
            // Closing.
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("the bus's sanctions listener stopped: {}", e.toString(), e);
            }
        }
    }

    /** Assigns every partition of the sanctions topic, from this JVM's start on: a sanction sent after it started is never missed. */
    private boolean assign(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(address.sanctions(), Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            LOG.debug("sanctions topic not reachable yet: {}", e.toString());
            return false;
        }
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> parts = new ArrayList<>();
        Map<TopicPartition, Long> since = new HashMap<>();
        for (PartitionInfo i : infos) {
            TopicPartition tp = new TopicPartition(i.topic(), i.partition());
            parts.add(tp);
            since.put(tp, started - 1000);
        }
        consumer.assign(parts);
        Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(since, Duration.ofSeconds(5));
        for (TopicPartition tp : parts) {
            OffsetAndTimestamp o = at.get(tp);
            if (o == null) {
                consumer.seekToEnd(List.of(tp));
            } else {
                consumer.seek(tp, o.offset());
            }
        }
        return true;
    }

    private void apply(String json) {
        Wire.Sentenced s;
        try {
            s = Wire.sentenced(json);
        } catch (RuntimeException e) {
            LOG.error("a record of the sanctions topic is not a violation: {}", e.getMessage());
            return;
        }
        if (s.violation().agents().stream().noneMatch(local::contains)) {
            return;
        }
        if (!applied.add(Wire.key(s.violation()))) {
            return; // sent again by a restarted watch service
        }
        Wire.Sentenced here = s.only(local::contains);
        monitor.applyRemote(here.violation(), here.sanctions());
        sanctionsApplied.addAndGet(here.sanctions().size());
    }

    @Override
    public void close() {
        running = false;
        try {
            // What waits is sent first, while the bus takes it; what it does not take for 5 s stays in the spool.
            long deadline = System.currentTimeMillis() + DRAIN_AT_CLOSE_MS;
            long progress = spool.acked();
            long progressAt = System.currentTimeMillis();
            while (sender.isAlive() && System.currentTimeMillis() < deadline
                    && System.currentTimeMillis() - progressAt < 5000) {
                sender.join(200);
                if (spool.acked() != progress) {
                    progress = spool.acked();
                    progressAt = System.currentTimeMillis();
                }
            }
            if (sender.isAlive()) {
                sender.interrupt(); // it may wait for the bus's metadata inside send()
                producer.close(Duration.ZERO);
                sender.join(5000);
            }
            KafkaConsumer<String, String> c = sanctions;
            if (c != null) {
                c.wakeup();
            }
            listener.join(10_000);
            writer.interrupt();
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = spool.waiting();
        try {
            if (left == 0) {
                beat("left");
            }
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the producer: {}", e.toString());
        }
        spool.close();
        String msg = "left the bus " + address + (left > 0 ? "; " + left + " events stay in the spool " + spool.dir()
                + " and are sent when a JVM opens it again" : "; every event was sent")
                + " (" + published.get() + " events of this JVM's agents published in this run)"
                + (dropped.get() > 0 ? "; " + dropped.get() + " events were dropped from the bus (spool full)" : "");
        if (left > 0 || dropped.get() > 0) {
            LOG.error(msg);
        } else {
            LOG.info(msg);
        }
        monitor.busNews(msg);
    }
}
