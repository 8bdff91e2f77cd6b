package vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on 127.0.0.1, with the JDK's own
 * client): open a page, evaluate JavaScript in it, take a screenshot. Each browser gets a fresh profile folder,
 * deleted on close; the browser's own output goes to a file there, not to the build's.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Browser(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium on a blank page and connects to it. */
    static Browser start(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("vigil-chromium-");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path active = profile.resolve("DevToolsActivePort");
            await(() -> Files.isRegularFile(active) && size(active) > 0 || !p.isAlive(), "Chromium's DevTools port");
            if (!p.isAlive()) {
                throw new IllegalStateException("Chromium exited at start: " + Files.readString(profile.resolve("chromium.log")));
            }
            int port = Integer.parseInt(Files.readAllLines(active).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String ws = null;
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page")) {
                    ws = t.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (ws == null) {
                throw new IllegalStateException("Chromium shows no page: " + targets);
            }
            Browser[] self = new Browser[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String message = text.toString();
                        text.setLength(0);
                        self[0].received(message);
                    }
                    s.request(1);
                    return null;
                }
            }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            self[0] = new Browser(p, profile, socket);
            return self[0];
        } catch (Exception | Error e) {
            p.destroyForcibly();
            delete(profile);
            throw e;
        }
    }

    private void received(String message) {
        try {
            JsonNode n = JSON.readTree(message);
            if (n.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(n.path("id").asInt());
                if (f != null) {
                    f.complete(n);
                }
            }
        } catch (IOException e) {
            // Not a protocol message: ignored.
        }
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("method", method);
        m.set("params", params == null ? JSON.createObjectNode() : params);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(m.toString(), true).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    void open(URI page) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("url", page.toString());
        call("Page.navigate", p);
    }

    /** The value of a JavaScript expression in the page (a promise is awaited). */
    JsonNode eval(String expression) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("expression", expression);
        p.put("returnByValue", true);
        p.put("awaitPromise", true);
        JsonNode r = call("Runtime.evaluate", p);
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw on " + expression + ": " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    boolean test(String expression) throws Exception {
        return eval("Boolean(" + expression + ")").asBoolean();
    }

    /** Waits until the expression is true in the page (one that throws counts as false); fails after 30 s with what the page showed. */
    void awaitTrue(String expression, String what) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!test("(() => { try { return " + expression + "; } catch (e) { return false; } })()")) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for the page to show " + what + "; it shows: "
                        + eval("document.body.textContent.replace(/\\s+/g, ' ').slice(0, 3000)").asText());
            }
            Thread.sleep(20);
        }
    }

    /** A PNG of the whole page, {@code width} CSS pixels wide. */
    void screenshot(Path file, int width) throws Exception {
        int height = eval("Math.ceil(document.documentElement.scrollHeight)").asInt();
        ObjectNode metrics = JSON.createObjectNode();
        metrics.put("width", width);
        metrics.put("height", height);
        metrics.put("deviceScaleFactor", 1);
        metrics.put("mobile", false);
        call("Emulation.setDeviceMetricsOverride", metrics);
        ObjectNode p = JSON.createObjectNode();
        p.put("format", "png");
        p.put("captureBeyondViewport", true);
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", p).path("data").asText());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            call("Browser.close", null);
        } catch (Exception ignored) {
            // The browser may already be gone; it is stopped below either way.
        }
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        delete(profile);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
