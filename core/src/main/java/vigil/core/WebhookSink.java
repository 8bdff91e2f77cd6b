package vigil.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vigil.core.Alert.WithheldAlert;

/**
 * Posts each alert's JSON (the audit log's form, {@link AlertJson}) to a URL: {@code sinks.webhook} in the
 * configuration. It is a queued sink, so it runs on a thread of its own behind a queue of {@code sinks.queue}
 * alerts and never slows the agents; an alert that overflows the queue is dropped, counted and reported. A
 * post that fails (no answer within {@code sinks.webhook.timeout}, a refused connection, a 408, 429 or 5xx
 * answer) is tried again up to {@code sinks.webhook.retries} times, 0.5 s, 1 s, 2 s ... apart; when every try
 * failed, or the receiver refused it (another 4xx), the failure is reported to the other sinks (the audit log
 * records it as {@code sink_failed}). Withheld events are not posted: a quarantined agent's every act would
 * flood the receiver, and the audit log has them.
 */
final class WebhookSink implements AlertSink {

    private static final long FIRST_PAUSE_MS = 500;

    private final URI url;
    private final int retries;
    private final Duration timeout;
    private final HttpClient http;

    WebhookSink(URI url, int retries, Duration timeout) {
        this.url = url;
        this.retries = retries;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook " + url;
    }

    @Override
    public void accept(Alert alert) throws IOException, InterruptedException {
        if (alert instanceof WithheldAlert) {
            return;
        }
        byte[] body = AlertJson.toNode(alert).toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .header("User-Agent", "vigil").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String last = null;
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                Thread.sleep(pause);
                pause *= 2;
            }
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                last = "failed: " + e;
                continue;
            }
            if (status / 100 == 2) {
                return;
            }
            last = "answered " + status;
            if (status / 100 == 4 && status != 408 && status != 429) {
                throw new IOException("the webhook " + url + " refused the alert: it " + last);
            }
        }
        throw new IOException("the webhook " + url + " " + last + " on each of " + (retries + 1) + " tries; the alert was not delivered");
    }
}
