package vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vigil.bus.KafkaBroker;
import vigil.bus.WatchService;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Alert;
import vigil.core.AlertSink;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Term;
import vigil.core.Vigil;

/**
 * The bus path, against a real single-node Kafka broker (KRaft, a child JVM on 127.0.0.1, started as the bus's
 * tests start it), with every default pack: this JVM plays a JVM of agents and hosts the watch service. In one
 * run: the single-JVM path with the bus off (gate and watch, until the watch has judged every event), the
 * producer side with the bus on (gate, spool, Kafka with {@code acks=all}, until Kafka acknowledged every
 * event), the watch service's side (from the topic through the watch rules, until committed), and the time
 * from an event to its violation back in its JVM (a collusion: the last post's outcome judged, to the
 * violation applied there).
 */
final class BusBench {

    private static final long SPACING_MICROS = 1_000;

    private final int events;
    private final int samples;
    private final Duration lateness;

    BusBench(int events, int samples, Duration lateness) {
        this.events = events;
        this.samples = samples;
        this.lateness = lateness;
    }

    Table run() throws Exception {
        Path dir = Files.createTempDirectory("vigil-bench-bus");
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            String bus = broker.bus("bench");
            broker.createTopic("bench.events", 6);
            broker.createTopic("bench.sanctions", 6);
            long start = System.currentTimeMillis() - events * SPACING_MICROS / 1000 - 60_000;

            // The single-JVM path, the bus off: gate and watch, until the watch has judged every event.
            List<Event> work = new Workload(21).take(events, start, SPACING_MICROS);
            double off;
            try (Monitor m = Monitors.replay()) {
                long t0 = System.nanoTime();
                work.forEach(m::judge);
                m.drain(600_000);
                off = events / ((System.nanoTime() - t0) / 1e9);
            }

            // The producer side: the gate, the spool, Kafka (acks=all, idempotent), until every event is acknowledged.
            double produced;
            double gated;
            try (Monitor m = Monitors.start(Monitors.config().clock(vigil.core.Config.ClockMode.EVENTS).bus(bus)
                    .out(dir.resolve("jvm")));
                 KafkaConsumer<String, String> topic = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                         broker.address()), new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> parts = topic.partitionsFor("bench.events").stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                long before = onTopic(topic, parts);
                long t0 = System.nanoTime();
                work.forEach(m::judge);
                gated = events / ((System.nanoTime() - t0) / 1e9);
                // Acknowledged by Kafka: the topic holds them (with the JVM's heartbeats, one a second, counted too).
                while (onTopic(topic, parts) < before + events) {
                    if (System.nanoTime() - t0 > 600_000_000_000L) {
                        throw new IllegalStateException("Kafka took fewer than " + events + " events in 10 minutes");
                    }
                    Thread.sleep(5);
                }
                produced = events / ((System.nanoTime() - t0) / 1e9);
            }

