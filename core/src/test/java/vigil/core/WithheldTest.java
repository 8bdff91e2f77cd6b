package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.WithheldAlert;

/** Events withheld by a sanction in force are traced, alerted and counted like judged ones, in the packs' words. */
class WithheldTest {

    static final String GREED = """
            package test.greed;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Taking too much at once"
                @value("commons") @severity("medium") @sanction("quarantine 1m") @path("gate")
            when
                $a : ActionEvent(action.functor == "harvest", action.number(0) > 50)
            then
                violation(kcontext, "took " + $a.action().arg(0), $a);
            end
            """;

    @TempDir
    Path dir;

    Monitor monitor;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void withheldEventsAreMappedTracedAlertedAndCountedLikeJudgedOnes() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        monitor = Vigil.builder()
                .config(Config.builder().out(dir).audit(null).trace(trace).clock(Config.ClockMode.EVENTS).logAlerts(false)
                        .vocabulary("fish", "harvest").vocabulary("shout", "say").rules(new RuleSource("greed.drl", GREED)).build())
                .sink(alerts::add)
                .serviceSinks(false)
                .start();

        assertEquals(Decision.FLAG, monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.struct("fish", Term.num(80))))
                .decision(), "the rule sees fish(80) as harvest(80)");
        assertTrue(monitor.isQuarantined("alice", 1_500));
        Verdict action = monitor.judge(new ActionEvent("a2", 2_000, "alice", Term.struct("fish", Term.num(1))));
        Verdict message = monitor.judge(MessageEvent.of("m1", 3_000, "alice", "bob", "tell", Term.struct("shout", Term.atom("hi"))));
        assertEquals("alice is quarantined", action.reason());
        assertTrue(message.blocked());
        assertEquals(Decision.ALLOW, monitor.judge(new ActionEvent("a3", 4_000, "bob", Term.struct("fish", Term.num(1))))
                .decision());
        assertTrue(monitor.drain(5_000));
        assertTrue(monitor.flushAlerts(5_000));

        List<Event> traced = Files.readAllLines(trace).stream().map(EventJson::read).toList();
        assertEquals(List.of("a1", "a2", "m1", "a3"), traced.stream().map(Event::id).toList(),
                "every observed event is traced, withheld ones included, in order");
        assertEquals(List.of("harvest", "harvest", "say", "harvest"), traced.stream().map(WithheldTest::functor).toList(),
                "withheld events are traced after the same vocabulary mapping as judged ones");

        List<WithheldAlert> withheld = alerts.stream().filter(a -> a instanceof WithheldAlert).map(a -> (WithheldAlert) a)
                .toList();
        assertEquals(List.of("a2", "m1"), withheld.stream().map(w -> w.event().id()).toList());
        assertEquals(List.of("harvest", "say"), withheld.stream().map(w -> functor(w.event())).toList());

        Stats s = monitor.stats();
        assertEquals(4, s.observed());
        assertEquals(2, s.withheld());
        assertEquals(1, s.flagged());
        assertEquals(1, s.allowed());
        assertEquals(0, s.blocked());
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
        assertEquals(s.observed(), s.watchQueued(), "withheld events enter the watch's queue (traced, not inserted)");
        assertEquals(s.watchQueued(), s.watchJudged());
        assertEquals(1, s.violations());
    }

    @Test
    void aFailingPlatformCostsNeitherTheVerdictNorTheCounts() throws Exception {
        monitor = Vigil.builder()
                .config(Config.builder().out(dir).audit(null).clock(Config.ClockMode.EVENTS).logAlerts(false).rules(new RuleSource("greed.drl", GREED)).build())
                .sink(alerts::add)
                .platform(new MonitorTest.RecordingPlatform(new java.util.AbstractList<String>() {
                    @Override
                    public boolean add(String call) {
                        throw new IllegalStateException("platform down");
                    }

                    @Override
                    public String get(int i) {
                        throw new IndexOutOfBoundsException(i);
                    }

                    @Override
                    public int size() {
                        return 0;
                    }
                }))
                .serviceSinks(false)
                .start();
        assertEquals(Decision.FLAG, monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.struct("harvest", Term.num(80))))
                .decision());
        assertTrue(monitor.isQuarantined("alice", 1_500), "the sanction is in force in the monitor all the same");
        assertTrue(monitor.judge(new ActionEvent("a2", 2_000, "alice", Term.struct("harvest", Term.num(1)))).blocked());
        assertTrue(monitor.drain(5_000));
        assertTrue(monitor.flushAlerts(5_000));
        assertTrue(alerts.stream().anyMatch(a -> a instanceof Alert.SystemAlert s && s.kind() == Alert.SystemAlert.Kind.ENGINE_ERROR
                && s.message().contains("quarantine 1m on alice") && s.message().contains("platform down")), alerts.toString());
        Stats s = monitor.stats();
        assertEquals(2, s.observed());
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
        assertEquals(s.observed(), s.watchJudged());
    }

    @Test
    void aSynchronousSinkHasTheViolationBeforeTheVerdictReturns() throws Exception {
        List<Alert> inline = new java.util.ArrayList<>();
        monitor = Vigil.builder()
                .config(Config.builder().out(dir).audit(null).clock(Config.ClockMode.EVENTS).logAlerts(false)
                        .rules(new RuleSource("greed.drl", GREED)).build())
                .synchronousSink(inline::add)
                .serviceSinks(false)
                .start();
        Verdict v = monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.struct("harvest", Term.num(80))));
        assertEquals(Decision.FLAG, v.decision());
        assertTrue(inline.stream().anyMatch(a -> a instanceof Alert.ViolationAlert va && va.violation().equals(v.violations().get(0))),
                "recorded in the judging thread, before judge returned: " + inline);
    }

    static String functor(Event e) {
        if (e instanceof MessageEvent m) {
            return m.content().functor();
        }
        return ((ActionEvent) e).action().functor();
    }
}
