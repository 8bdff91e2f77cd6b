package vigil.live;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.Vigil;

/** The live view started from the configuration alone, as an embedded monitor in a JaCaMo application gets it. */
class LiveExtensionTest {

    @TempDir
    Path dir;

    Monitor start(Config.Builder config) {
        return Vigil.builder().config(config.out(dir).audit(dir.resolve("audit.jsonl")).logAlerts(false)
                .rules(new RuleSource("threat.drl", LiveViewTest.THREAT)).build()).serviceSinks(false).start();
    }

    static boolean liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("vigil-live") && t.isAlive());
    }

    @Test
    void liveDotPortStartsThePageAndPrintsItsAddressAndToken() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Monitor m;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            m = start(Config.builder().set("live.port", "0", null));
        } finally {
            System.setOut(out);
        }
        URI page;
        try (m) {
            Matcher line = Pattern.compile("vigil: live view at (http://127\\.0\\.0\\.1:\\d+/) \\(operator token ([\\w-]{24})\\)")
                    .matcher(printed.toString(StandardCharsets.UTF_8));
            assertTrue(line.find(), printed.toString(StandardCharsets.UTF_8));
            page = URI.create(line.group(1));
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, http.send(HttpRequest.newBuilder(page.resolve("/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> release = http.send(HttpRequest.newBuilder(page.resolve("/release"))
                    .header("Authorization", "Bearer " + line.group(2))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"agent\":\"nobody\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, release.statusCode(), "the printed token is accepted: " + release.body());
        }
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(page.resolve("/state")).build(),
                HttpResponse.BodyHandlers.ofString()), "closing the monitor closes its live view");
    }

    @Test
    void withoutLiveDotPortThereIsNoServerAndNoThread() {
        try (Monitor m = start(Config.builder())) {
            assertNull(m.config().get(Config.LIVE_PORT));
            assertFalse(liveThreads());
        }
    }

    @Test
    void aPortInUseIsReportedWithTheKey() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> start(Config.builder().set(Config.LIVE_PORT, taken.getLocalPort())));
            assertTrue(e.getMessage().startsWith("live.port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:"), e.getMessage());
        }
        assertFalse(liveThreads());
    }
}
