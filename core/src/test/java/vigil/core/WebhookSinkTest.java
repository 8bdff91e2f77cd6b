package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook sink against a real HTTP server on 127.0.0.1, started by the test. */
class WebhookSinkTest {

    static final String THREAT = """
            package test.safety;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Threatening"
                @value("safety") @severity("critical") @sanction("block") @path("gate")
            when
                $e : MessageEvent(content.functor == "threat")
            then
                violation(kcontext, "threatened " + $e.receiver(), $e);
            end
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    HttpServer server;
    Monitor monitor;
    final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    final List<String> types = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** A receiver that answers the n-th post (counting from 1) with {@code status.applyAsInt(n)}. */
    URI receiver(ToIntFunction<Integer> status, CountDownLatch hold) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", (HttpExchange x) -> {
            try (x) {
                int n = attempts.incrementAndGet();
                byte[] body = x.getRequestBody().readAllBytes();
                if (hold != null) {
                    hold.await(60, TimeUnit.SECONDS);
                }
                int code = status.applyAsInt(n);
                if (code == 200) {
                    delivered.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                    types.add(x.getRequestHeaders().getFirst("Content-Type"));
                }
                x.sendResponseHeaders(code, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    Monitor start(Config.Builder config) {
        return Vigil.builder().config(config.out(dir).audit(dir.resolve("audit.jsonl")).logAlerts(false)
                .rules(new RuleSource("threat.drl", THREAT)).build()).serviceSinks(false).extensions(false).start();
    }

    void threat(int i) {
        monitor.judge(MessageEvent.of("m" + i, System.currentTimeMillis(), "mallory", "bob", "tell",
                Term.struct("threat", Term.num(i))));
    }

    List<JsonNode> audit() throws Exception {
        return Files.readAllLines(dir.resolve("audit.jsonl")).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void postsEachAlertsJsonAndTriesAgainWhenTheReceiverFails() throws Exception {
        URI url = receiver(n -> n <= 2 ? 503 : 200, null);
        monitor = start(Config.builder().set("sinks.webhook", url.toString(), null));
        threat(1);
        assertTrue(monitor.flushAlerts(20_000));
        assertEquals(List.of("started", "violation"), delivered.stream().map(n -> n.path("kind").asText()).toList());
        assertEquals(4, attempts.get(), "the first alert was posted three times (503, 503, 200), the second once");
        JsonNode v = delivered.get(1);
        assertEquals("Threatening", v.path("violation").path("rule").asText());
        assertEquals("mallory", v.path("violation").path("agents").get(0).asText());
        assertEquals("block", v.path("decision").asText());
        assertEquals("m1", v.path("evidence").get(0).path("id").asText());
        assertEquals(List.of("application/json", "application/json"), types);
        assertTrue(audit().stream().noneMatch(n -> n.path("kind").asText().equals("sink_failed")), "a retried success is no failure");
    }

    @Test
    void aReceiverThatRefusesIsNotAskedAgainAndTheFailureIsAudited() throws Exception {
        URI url = receiver(n -> 400, null);
        monitor = start(Config.builder().set("sinks.webhook", url.toString(), null));
        threat(1);
        assertTrue(monitor.flushAlerts(20_000));
        assertEquals(2, attempts.get(), "one post per alert, no retry of a 400");
        assertTrue(audit().stream().anyMatch(n -> n.path("kind").asText().equals("sink_failed")
                && n.path("message").asText().contains("refused the alert: it answered 400")), audit().toString());
    }

    @Test
    void aReceiverThatHangsNeverHoldsTheAgentsBackAndTheOverflowIsAudited() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        URI url = receiver(n -> 200, hold);
        monitor = start(Config.builder().set("sinks.webhook", url.toString(), null).sinkQueue(16)
                .set(Config.SINKS_WEBHOOK_TIMEOUT, Duration.ofSeconds(30)));
        // While the receiver holds its first post, every judgement still returns at once.
        for (int i = 0; i < 200; i++) {
            threat(i);
        }
        assertEquals(200, monitor.stats().blocked());
        assertTrue(audit().stream().anyMatch(n -> n.path("kind").asText().equals("sink_failed")
                && n.path("message").asText().contains("webhook " + url) && n.path("message").asText().contains("fell 16 alerts behind")),
                "the overflow is recorded");
        hold.countDown();
        assertTrue(monitor.flushAlerts(20_000));
        assertTrue(delivered.size() >= 16 && delivered.size() < 200, "the queue's worth was delivered, the overflow dropped: "
                + delivered.size());
    }

    @Test
    void aBadUrlIsRefusedWithTheFileLineAndKey() throws Exception {
        Path file = dir.resolve("vigil.properties");
        Files.writeString(file, "# a webhook\nsinks.webhook = ftp://x/y\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file));
        assertEquals(file + ":2: sinks.webhook: expected an http:// or https:// URL with a host, got 'ftp://x/y'",
                e.getMessage());
    }
}
