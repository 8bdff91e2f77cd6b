package vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vigil.core.Monitor;
import vigil.core.Violation;

/**
 * A live page of a running monitor, served by the JDK's HTTP server: the violations by value over time, the
 * interaction graph with the agents under sanction marked, the sanctions in force, reputations and the
 * summary's counts, pushed to the page with server-sent events; the meters of {@link VigilMetrics} at
 * {@code /metrics} for Prometheus. An operator can release an agent and acknowledge a violation from the
 * page with the {@link #token() token} made at start; each act is recorded in the audit log with who did it.
 *
 * <pre>
 * LiveView live = LiveView.start(monitor, LiveView.Options.loopback(0));
 * System.out.println(live.address() + " token " + live.token());
 * </pre>
 * Binds to the loopback address unless told otherwise. Thread-safe; {@link #close()} stops the server (the
 * monitor goes on).
 */
public final class LiveView implements AutoCloseable {

    /** Where to listen: a port (0: any free one) on an address (loopback unless an operator chooses otherwise). */
    public record Options(InetAddress bind, int port) {
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the live view's port must be within 0..65535, not " + port);
            }
        }

        /** The loopback address, 127.0.0.1. */
        public static Options loopback(int port) {
            return new Options(InetAddress.getLoopbackAddress(), port);
        }
    }

    /** Server-sent event streams served at once; a page beyond them is refused (503) rather than starving the operators' acts. */
    static final int MAX_STREAMS = 8;
    private static final long FRAME_MS = 200;
    private static final long HEARTBEAT_MS = 2000;
    private static final int MAX_BODY = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Monitor monitor;
    private final Board board;
    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ExecutorService pool;
    private final String token;
    private final URI address;
    private final Set<String> hosts;
    private final AtomicInteger streams = new AtomicInteger();
    private volatile boolean closing;
    private String frame;
    private String frameKey;

    private LiveView(Monitor monitor, Options options) throws IOException {
        this.monitor = monitor;
        this.board = new Board(monitor);
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 16);
        int port = server.getAddress().getPort();
        String host = options.bind().getHostAddress();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        this.address = URI.create("http://" + shown + ":" + port + "/");
        // A page from another site must not read the state through a name that resolves here (DNS rebinding):
        // on loopback only the loopback names are answered.
        this.hosts = options.bind().isLoopbackAddress()
                ? new HashSet<>(List.of(shown + ":" + port, "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port))
                : null;
        this.pool = Executors.newFixedThreadPool(MAX_STREAMS + 4, r -> {
            Thread t = new Thread(r, "vigil-live");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /** Starts the page and the metrics for {@code monitor}; the port is taken at once (an error if it is in use). */
    public static LiveView start(Monitor monitor, Options options) throws IOException {
        LiveView v = new LiveView(monitor, options);
        new VigilMetrics(monitor, v.board).bindTo(v.registry);
        monitor.addSink(v.board);
        monitor.addObserver(v.board);
        v.server.start();
        return v;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8765/}. */
    public URI address() {
        return address;
    }

    /** The operator token: releases and acknowledgements from the page need it. */
    public String token() {
        return token;
    }

    /** The line printed at start: the page's address and the operator token, and a warning when it is not on loopback. */
    public String describe() {
        return "vigil: live view at " + address + " (operator token " + token + ")"
                + (hosts != null ? "" : "; listening beyond this machine: other machines can open the page");
    }

    /** The registry behind {@code /metrics}, to add to an application's own composite registry. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops serving (open pages see the stream end); the monitor and its alerts go on. */
    @Override
    public void close() {
        closing = true;
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            x.getResponseHeaders().set("Cache-Control", "no-store");
            x.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            String host = x.getRequestHeaders().getFirst("Host");
            if (hosts != null && (host == null || !hosts.contains(host.toLowerCase()))) {
                text(x, 421, "this live view answers to " + address + " only");
                return;
            }
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                switch (path) {
                    case "/" -> page(x);
                    case "/live.js" -> resource(x, "live.js", "text/javascript; charset=utf-8");
                    case "/live.css" -> send(x, 200, "text/css; charset=utf-8",
                            (PageStyle.CSS + resourceText("live.css")).getBytes(StandardCharsets.UTF_8));
                    case "/state" -> send(x, 200, "application/json", board.snapshot().toString().getBytes(StandardCharsets.UTF_8));
                    case "/events" -> stream(x);
                    case "/metrics" -> send(x, 200, "text/plain; version=0.0.4; charset=utf-8",
                            registry.scrape().getBytes(StandardCharsets.UTF_8));
                    default -> text(x, 404, "no such page: " + path);
                }
            } else if (method.equals("POST")) {
                switch (path) {
                    case "/release" -> act(x, "agent", this::release);
                    case "/acknowledge" -> act(x, "violation", this::acknowledge);
                    default -> text(x, 404, "no such act: " + path);
                }
            } else {
                x.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                text(x, 405, "method " + method + " is not served");
            }
        }
    }

    private void page(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
                + " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        resource(x, "live.html", "text/html; charset=utf-8");
    }

    /** The state at once, then whenever it changes (at most every {@value #FRAME_MS} ms), and a heartbeat. */
    private void stream(HttpExchange x) throws IOException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            text(x, 503, "too many live pages are open (" + MAX_STREAMS + ")");
            return;
        }
        try {
            x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            String sent = null;
            long lastSent = 0;
            while (!closing) {
                String f = frame();
                long now = System.currentTimeMillis();
                if (!f.equals(sent) || now - lastSent >= HEARTBEAT_MS) {
                    out.write(("event: state\ndata: " + f + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sent = f;
                    lastSent = now;
                }
                try {
                    Thread.sleep(FRAME_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        } catch (IOException gone) {
            // The page was closed.
        } finally {
            streams.decrementAndGet();
        }
    }

    /** One snapshot for all open pages, made again only when the board or the counts changed. */
    private synchronized String frame() {
        String key = board.version() + "/" + monitor.stats().hashCode();
        if (!key.equals(frameKey)) {
            frame = board.snapshot().toString();
            frameKey = key;
        }
        return frame;
    }

    private interface Act {
        /** Returns the status and the answer's text. */
        Answer apply(String target, String by);
    }

    private record Answer(int status, String message) {
    }

    private void act(HttpExchange x, String field, Act act) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            x.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            text(x, 401, given.isEmpty() ? "refused: this act needs the operator token printed when the live view started"
                    : "refused: that is not the operator token");
            return;
        }
        JsonNode body;
        try (InputStream in = x.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                text(x, 413, "the request is longer than " + MAX_BODY + " bytes");
                return;
            }
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            text(x, 400, "expected a JSON object such as {\"" + field + "\": \"...\", \"operator\": \"your name\"}");
            return;
        }
        String target = body == null ? "" : body.path(field).asText("");
        if (target.isEmpty()) {
            text(x, 400, "name the " + field + " to act on: {\"" + field + "\": \"...\", \"operator\": \"your name\"}");
            return;
        }
        String remote = x.getRemoteAddress().getAddress().getHostAddress();
        String by = "operator " + quoted(operator(body.path("operator").asText(""))) + " (live view, from " + remote + ")";
        Answer a = act.apply(target, by);
        text(x, a.status(), a.message());
    }

    private Answer release(String agent, String by) {
        if (monitor.release(agent, by)) {
            board.snapshot();
            return new Answer(200, agent + " released");
        }
        return new Answer(409, agent + " is not muted or quarantined");
    }

    private Answer acknowledge(String id, String by) {
        Violation v = board.violation(id);
        if (v == null) {
            return new Answer(404, "no recent violation " + id);
        }
        monitor.acknowledge("violation " + id + " (" + v.rule() + ")", by);
        board.acknowledge(id, by);
        return new Answer(200, "violation " + id + " acknowledged");
    }

    /** The name an operator typed: one line, printable, at most 60 characters. */
    static String operator(String typed) {
        StringBuilder sb = new StringBuilder();
        typed.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(60).forEach(sb::appendCodePoint);
        String s = sb.toString().strip();
        return s.isEmpty() ? "unnamed" : s;
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "’") + "'";
    }

    private static String resourceText(String name) {
        try (InputStream in = LiveView.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the live view's " + name + " is missing from its jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resource(HttpExchange x, String name, String type) throws IOException {
        send(x, 200, type, resourceText(name).getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange x, int status, String message) throws IOException {
        send(x, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            x.getResponseBody().write(body);
        }
    }
}
