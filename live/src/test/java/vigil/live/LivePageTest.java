package vigil.live;

import static org.junit.jupiter.api.Assertions.*;

import jason.asSyntax.Literal;
import jason.bb.BeliefBase;
import jason.infra.local.BaseLocalMAS;
import jason.infra.local.LocalAgArch;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.Term;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.run.JasonRun;

/**
 * The live page in headless Chromium while a real Jason MAS runs: a violation appears on the page as it
 * happens, a release from the page without the token is refused and with it lifts the quarantine in the
 * agent (her belief says so), an acknowledgement is recorded with who made it, and hostile agent names and
 * message contents stay text. Writes the screenshot {@code target/live-page.png} (docs/live.png is a copy)
 * and the measured delay to {@code target/live-page.txt}.
 */
class LivePageTest {

    static final String RULES = """
            package test.live;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Threatening"
                @value("safety") @severity("critical") @sanction("block, quarantine") @path("gate")
            when
                $e : MessageEvent(content.functor == "threat")
            then
                violation(kcontext, "threatened " + $e.receiver(), $e);
            end

            rule "Passing notes"
                @value("discretion") @severity("low") @sanction("warn") @path("gate")
            when
                $e : MessageEvent(content.functor == "note")
            then
                violation(kcontext, "passed " + $e.receiver() + " the note " + $e.content().text(0), $e);
            end
            """;

    /** Names and contents a hostile or careless platform could send, each of which would act if taken as markup. */
    static final String HOSTILE_AGENT = "<img src=x onerror=\"window.pwned=3\">";
    static final String HOSTILE_RECEIVER = "\"><svg onload=\"window.pwned=4\"></svg>";

