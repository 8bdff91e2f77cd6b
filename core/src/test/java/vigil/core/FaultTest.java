package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;

/** Faults injected into a running monitor, each checked for what it must not cost: an event, an alert, a record. */
class FaultTest {

    @TempDir
    Path dir;

    Monitor monitor;

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    static MessageEvent tell(String id, long t, String from, SenderBelief b) {
        return MessageEvent.of(id, t, from, "bob", "tell", Term.struct("price", Term.atom("fish"), Term.num(3))).withBelief(b);
    }

    static boolean isSinkFailure(Alert a, String text) {
        return a instanceof SystemAlert s && s.kind() == SystemAlert.Kind.SINK_FAILED && s.message().contains(text);
    }

    // ---- rules ----

    @Test
    @Timeout(60)
    void aWatchRuleThatThrowsIsReportedAndTheWatchGoesOnJudging() throws Exception {
        String throwing = """
                package test.bad;
                import vigil.core.*;
                rule "Divides by zero later" @value("harm") @path("watch")
                when
                    $a : ActionEvent(action.functor == "boom")
                then
                    int x = 1 / 0;
                end
                """;
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        monitor = Vigil.builder()
                .config(Config.builder().audit(dir.resolve("audit.jsonl")).logAlerts(false).clock(Config.ClockMode.EVENTS).rules(new RuleSource("bad.drl", throwing), new RuleSource("c.drl", MonitorTest.COMMONS)).build())
                .sink(alerts::add).serviceSinks(false).start();
        int n = 300;
        for (int i = 0; i < n; i++) {
            String what = i % 10 == 0 ? "boom" : "harvest";
            assertFalse(monitor.judge(new ActionEvent("a" + i, 1_000 + i * 10L, "agent" + (i % 3), Term.struct(what, Term.num(5)))).blocked());
            if (i % 50 == 0) {
                assertTrue(monitor.drain(10_000));
            }
        }
        assertTrue(monitor.drain(30_000));
        assertTrue(monitor.flushAlerts(10_000));
        Stats s = monitor.stats();
        assertEquals(n, s.observed());
        assertEquals(n, s.watchJudged(), "the watch judged every event, failures or not");
        assertTrue(s.engineErrors() > 0);
        assertTrue(alerts.stream().anyMatch(a -> a instanceof SystemAlert sa && sa.kind() == SystemAlert.Kind.ENGINE_ERROR
                && sa.message().contains("watch")), alerts.toString());
        assertTrue(s.violations() > 0, "the commons rule, in the same session, still finds the over-harvest");
    }

    // ---- sinks -------------------------------------------------------------------------------------------

    @Test
    @Timeout(60)
    void aSinkThatThrowsIsReportedAndTheOthersGetEveryAlert() throws Exception {
        List<Alert> good = new CopyOnWriteArrayList<>();
        AtomicLong calls = new AtomicLong();
        AlertSink throwing = new AlertSink() {
            @Override
            public void accept(Alert a) {
                calls.incrementAndGet();
                throw new IllegalStateException("sink exploded");
            }

            @Override
            public String name() {
                return "exploding";
            }
        };
        monitor = Vigil.builder()
                .config(Config.builder().audit(dir.resolve("audit.jsonl")).logAlerts(false).clock(Config.ClockMode.EVENTS).rules(new RuleSource("h.drl", MonitorTest.HONESTY)).build()).sink(throwing).sink(good::add).serviceSinks(false).start();
        int lies = 50;
        for (int i = 0; i < lies; i++) {
            assertTrue(monitor.judge(tell("m" + i, 1_000 + i, "alice", SenderBelief.BELIEVES_NEGATION)).blocked());
        }
        assertTrue(monitor.flushAlerts(10_000));
        assertEquals(lies, good.stream().filter(a -> a instanceof ViolationAlert).count(), "no alert lost to the other sink");
        assertTrue(good.stream().anyMatch(a -> isSinkFailure(a, "exploding failed") && isSinkFailure(a, "sink exploded")), good.toString());
        assertTrue(calls.get() >= lies, "the failing sink keeps receiving alerts");
        monitor.close();
        AuditTrail.Report r = AuditTrail.verify(dir.resolve("audit.jsonl"), null);
        assertEquals(AuditTrail.Status.INTACT, r.status(), r.describe());
        long recorded = Files.readAllLines(dir.resolve("audit.jsonl")).stream().filter(l -> l.contains("\"kind\":\"violation\"")).count();
        assertEquals(lies, recorded, "every violation is in the audit log");
    }

