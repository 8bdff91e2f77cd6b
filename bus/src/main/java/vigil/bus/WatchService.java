package vigil.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Alert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.AlertSink;
import vigil.core.Config;
import vigil.core.Event;
import vigil.core.Monitor;
import vigil.core.RulePath;
import vigil.core.Vigil;
import vigil.core.Violation;

/**
 * The watch service: reads the events topic, where every JVM's gate publishes what it judged, runs the watch
 * rules over the whole society in event time, writes the audit log and publishes what it sentenced to the
 * sanctions topic, where each JVM picks up the sanctions on its own agents.
 *
 * <p>Time: events carry their JVM's clock. They wait in a buffer until the watermark (the latest event time
 * seen, less the lateness allowance; while the topic is idle, the wall clock less the allowance) passes them,
 * and are judged in event-time order. An event that arrives after the watermark passed its time is judged at
 * once with its own time (windows still open count it; a window the rules already closed is not reopened)
 * and counted as late.
 *
 * <p>Nothing lost, nothing judged twice: offsets are committed only after the events before them are judged,
 * their violations written to the audit log and sent to the sanctions topic. On start the service reads its
 * audit log, replays the retention period before its committed offsets to rebuild the windows (what that
 * replay finds was sentenced before and is not sentenced again), drops events whose id it has seen, and does
 * not record again a violation its audit log holds. Each commit carries the count of events judged, so the
 * count survives restarts.
 */