            Path config = dir.resolve("watch.properties");
            Files.writeString(config, "audit = none\nsinks.log = off\n");
            WatchService watch = new WatchService(new WatchService.Options(bus, config, null, lateness, "bench-watch",
                    "bench-watch-1", 6, Duration.ofSeconds(30), null));
            Thread loop = new Thread(() -> {
                try {
                    watch.run(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-watch");
            double consumed;
            List<Double> latencies = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            long late = 0;
            String watchStats = "";
            try {
                // The watch service's side: the events waiting on the topic, judged and committed.
                long t0 = System.nanoTime();
                loop.start();
                while (watch.judgedTotal() < events) {
                    if (System.nanoTime() - t0 > 600_000_000_000L) {
                        throw new IllegalStateException("the watch service judged " + watch.judgedTotal() + " of " + events + " in 10 minutes");
                    }
                    Thread.sleep(5);
                }
                consumed = events / ((System.nanoTime() - t0) / 1e9);

                // From an event to its violation, back in the JVM of its agents.
                Map<String, Long> back = new ConcurrentHashMap<>();
                AlertSink arrivals = a -> {
                    if (a instanceof Alert.ViolationAlert va && va.violation().value().equals("competition")) {
                        long now = System.nanoTime();
                        va.violation().agents().forEach(agent -> back.putIfAbsent(agent, now));
                    }
                };
                try (Monitor m = Vigil.builder().config(Monitors.config().bus(bus).out(dir.resolve("jvm2")).build())
                        .serviceSinks(false).synchronousSink(arrivals).start()) {
                    for (int i = -1; i < samples; i++) {
                        String a = "p" + (i + 1) + "a";
                        long judged = collusion(m, a, "p" + (i + 1) + "b");
                        long deadline = judged + (i < 0 ? 120_000_000_000L : 20_000_000_000L);
                        while (!back.containsKey(a) && System.nanoTime() < deadline) {
                            Thread.sleep(1);
                        }
                        if (!back.containsKey(a)) {
                            if (i < 0) {
                                throw new IllegalStateException("the first collusion did not come back within 2 minutes");
                            }
                            lost.add(a);
                        } else if (i >= 0) { // the first one warms the path up
                            latencies.add((back.get(a) - judged) / 1e6);
                        }
                        Thread.sleep(50);
                    }
                    Thread.sleep(5_000);
                    late = lost.stream().filter(back::containsKey).count();
                    vigil.core.Stats ws = watch.monitor().stats();
                    watchStats = ws.violations() + " violations recorded by the watch service, " + ws.suppressed()
                            + " repeats held back, " + ws.engineErrors() + " rule errors";
                }
            } finally {
                watch.stop();
                loop.join(60_000);
                watch.close();
            }
            latencies.sort(null);
            long slow = latencies.stream().filter(l -> l > 10_000).count();
            return new Table("The bus path: " + Runs.f0(events) + " events (the benchmarks' market workload), every default"
                    + " pack, one real broker on this machine", "path", "events/s", "vs one JVM, bus off")
                    .row("one JVM, bus off: gate + watch, until the watch judged every event", Runs.f0(off), "1.000x")
                    .row("bus on, producer side: gate + spool + Kafka (acks=all), until Kafka acknowledged every event",
                            Runs.f0(produced), Table.f(produced / off, 3) + "x")
                    .row("bus on, gate and spool only (until the last judge returned)", Runs.f0(gated), Table.f(gated / off, 3) + "x")
                    .row("watch service: from the topic through every pack's watch rules, until committed", Runs.f0(consumed),
                            Table.f(consumed / off, 3) + "x")
                    .row("an event to its violation back in its JVM, p50 / p99 (ms), " + latencies.size() + " of " + samples
                            + " collusions back within 20 s",
                            Table.f(percentile(latencies, 0.50), 0) + " / " + Table.f(percentile(latencies, 0.99), 0), "")
                    .note("The watch service's lateness allowance was " + lateness.toMillis() + " ms (`--lateness`; the"
                            + " default is 2 s): an event waits that long for slower JVMs before it is judged, so the"
                            + " latency is the allowance plus the path's own cost. Everything ran on this machine: the"
                            + " broker, this JVM (agents' side and watch service) and its threads share its cores."
                            + (lost.isEmpty() ? "" : " " + lost.size() + " of the " + samples + " collusions did not come"
                                    + " back within 20 s (" + late + " of them within 5 s more): " + String.join(", ", lost)
                                    + "; " + watchStats + ".")
                            + (slow > 0 ? " " + slow + " of the collusions took more than 10 s to come back (the slowest "
                                    + Table.f(latencies.get(latencies.size() - 1) / 1000, 1) + " s)." : ""));
        } finally {
            Runs.deleteTree(dir);
        }
    }

    /** How many records the partitions hold (their end offsets: nothing is deleted during a run). */
    private static long onTopic(KafkaConsumer<String, String> topic, List<TopicPartition> parts) {
        return topic.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }

    /** One collusion between two fresh sellers; returns when its last event was judged (System.nanoTime). */
    private static long collusion(Monitor m, String a, String b) {
        long t = System.currentTimeMillis();
        Term price = Term.struct("price", Term.atom("widget"), Term.num(15));
        // Each pair's talk is its own (the same tell from many agents would be a cascade to the influence pack).
        allowed(m.judge(MessageEvent.of(a + "-m", t, a, b, "tell", Term.struct("deal", Term.atom(a), Term.num(15)))), a);
        ActionEvent pa = new ActionEvent(a + "-p", t, a, price);
        ActionEvent pb = new ActionEvent(b + "-p", t, b, price);
        allowed(m.judge(pa), a);
        m.outcome(ActionOutcome.of(pa, t, ActionOutcome.Result.DONE));
        allowed(m.judge(pb), b);
        m.outcome(ActionOutcome.of(pb, t, ActionOutcome.Result.DONE));
        return System.nanoTime();
    }

    private static void allowed(vigil.core.Verdict v, String agent) {
        if (v.blocked()) {
            throw new IllegalStateException("the gate withheld an event of " + agent + ": " + v.reason());
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