    @Test
    @Timeout(60)
    void aSinkThatBlocksForeverIsReportedAndNeitherAgentsNorOtherSinksWait() throws Exception {
        List<Alert> good = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        AlertSink stuck = new AlertSink() {
            @Override
            public void accept(Alert a) throws InterruptedException {
                never.await();
            }

            @Override
            public String name() {
                return "stuck";
            }
        };
        monitor = Vigil.builder()
                .config(Config.builder().audit(dir.resolve("audit.jsonl")).logAlerts(false).sinkQueue(16)
                        .clock(Config.ClockMode.EVENTS).rules(new RuleSource("h.drl", MonitorTest.HONESTY)).build()).sink(stuck).sink(good::add).serviceSinks(false).start();
        int lies = 200;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < lies; i++) {
            assertTrue(monitor.judge(tell("m" + i, 1_000 + i, "alice", SenderBelief.BELIEVES_NEGATION)).blocked());
            // Paced so the healthy sink, whose queue is as small, never falls 16 behind on a busy machine.
            int sent = i + 1;
            while (sent % 8 == 0 && good.stream().filter(a -> a instanceof ViolationAlert).count() < sent
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        while (good.stream().filter(a -> a instanceof ViolationAlert).count() < lies && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(lies, good.stream().filter(a -> a instanceof ViolationAlert).count(), "the other sink got every alert");
        assertTrue(good.stream().anyMatch(a -> isSinkFailure(a, "stuck failed: it fell 16 alerts behind")), good.toString());
        assertFalse(monitor.flushAlerts(200), "flush says the stuck sink did not catch up");
        monitor.close();
        monitor = null;
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(dir.resolve("audit.jsonl"), null).status(),
                "closing does not wait forever for the stuck sink, and the audit log is closed properly");
    }

    // ---- the audit log's disk fills -------------------------------------------------------------------------

    static Map<String, Long> runFullDisk(Path dir, Config.FailMode fail, int n) throws Exception {
        Path output = dir.resolve("child-out.txt");
        Process p = ChildJvm.start(FullDiskMain.class, 48, dir, output, dir.resolve("audit.jsonl").toString(), fail.name(), "" + n);
        Map<String, Long> out = new HashMap<>();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = Files.readString(output);
        assertEquals(0, p.exitValue(), text);
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("closed")) {
                out.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
            }
        }
        assertTrue(text.contains("closed=true"), text);
        return out;
    }

    static void assertRecordsBeforeTheFullDiskAreIntact(Path audit) throws Exception {
        AuditTrail.Report r = AuditTrail.verify(audit, null);
        assertNotEquals(AuditTrail.Status.BROKEN, r.status(), r.describe());
        assertEquals(0, r.badLine(), "no half-written record was left behind: " + r.describe());
        List<String> lines = Files.readAllLines(audit);
        assertEquals(lines.size(), r.records());
        assertTrue(lines.size() > 10, "records were written before the disk filled");
        assertTrue(Files.size(audit) <= 48 * 1024);
    }

    @Test
    @Timeout(180)
    void aFullDiskUnderTheAuditLogIsReportedAndFailOpenMonitoringGoesOn() throws Exception {
        int n = 600;
        Map<String, Long> r = runFullDisk(dir, Config.FailMode.OPEN, n);
        assertEquals(n, r.get("observed"));
        assertEquals(n / 2, r.get("liesBlocked"), "every lie is still blocked");
        assertEquals(0, r.get("unsureBlocked"), "fail-open: flagged messages still go through");
        assertTrue(r.get("auditFailures") > 0, r.toString());
        assertTrue(r.get("sinkFailed") > 0, "the failure is reported to the other sinks: " + r);
        assertEquals(n, r.get("violationAlerts"), "the other sinks still get every violation");
        assertRecordsBeforeTheFullDiskAreIntact(dir.resolve("audit.jsonl"));
    }

    @Test
    @Timeout(180)
    void aFullDiskUnderTheAuditLogBlocksWhatItCannotRecordWhenFailClosed() throws Exception {
        int n = 600;
        Map<String, Long> r = runFullDisk(dir, Config.FailMode.CLOSED, n);
        assertEquals(n, r.get("observed"));
        assertEquals(n / 2, r.get("liesBlocked"));
        assertTrue(r.get("unsureBlocked") > 0 && r.get("unsureBlocked") < n / 2,
                "fail-closed: the flagged messages whose violation could not be recorded are blocked, the earlier ones not: " + r);
        assertTrue(r.get("auditFailures") > 0 && r.get("sinkFailed") > 0, r.toString());
        assertRecordsBeforeTheFullDiskAreIntact(dir.resolve("audit.jsonl"));
    }

    // ---- the JVM is killed ----------------------------------------------------------------------------------

    @Test
    @Timeout(120)
    void aKilledWriterLosesNoWrittenRecordAndARestartContinuesTheChain() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path output = dir.resolve("child-out.txt");
        Process p = ChildJvm.start(AuditWriterMain.class, 0, dir, output, audit.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lastConfirmed(output) < 2_000 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long confirmed = lastConfirmed(output);
        assertTrue(confirmed >= 2_000, "the child wrote records before it was killed");

        AuditTrail.Report killed = AuditTrail.verify(audit, null);
        assertEquals(AuditTrail.Status.UNFINISHED, killed.status(), killed.describe());
        assertTrue(killed.records() >= confirmed + 1, "every record confirmed before the kill verifies: " + killed.describe());
        List<String> lines = Files.readAllLines(audit);
        for (long i = 1; i <= confirmed; i++) {
            assertTrue(lines.get((int) i).contains("\"message\":\"record " + i + " "), "record " + i + " is intact");
        }
        assertTrue(killed.describe().contains("chain intact up to line " + killed.records()), killed.describe());

        try (AuditLog again = new AuditLog(audit, null, false)) {
            again.accept(new SystemAlert(SystemAlert.Kind.RELEASED, "after the restart", 1));
        }
        AuditTrail.Report resumed = AuditTrail.verify(audit, null);
        assertEquals(AuditTrail.Status.INTACT, resumed.status(), resumed.describe());
        assertEquals(killed.records() + 3, resumed.records());
        assertEquals(killed.records(), resumed.abruptStops().get(0).line());
        assertTrue(resumed.describe().contains(audit + ":" + killed.records() + ": note: the writer stopped abruptly"),
                resumed.describe());
    }

    /** The last record the writer confirmed; a line cut short by the kill is not a confirmation. */
    static long lastConfirmed(Path output) throws java.io.IOException {
        if (!Files.exists(output)) {
            return 0;
        }
        String text = Files.readString(output);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return 0;
        }
        int start = text.lastIndexOf('\n', end - 1) + 1;
        return Long.parseLong(text.substring(start + "written ".length(), end));
    }

    // ---- floods ----------------------------------------------------------------------------------------------

    @Test
    @Timeout(120)
    void aFloodFarLargerThanTheWatchQueueLosesNothingAndEveryCountReconciles() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        monitor = Vigil.builder()
                .config(Config.builder().audit(dir.resolve("audit.jsonl")).trace(trace).watchQueue(8).logAlerts(false)
                        .clock(Config.ClockMode.EVENTS).rules(new RuleSource("h.drl", MonitorTest.HONESTY)).build())
                .sink(alerts::add).serviceSinks(false).start();
        int threads = 4;
        int each = 10_000;
        long started = System.nanoTime();
        Thread[] ts = new Thread[threads];
        AtomicLong lies = new AtomicLong();
        AtomicLong blocked = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    Event e;
                    if (i % 3 == 0) {
                        e = new ActionEvent("a" + id + "-" + i, 1_000 + i, "agent" + id, Term.struct("harvest", Term.num(1)));
                    } else {
                        boolean lie = i % 100 == 1;
                        e = tell("m" + id + "-" + i, 1_000 + i, "agent" + id, lie ? SenderBelief.BELIEVES_NEGATION : SenderBelief.BELIEVES);
                        if (lie) {
                            lies.incrementAndGet();
                        }
                    }
                    if (monitor.judge(e).blocked()) {
                        blocked.incrementAndGet();
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertTrue(monitor.drain(60_000));
        System.out.println("flood: " + (System.nanoTime() - started) / 1_000_000 + " ms");
        Stats s = monitor.stats();
        long n = (long) threads * each;
        assertEquals(n, s.observed());
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
        assertEquals(n, s.watchQueued());
        assertEquals(n, s.watchJudged());
        assertEquals(lies.get(), blocked.get());
        monitor.close();
        List<String> traced = Files.readAllLines(trace);
        assertEquals(n, traced.size(), "one trace record per observed event");
        Set<String> ids = new HashSet<>();
        for (String l : traced) {
            assertTrue(ids.add(EventJson.read(l).id()), "an event traced twice: " + l);
        }
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(dir.resolve("audit.jsonl"), null).status());
        long violationRecords = Files.readAllLines(dir.resolve("audit.jsonl")).stream()
                .filter(l -> l.contains("\"kind\":\"violation\"")).count();
        assertEquals(s.violations(), violationRecords, "one audit record per violation");
        assertEquals(s.violations(), alerts.stream().filter(a -> a instanceof ViolationAlert).count());
    }

    @Test
    @Timeout(60)
    void anInterruptedAgentThreadIsStillJudgedAndItsEventsReachTheWatch() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        monitor = Vigil.builder()
                .config(Config.builder().audit(dir.resolve("audit.jsonl")).trace(trace).watchQueue(2).logAlerts(false)
                        .clock(Config.ClockMode.EVENTS).rules(new RuleSource("h.drl", MonitorTest.HONESTY)).build()).serviceSinks(false).start();
        int n = 500;
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < n; i++) {
                boolean lie = i % 5 == 0;
                Verdict v = monitor.judge(tell("m" + i, 1_000 + i, "alice", lie ? SenderBelief.BELIEVES_NEGATION : SenderBelief.BELIEVES));
                assertEquals(lie, v.blocked(), "event " + i);
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is left for the caller");
            }
        } finally {
            Thread.interrupted();
        }
        assertTrue(monitor.drain(30_000));
        assertEquals(n, monitor.stats().watchJudged());
        monitor.close();
        monitor = null;
        assertEquals(n, Files.readAllLines(trace).size());
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(dir.resolve("audit.jsonl"), null).status());
    }

    // ---- hot reload -------------------------------------------------------------------------------------------

    static final String BROKEN = """
            package test.broken;
            import vigil.core.*;
            rule "Half written"
            when
                $m : MessageEvent(performative ==
            """;

    @Test
    @Timeout(180)
    void reloadsDuringHeavyTrafficGoodOrFailingHalfwayLoseNoEventAndJudgeNoneTwice() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("honesty.drl"), MonitorTest.HONESTY);
        Path trace = dir.resolve("trace.jsonl");
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        monitor = Vigil.builder()
                .config(Config.builder().rules(List.of(rules.toString())).audit(dir.resolve("audit.jsonl")).trace(trace)
                        .watchQueue(64).logAlerts(false).clock(Config.ClockMode.EVENTS).build())
                .sink(alerts::add).serviceSinks(false).start();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong liesLetThrough = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try {
                    for (int i = 0; running.get() || i < 2_000; i++) {
                        boolean lie = i % 10 == 0;
                        Verdict v = monitor.judge(tell("m" + id + "-" + i, 1_000 + i, "agent" + id,
                                lie ? SenderBelief.BELIEVES_NEGATION : SenderBelief.BELIEVES));
                        sent.incrementAndGet();
                        if (lie && !v.blocked()) {
                            liesLetThrough.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            ts[t].start();
        }
        int good = 0;
        int failed = 0;
        for (int round = 0; round < 6; round++) {
            if (round % 2 == 1) {
                // Half the folder is new and broken: the reload must fail as a whole, with the old rules kept.
                Files.writeString(rules.resolve("zz-broken.drl"), BROKEN);
                assertFalse(monitor.reload().reloaded());
                failed++;
                Files.delete(rules.resolve("zz-broken.drl"));
            } else {
                assertTrue(monitor.reload().reloaded());
                good++;
            }
        }
        running.set(false);
        for (Thread t : ts) {
            t.join();
        }
        assertNull(failure.get(), () -> "an agent thread failed: " + failure.get());
        assertEquals(0, liesLetThrough.get(), "the honesty gate held through every reload, good or failed");
        assertTrue(monitor.drain(60_000));
        Stats s = monitor.stats();
        assertEquals(sent.get(), s.observed());
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
        assertEquals(sent.get(), s.watchJudged());
        monitor.close();
        List<String> traced = Files.readAllLines(trace);
        assertEquals(sent.get(), traced.size(), "every event traced once");
        Set<String> ids = new HashSet<>();
        for (String l : traced) {
            assertTrue(ids.add(EventJson.read(l).id()), "an event judged twice: " + l);
        }
        assertEquals(good, alerts.stream().filter(a -> a instanceof SystemAlert sa && sa.kind() == SystemAlert.Kind.RELOADED).count());
        assertEquals(failed, alerts.stream().filter(a -> a instanceof SystemAlert sa && sa.kind() == SystemAlert.Kind.RELOAD_FAILED
                && sa.message().contains("zz-broken.drl")).count());
    }
}