public final class WatchService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchService.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the service is started with. {@code config} may be null (the embedded defaults). */
    public record Options(String bus, Path config, Path audit, Duration lateness, String group, String instance,
            int partitions, Duration silence, Path status) {
    }

    /** An event waiting for the watermark. */
    private record Pending(long time, long arrival, TopicPartition tp, long offset, Event event, boolean effect,
            boolean replay) {
    }

    private final Options options;
    private final BusAddress address;
    private final Config config;
    private final Monitor monitor;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Set<String> recordedKeys = new HashSet<>();
    private final Set<String> replayIds = new HashSet<>();
    private final PriorityQueue<Pending> buffer = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.arrival, b.arrival));
    private final Map<TopicPartition, TreeSet<Long>> buffered = new HashMap<>();
    private final Map<TopicPartition, TreeSet<Long>> judgedOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> lastPolled = new HashMap<>();
    private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
    private final Map<TopicPartition, Long> judgedBefore = new HashMap<>();
    /** Ids of the events judged, with their time, forgotten after the retention. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private final Map<String, Long> sources = new LinkedHashMap<>();
    private final Set<String> silent = new HashSet<>();
    private long arrivals;
    private long maxTime = Long.MIN_VALUE;
    private long lastReleased = Long.MIN_VALUE;
    private long advanced = Long.MIN_VALUE;
    private long lastCommit;
    private long late;
    private long duplicates;
    private long replayed;
    private long judgedNow;
    private volatile boolean stopping;
    private volatile boolean stopped;

    public WatchService(Options options) {
        this.options = options;
        this.address = BusAddress.parse(options.bus());
        Config base = options.config() == null ? Config.defaults() : Config.load(options.config());
        Config.Builder b = base.toBuilder().clock(Config.ClockMode.EVENTS).bus(null);
        if (options.audit() != null) {
            b.audit(options.audit());
        }
        this.config = b.build();
        ClientSettings.check(config);
        if (config.audit() != null) {
            readAudit(config.audit());
        }
        ensureTopics();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address.servers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(ClientSettings.producer(p, config), new StringSerializer(), new StringSerializer());
        republishUnsent();
        this.monitor = Vigil.builder().config(config).recorded(this::recordedBefore).sink(new Publisher()).start();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address.servers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Static membership: a restarted service takes its partitions back at once, without waiting for the
        // session of the one that died to time out; a service that does not come back is replaced after 10 s.
        c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, options.instance());
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
        this.consumer = new KafkaConsumer<>(ClientSettings.consumer(c, config), new StringDeserializer(), new StringDeserializer());
    }

    public Monitor monitor() {
        return monitor;
    }

    // ---- start: what an earlier run recorded ----

    private void readAudit(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.contains("\"violation\"")) {
                    continue;
                }
                try {
                    JsonNode o = MAPPER.readTree(line);
                    if ("violation".equals(o.path("kind").asText())) {
                        recordedKeys.add(Wire.key(Wire.sentenced(o).violation()));
                    }
                } catch (IOException | RuntimeException e) {
                    // A record cut by a crash: the audit log cuts it off itself when it opens.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        if (!recordedKeys.isEmpty()) {
            LOG.info("the audit log {} holds {} violations from earlier runs: they are not recorded again", file,
                    recordedKeys.size());
        }
    }

    private boolean recordedBefore(Violation v) {
        if (recordedKeys.contains(Wire.key(v))) {
            return true;
        }
        // Found by the replay alone: every event it cites was judged before the committed offsets.
        return !v.evidence().isEmpty() && replayIds.containsAll(v.evidence());
    }

    private Admin admin() {
        return Admin.create(ClientSettings.admin(new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                address.servers(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)), config));
    }

    private void ensureTopics() {
        try (Admin admin = admin()) {
            Set<String> have = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : List.of(address.events(), address.sanctions())) {
                if (!have.contains(t)) {
                    missing.add(new NewTopic(t, options.partitions(), (short) -1));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    LOG.info("created the topics {} with {} partitions", missing.stream().map(NewTopic::name).toList(),
                            options.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaching " + address);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach the bus " + address + ": " + e.getMessage(), e);
        }
    }

    /** Violations the audit log holds but the sanctions topic does not (a crash between the two): sent now. */
    private void republishUnsent() {
        if (recordedKeys.isEmpty() || config.audit() == null) {
            return;
        }
        Set<String> sent = new HashSet<>();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address.servers());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> k = new KafkaConsumer<>(ClientSettings.consumer(c, config), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo i : k.partitionsFor(address.sanctions(), Duration.ofSeconds(30))) {
                parts.add(new TopicPartition(i.topic(), i.partition()));
            }
            k.assign(parts);
            k.seekToBeginning(parts);
            Map<TopicPartition, Long> end = k.endOffsets(parts, Duration.ofSeconds(30));
            while (parts.stream().anyMatch(tp -> k.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : k.poll(Duration.ofMillis(500))) {
                    try {
                        sent.add(Wire.key(Wire.sentenced(r.value()).violation()));
                    } catch (RuntimeException e) {
                        LOG.warn("a record of {} is not a violation: {}", address.sanctions(), e.getMessage());
                    }
                }
            }
        }
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(config.audit(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.contains("\"violation\"")) {
                    continue;
                }
                JsonNode o;
                try {
                    o = MAPPER.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (!"violation".equals(o.path("kind").asText())) {
                    continue;
                }
                Wire.Sentenced s = Wire.sentenced(o);
                if (s.violation().path() == RulePath.WATCH && sent.add(Wire.key(s.violation()))) {
                    producer.send(new ProducerRecord<>(address.sanctions(), first(s.violation()), o.toString()));
                    n++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit log " + config.audit() + ": " + e.getMessage(), e);
        }
        producer.flush();
        if (n > 0) {
            LOG.warn("{} violations recorded by an earlier run had not reached {}: sent now", n, address.sanctions());
        }
    }

    private static String first(Violation v) {
        return v.agents().isEmpty() ? "" : v.agents().get(0);
    }

    /** Sends each violation the watch sentenced to the sanctions topic (after the audit log recorded it). */
    private final class Publisher implements AlertSink {
        @Override
        public void accept(Alert alert) {
            if (alert instanceof ViolationAlert va && va.violation().path() == RulePath.WATCH) {
                producer.send(new ProducerRecord<>(address.sanctions(), first(va.violation()), Wire.violation(va)), (md, ex) -> {
                    if (ex != null) {
                        LOG.error("could not send violation {} to {}: {}", va.violation().id(), address.sanctions(), ex.toString());
                    }
                });
            }
        }
    }

    // ---- the loop ----

    /** Runs until {@link #stop()} (or, when {@code duration} is given, until it has passed); then judges what waits and commits. */
    public void run(Duration duration) throws InterruptedException {
        long until = duration == null ? Long.MAX_VALUE : System.currentTimeMillis() + duration.toMillis();
        consumer.subscribe(List.of(address.events()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> parts) {
                if (!parts.isEmpty()) {
                    releaseAll();
                    commit();
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> parts) {
                resume(parts);
            }
        });
        LOG.info("watching {} (group {}, lateness {}, audit {})", address, options.group(), options.lateness(),
                config.audit());
        try {
            while (!stopping && System.currentTimeMillis() < until) {
                List<ConsumerRecord<String, String>> got = new ArrayList<>();
                consumer.poll(Duration.ofMillis(100)).forEach(got::add);
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, String> r : got) {
                    take(r, now);
                }
                long watermark = maxTime == Long.MIN_VALUE ? Long.MIN_VALUE : maxTime - options.lateness().toMillis();
                if (got.isEmpty()) {
                    watermark = Math.max(watermark, now - options.lateness().toMillis());
                }
                int released = release(watermark);
                if (watermark > advanced && (released > 0 || got.isEmpty()) && watermark > 0) {
                    monitor.advanceTo(watermark);
                    advanced = watermark;
                }
                checkSilence(now);
                if (released > 0 && now - lastCommit >= 200 || now - lastCommit >= 1000) {
                    commit();
                }
            }
            releaseAll();
            commit();
        } finally {
            stopped = true;
        }
    }

    /** Where each partition starts: the retention before its committed offset, replayed to rebuild the windows. */
    private void resume(Collection<TopicPartition> parts) {
        if (parts.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(parts));
        long since = System.currentTimeMillis() - config.retention().toMillis() - options.lateness().toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        for (TopicPartition tp : parts) {
            times.put(tp, since);
        }
        Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
        for (TopicPartition tp : parts) {
            OffsetAndMetadata c = committed.get(tp);
            buffered.computeIfAbsent(tp, k -> new TreeSet<>());
            judgedOffsets.computeIfAbsent(tp, k -> new TreeSet<>());
            if (c == null) {
                replayUntil.put(tp, -1L);
                judgedBefore.put(tp, 0L);
                consumer.seek(tp, begin.get(tp));
                continue;
            }
            judgedBefore.put(tp, parseCount(c.metadata()));
            replayUntil.put(tp, c.offset());
            OffsetAndTimestamp f = from.get(tp);
            long start = f == null ? c.offset() : Math.min(f.offset(), c.offset());
            consumer.seek(tp, Math.max(start, begin.get(tp)));
            if (start < c.offset()) {
                LOG.info("{}: replaying offsets {}..{} to rebuild the windows, judging from {}", tp, start, c.offset() - 1,
                        c.offset());
            }
        }
    }

    private static long parseCount(String metadata) {
        if (metadata != null && metadata.startsWith("judged=")) {
            try {
                return Long.parseLong(metadata.substring(7));
            } catch (NumberFormatException ignored) {
                // Not ours: count from zero.
            }
        }
        return 0;
    }

    private void take(ConsumerRecord<String, String> r, long now) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        lastPolled.put(tp, r.offset());
        boolean replay = r.offset() < replayUntil.getOrDefault(tp, -1L);
        Wire.Envelope env;
        try {
            env = Wire.read(r.value());
        } catch (RuntimeException e) {
            LOG.error("{}@{}: not a record of the bus, skipped: {}", tp, r.offset(), e.getMessage());
            return;
        }
        if (!replay) {
            news(env, now);
        }
        if (env.event() == null) {
            return;
        }
        long t = env.event().time();
        maxTime = Math.max(maxTime, t);
        buffer.add(new Pending(t, arrivals++, tp, r.offset(), env.event(), env.effect(), replay));
        buffered.get(tp).add(r.offset());
    }

    private void news(Wire.Envelope env, long now) {
        String src = env.source();
        Long before = sources.put(src, now);
        if ("left".equals(env.news())) {
            sources.remove(src);
            silent.remove(src);
            monitor.busNews("JVM " + src + " left the bus");
            return;
        }
        if (before == null) {
            monitor.busNews("JVM " + src + " is on the bus");
        } else if (silent.remove(src)) {
            monitor.busNews("JVM " + src + " is back after a silence");
        }
    }

    private void checkSilence(long now) {
        long limit = options.silence().toMillis();
        for (Map.Entry<String, Long> e : sources.entrySet()) {
            if (now - e.getValue() > limit && silent.add(e.getKey())) {
                String msg = "JVM " + e.getKey() + " went silent: nothing from it for " + (now - e.getValue())
                        + " ms (it was killed, hangs or lost the bus); the other JVMs go on";
                LOG.warn(msg);
                monitor.busNews(msg);
            }
        }
    }

    private int release(long watermark) {
        int n = 0;
        while (!buffer.isEmpty() && buffer.peek().time() <= watermark) {
            judge(buffer.poll());
            n++;
        }
        return n;
    }

    private void releaseAll() {
        while (!buffer.isEmpty()) {
            judge(buffer.poll());
        }
    }

    private void judge(Pending p) {
        buffered.get(p.tp()).remove(p.offset());
        Event e = p.event();
        if (seen.putIfAbsent(e.id(), e.time()) != null) {
            duplicates++;
            return;
        }
        if (p.replay()) {
            replayed++;
            replayIds.add(e.id());
        } else {
            judgedNow++;
            judgedOffsets.get(p.tp()).add(p.offset());
            if (e.time() < lastReleased) {
                late++;
            }
        }
        lastReleased = Math.max(lastReleased, e.time());
        if (p.effect()) {
            monitor.observe(e);
        }
        forgetOld();
    }

    private void forgetOld() {
        long horizon = lastReleased - config.retention().toMillis() - options.lateness().toMillis();
        var it = seen.entrySet().iterator();
        while (it.hasNext()) {
            var en = it.next();
            if (en.getValue() >= horizon) {
                break;
            }
            it.remove();
            replayIds.remove(en.getKey());
        }
    }

    /** Waits for the watch to judge what it was given and for its violations to be sent, then commits. */
    private void commit() {
        lastCommit = System.currentTimeMillis();
        try {
            if (!monitor.drain(120_000) || !monitor.flushAlerts(120_000)) {
                LOG.error("the watch did not finish judging within 2 minutes: offsets not committed");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        producer.flush();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            Long polled = lastPolled.get(tp);
            if (polled == null) {
                continue;
            }
            TreeSet<Long> waiting = buffered.get(tp);
            long at = waiting == null || waiting.isEmpty() ? polled + 1 : waiting.first();
            TreeSet<Long> judged = judgedOffsets.get(tp);
            var done = judged.headSet(at);
            long count = judgedBefore.getOrDefault(tp, 0L) + done.size();
            done.clear();
            judgedBefore.put(tp, count);
            offsets.put(tp, new OffsetAndMetadata(Math.max(at, replayUntil.getOrDefault(tp, -1L)), "judged=" + count));
        }
        if (!offsets.isEmpty()) {
            try {
                consumer.commitSync(offsets);
            } catch (org.apache.kafka.common.errors.RetriableException | org.apache.kafka.clients.consumer.CommitFailedException e) {
                // Not committed: what was judged since the last commit is judged again after a restart (harmlessly).
                LOG.warn("could not commit the offsets to {} ({}); trying again at the next commit", address, e.toString());
                return;
            }
        }
        writeStatus();
    }

    /** The events judged in all runs, as committed. */
    public long judgedTotal() {
        return judgedBefore.values().stream().mapToLong(Long::longValue).sum();
    }

    private void writeStatus() {
        if (options.status() == null) {
            return;
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("judged", judgedTotal());
        o.put("judgedThisRun", judgedNow);
        o.put("replayed", replayed);
        o.put("late", late);
        o.put("duplicates", duplicates);
        o.put("violations", monitor.stats().violations());
        o.put("waiting", buffer.size());
        var quiet = o.putArray("silent");
        silent.forEach(quiet::add);
        try {
            Path tmp = options.status().resolveSibling(options.status().getFileName() + ".tmp");
            Files.writeString(tmp, o.toString());
            Files.move(tmp, options.status(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", options.status(), e.toString());
        }
    }

    /** Asks the loop to finish: it judges what waits, commits and returns. Callable from any thread. */
    public void stop() {
        stopping = true;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** One line: what this run judged. */
    public String summary() {
        return "watch: " + judgedTotal() + " events judged in all runs (" + judgedNow + " in this one, " + replayed
                + " replayed to rebuild windows, " + duplicates + " duplicates dropped, " + late + " late), "
                + monitor.stats().violations() + " violations in this run";
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the consumer: {}", e.toString());
        }
        monitor.close();
        producer.close(Duration.ofSeconds(5));
    }
}
