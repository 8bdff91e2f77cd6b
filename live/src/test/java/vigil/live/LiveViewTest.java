package vigil.live;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.ActionEvent;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.Term;
import vigil.core.Vigil;

/** The live view's server against a real monitor: the operator token, the state, the metrics, the host check. */
class LiveViewTest {

    static final String THREAT = """
            package test.safety;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Threatening"
                @value("safety") @severity("critical") @sanction("block, quarantine") @path("gate")
            when
                $e : MessageEvent(content.functor == "threat")
            then
                violation(kcontext, "threatened " + $e.receiver(), $e);
            end
            """;

    @TempDir
    Path dir;
    Monitor monitor;
    LiveView live;
    final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        if (monitor != null) {
            monitor.close();
        }
    }

    void start() throws Exception {
        monitor = Vigil.builder().config(Config.builder().out(dir).audit(dir.resolve("audit.jsonl")).logAlerts(false)
                .rules(new RuleSource("threat.drl", THREAT)).build()).serviceSinks(false).start();
        live = LiveView.start(monitor, LiveView.Options.loopback(0));
    }

    void threat(String from, String to) {
        long now = System.currentTimeMillis();
        monitor.judge(MessageEvent.of("m" + System.nanoTime(), now, from, to, "tell", Term.struct("threat", Term.num(1))));
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(live.address().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(live.address().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> audit() throws Exception {
        monitor.flushAlerts(5_000);
        return Files.readAllLines(dir.resolve("audit.jsonl"));
    }

    @Test
    void releaseAndAcknowledgeAreRefusedWithoutTheTokenAndRecordedWithWhoDidThemWithIt() throws Exception {
        start();
        threat("mallory", "bob");
        assertTrue(monitor.isQuarantined("mallory"));
        String id = monitor.violations().get(0).id();

        HttpResponse<String> none = post("/release", null, "{\"agent\":\"mallory\",\"operator\":\"eve\"}");
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("needs the operator token"), none.body());
        HttpResponse<String> wrong = post("/release", live.token() + "x", "{\"agent\":\"mallory\",\"operator\":\"eve\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, post("/acknowledge", null, "{\"violation\":\"" + id + "\"}").statusCode());
        assertTrue(monitor.isQuarantined("mallory"), "a refused release changes nothing");
        assertTrue(audit().stream().noneMatch(l -> l.contains("\"released\"") || l.contains("\"acknowledged\"")), "nothing recorded");

        HttpResponse<String> ok = post("/release", live.token(), "{\"agent\":\"mallory\",\"operator\":\"ann\\u0007 \"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertFalse(monitor.isQuarantined("mallory"));
        assertEquals(409, post("/release", live.token(), "{\"agent\":\"mallory\",\"operator\":\"ann\"}").statusCode(),
                "nothing left to release");
        assertEquals(200, post("/acknowledge", live.token(), "{\"violation\":\"" + id + "\",\"operator\":\"ann\"}").statusCode());
        assertEquals(404, post("/acknowledge", live.token(), "{\"violation\":\"nope\",\"operator\":\"ann\"}").statusCode());

        List<String> audit = audit();
        JsonNode released = audit.stream().map(LiveViewTest::json).filter(n -> n.path("kind").asText().equals("released"))
                .findFirst().orElseThrow(() -> new AssertionError("no release recorded: " + audit));
        assertEquals("mallory released from its sanctions by operator 'ann' (live view, from 127.0.0.1)",
                released.path("message").asText());
        JsonNode ack = audit.stream().map(LiveViewTest::json).filter(n -> n.path("kind").asText().equals("acknowledged"))
                .findFirst().orElseThrow(() -> new AssertionError("no acknowledgement recorded: " + audit));
        assertEquals("violation " + id + " (Threatening) acknowledged by operator 'ann' (live view, from 127.0.0.1)",
                ack.path("message").asText());
        JsonNode state = JSON.readTree(get("/state").body());
        assertEquals("operator 'ann' (live view, from 127.0.0.1)", state.path("violations").get(0).path("acknowledgedBy").asText());
    }

    @Test
    void theStateHoldsTheGraphTheSanctionsAndTheCounts() throws Exception {
        start();
        long now = System.currentTimeMillis();
        monitor.judge(MessageEvent.of("a1", now, "alice", "bob", "tell", Term.atom("hello")));
        monitor.judge(MessageEvent.of("a2", now, "alice", "bob", "tell", Term.atom("hello")));
        monitor.judge(new ActionEvent("a3", now, "bob", Term.atom("rest")));
        threat("mallory", "bob");
        monitor.drain(5_000);
        monitor.flushAlerts(5_000);
        JsonNode s = JSON.readTree(get("/state").body());
        assertEquals(4, s.path("counts").path("observed").asLong());
        assertEquals(1, s.path("counts").path("blocked").asLong());
        assertEquals(1, s.path("byValue").path("safety").asLong());
        JsonNode sanction = s.path("sanctions").get(0);
        assertEquals("mallory", sanction.path("agent").asText());
        assertEquals("quarantine", sanction.path("kind").asText());
        assertTrue(sanction.path("until").isNull(), "until released");
        boolean aliceToBob = false;
        boolean flagged = false;
        for (JsonNode e : s.path("edges")) {
            aliceToBob |= e.path("from").asText().equals("alice") && e.path("to").asText().equals("bob") && e.path("count").asLong() == 2;
            flagged |= e.path("from").asText().equals("mallory") && e.path("flagged").asBoolean();
        }
        assertTrue(aliceToBob && flagged, s.path("edges").toString());
        for (JsonNode a : s.path("agents")) {
            if (a.path("name").asText().equals("mallory")) {
                assertEquals("quarantine", a.path("sanction").asText());
            }
        }
    }

    @Test
    void metricsAreScrapedUnderPrometheusNames() throws Exception {
        start();
        long now = System.currentTimeMillis();
        monitor.judge(MessageEvent.of("a1", now, "alice", "bob", "tell", Term.atom("hello")));
        threat("mallory", "bob");
        monitor.drain(5_000);
        monitor.flushAlerts(5_000);
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        String m = r.body();
        for (String line : List.of("vigil_events_total{kind=\"message\"} 2.0", "vigil_verdicts_total{decision=\"allow\"} 1.0",
                "vigil_verdicts_total{decision=\"block\"} 1.0", "vigil_violations_total{severity=\"critical\",value=\"safety\"} 1.0",
                "vigil_sanctions_in_force{kind=\"quarantine\"} 1.0", "vigil_sanctions_in_force{kind=\"mute\"} 0.0",
                "vigil_audit_failures_total 0.0", "vigil_watch_queue_depth 0.0", "vigil_watch_lag_seconds_count 2")) {
            assertTrue(m.lines().anyMatch(l -> l.equals(line)), "missing '" + line + "' in:\n" + m);
        }
    }

    @Test
    void answersOnlyToLoopbackNames() throws Exception {
        start();
        int port = live.address().getPort();
        assertTrue(raw(port, "evil.example:" + port).startsWith("HTTP/1.1 421"));
        assertTrue(raw(port, "localhost:" + port).startsWith("HTTP/1.1 200"));
        assertEquals("127.0.0.1", live.address().getHost());
    }

    /** A GET of /state with a Host header of our choosing (the JDK's client will not send a foreign one). */
    static String raw(int port, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /state HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