    @TempDir
    Path dir;
    LiveView live;
    JasonRun run;
    Browser browser;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (run != null) {
                run.close();
            }
            if (live != null) {
                live.close();
            }
        } finally {
            MasMonitor.shutdown();
        }
    }

    @Test
    void showsTheRunningMasAndLiftsAQuarantineFromThePage() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), () -> {
            System.err.println("WARNING LivePageTest SKIPPED: no " + Browser.CHROMIUM
                    + " (Debian's chromium package; .ci/run installs it)");
            return "no " + Browser.CHROMIUM;
        });
        Monitor monitor = MasMonitor.install(Vigil.builder()
                .config(Config.builder().out(dir).audit(dir.resolve("audit.jsonl")).logAlerts(false)
                        .rules(new RuleSource("live.drl", RULES)).build()).sink(alerts::add).serviceSinks(false));
        live = LiveView.start(monitor, LiveView.Options.loopback(0));
        monitor.judge(MessageEvent.of("h1", System.currentTimeMillis(), HOSTILE_AGENT, HOSTILE_RECEIVER, "tell",
                Term.struct("threat", Term.string("</script><script>window.pwned=5</script>"))));

        browser = Browser.start(1200, 900);
        browser.open(live.address());
        browser.awaitTrue("document.getElementById('status').dataset.state === 'live'", "that it is connected");

        run = JasonRun.start(resource("live/live.mas2j"), false);
        Browser.await(() -> threat("alice") != null, "alice's threat to be judged");
        Violation threat = threat("alice");
        String row = "#violations tr[data-violation='" + threat.id() + "']";
        browser.awaitTrue("document.querySelector(\"" + row + "\")", "the violation " + threat.id());
        long shown = System.currentTimeMillis();
        Files.writeString(Path.of("target", "live-page.txt"), "the violation was on the page " + (shown - threat.time())
                + " ms after alice sent the threat (the page polls its state every 20 ms here)\n");
        browser.awaitTrue("document.querySelector(\"#graph g.node.sanctioned[data-agent='alice']\")", "alice marked as sanctioned");
        browser.awaitTrue("document.querySelector(\"#sanctions tr[data-agent='alice']\")", "alice's quarantine");
        Browser.await(() -> believes("alice", "vigil_sanction(quarantine,until_released)"), "alice to believe she is quarantined");

        // An acknowledgement with the token is recorded with the operator's name.
        browser.eval("document.getElementById('operator').value = 'ann'; document.getElementById('token').value = '"
                + live.token() + "'; document.querySelector(\"" + row + " button\").click()");
        browser.awaitTrue("document.querySelector(\"" + row + "\").textContent.includes(\"acknowledged by operator 'ann'\")",
                "the acknowledgement");

        // A release without the token is refused, and changes nothing.
        browser.eval("document.getElementById('token').value = ''; "
                + "document.querySelector(\"#sanctions tr[data-agent='alice'] button\").click()");
        browser.awaitTrue("document.getElementById('answer').className === 'refused'", "the refusal");
        assertTrue(browser.eval("document.getElementById('answer').textContent").asText().contains("needs the operator token"));
        assertTrue(monitor.isQuarantined("alice"));

        // Whatever the names and contents held, nothing of it ran or became markup.
        browser.awaitTrue("[...document.querySelectorAll('#violations td')].some(td => td.textContent === "
                + js(HOSTILE_AGENT) + ")", "the hostile agent's name as text");
        browser.awaitTrue("document.querySelector('#graph').textContent.includes(" + js(HOSTILE_RECEIVER.substring(0, 17)) + ")",
                "the hostile receiver's name in the graph, as text");
        browser.awaitTrue("[...document.querySelectorAll('#violations td')].some(td => td.textContent.includes("
                + js("<img src=x onerror=\"window.pwned=1\">") + "))", "the hostile note as text");
        assertEquals("undefined", browser.eval("typeof window.pwned").asText());
        assertEquals(0, browser.eval("document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length").asInt());
        assertEquals(1, browser.eval("document.scripts.length").asInt(), "only the page's own script");
        assertEquals(0, browser.eval("document.querySelectorAll('svg svg').length").asInt());
        assertEquals("Vigil live view", browser.eval("document.title").asText());

        browser.screenshot(Path.of("target", "live-page.png"), 1200);

        // With the token, the release lifts the quarantine in the agent.
        browser.eval("document.getElementById('token').value = '" + live.token() + "'; "
                + "document.querySelector(\"#sanctions tr[data-agent='alice'] button\").click()");
        browser.awaitTrue("document.getElementById('answer').className === 'done'", "the release");
        Browser.await(() -> believes("alice", "free"), "alice to believe herself free");
        assertFalse(believes("alice", "vigil_sanction(quarantine,until_released)"));
        browser.awaitTrue("!document.querySelector(\"#sanctions tr[data-agent='alice']\")", "alice's quarantine gone");

        monitor.flushAlerts(5_000);
        String audit = Files.readString(dir.resolve("audit.jsonl"));
        assertTrue(audit.contains("alice released from its sanctions by operator 'ann' (live view, from 127.0.0.1)"), audit);
        assertTrue(audit.contains("(Threatening) acknowledged by operator 'ann' (live view, from 127.0.0.1)"), audit);
    }

    private Violation threat(String agent) {
        for (Alert a : alerts) {
            if (a instanceof ViolationAlert va && va.violation().rule().equals("Threatening") && va.violation().involves(agent)) {
                return va.violation();
            }
        }
        return null;
    }

    private static boolean believes(String agent, String belief) {
        LocalAgArch a = BaseLocalMAS.getRunner().getAg(agent);
        if (a == null) {
            return false;
        }
        BeliefBase bb = a.getTS().getAg().getBB();
        for (Literal l : bb) {
            if (l.copy().clearAnnots().toString().equals(belief)) {
                return true;
            }
        }
        return false;
    }

    /** A JavaScript string literal. */
    private static String js(String s) {
        return new com.fasterxml.jackson.databind.node.TextNode(s).toString();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LivePageTest.class.getResource("/mas/" + name).toURI());
    }
}
