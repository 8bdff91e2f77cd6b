package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;

/** Hot reload on real Drools sessions: rules in a folder, edited while the monitor runs. */
class ReloadTest {

    static final String HEADER = """
            package test.reload;
            import vigil.core.*;
            import function vigil.core.Findings.violation;
            import function vigil.core.Findings.violationBy;
            """;

    /** A gate rule about one functor, named after it. */
    static String gateRule(String functor) {
        return """

                rule "Saying %1$s"
                    @value("respect") @severity("low") @sanction("warn") @path("gate")
                when
                    $m : MessageEvent(content.functor == "%1$s")
                then
                    violation(kcontext, "said %1$s to " + $m.receiver(), $m);
                end
                """.formatted(functor);
    }

    /** A windowed watch rule without cooldown: the group takes more than {@code limit} within 10 s. */
    static String commons(int limit) {
        return """

                rule "Group harvests too much"
                    @value("commons") @severity("medium") @path("watch")
                when
                    $total : Number(doubleValue > %d) from accumulate(
                        ActionEvent(action.functor == "harvest", $n : action.number(0)) over window:time(10s), sum($n))
                    $who : java.util.List() from collect(ActionEvent(action.functor == "harvest") over window:time(10s))
                then
                    violationBy(kcontext, "group", "the group took " + $total, $who);
                end
                """.formatted(limit);
    }

    @TempDir
    Path dir;

    Path folder;
    Path file;
    Monitor monitor;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void folder() throws Exception {
        folder = Files.createDirectories(dir.resolve("rules"));
        file = folder.resolve("mine.drl");
    }

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    Monitor start(Config.Builder cfg) {
        monitor = Vigil.builder()
                .config(cfg.rules(List.of(folder.toString())).out(dir).audit(dir.resolve("audit.jsonl"))
                        .clock(Config.ClockMode.EVENTS).logAlerts(false).build())
                .sink(alerts::add)
                .serviceSinks(false)
                .start();
        return monitor;
    }

    static MessageEvent say(String id, long t, String functor) {
        return MessageEvent.of(id, t, "alice", "bob", "tell", Term.struct(functor, Term.atom("you")));
    }

    static ActionEvent harvest(String id, long t, String agent, int n) {
        return new ActionEvent(id, t, agent, Term.struct("harvest", Term.num(n)));
    }

    List<SystemAlert> systemAlerts(SystemAlert.Kind kind) throws InterruptedException {
        assertTrue(monitor.flushAlerts(5_000));
        return alerts.stream().filter(a -> a instanceof SystemAlert s && s.kind() == kind).map(a -> (SystemAlert) a).toList();
    }

    /** A watch rule on the agents the watch knows: an agent that acts again long after it was first seen. */
    static String veteran(String name) {
        return """

                rule "%s"
                    @value("respect") @severity("low") @path("watch")
                when
                    KnownAgent($x : name, $since : since)
                    $a : ActionEvent(agent == $x, time >= $since + 5000)
                then
                    violationBy(kcontext, $x, $x + " known since " + $since, $a);
                end
                """.formatted(name);
    }

    @Test
    void theAgentsTheWatchKnowsAreCarriedOverAReload() throws Exception {
        Files.writeString(file, HEADER + veteran("Acting long after being seen"));
        start(Config.builder());
        monitor.judge(harvest("a1", 1_000, "ann", 1));
        monitor.judge(say("m1", 2_000, "hello"));
        assertTrue(monitor.drain(10_000));
        assertTrue(monitor.violations().isEmpty(), monitor.violations().toString());

        Files.writeString(file, HEADER + veteran("Acting again after a reload"));
        assertTrue(monitor.reload().reloaded());
        monitor.judge(harvest("a2", 7_000, "ann", 1));
        monitor.judge(harvest("a3", 7_500, "bob", 1));
        monitor.judge(harvest("a4", 8_000, "cyd", 1));
        assertTrue(monitor.drain(10_000));

        List<String> found = monitor.violations().stream().map(v -> v.rule() + ": " + v.explanation()).toList();
        assertEquals(List.of("Acting again after a reload: ann known since 1000",
                "Acting again after a reload: bob known since 2000"), found.stream().sorted().toList(),
                "ann and bob (the receiver) were seen before the reload; cyd is new");
    }

    @Test
    void aGoodEditSwapsTheRules() throws Exception {
        Files.writeString(file, HEADER + gateRule("insult"));
        start(Config.builder());
        assertEquals(Decision.FLAG, monitor.judge(say("m1", 1_000, "insult")).decision());
        assertEquals(Decision.ALLOW, monitor.judge(say("m2", 2_000, "mock")).decision());

        Files.writeString(file, HEADER + gateRule("mock"));
        Monitor.ReloadResult r = monitor.reload();

        assertTrue(r.reloaded(), r.message());
        assertEquals(Decision.ALLOW, monitor.judge(say("m3", 3_000, "insult")).decision(), "the removed rule no longer fires");
        Verdict mock = monitor.judge(say("m4", 4_000, "mock"));
        assertEquals(Decision.FLAG, mock.decision(), "the new rule fires");
        assertEquals("Saying mock", mock.violations().get(0).rule());
        assertEquals(List.of("Saying mock"), monitor.rules().stream().filter(RuleInfo::judges).map(RuleInfo::name).toList());
        assertEquals(1, systemAlerts(SystemAlert.Kind.RELOADED).size());
        assertTrue(r.message().matches("rules reloaded: 1 rule in \\w+"), "one rule, the pack named without its hash: " + r.message());
    }

    @Test
    void aBrokenEditKeepsTheRunningRulesAndRaisesAnAlertWithFileLineAndMessage() throws Exception {
        Files.writeString(file, HEADER + gateRule("insult"));
        start(Config.builder());
        String broken = HEADER + """

                rule "Broken"
                    @value("respect") @path("gate")
                when
                    $m : MessageEvent(noSuchField == "x")
                then
                    violation(kcontext, "never", $m);
                end
                """;
        Files.writeString(file, broken);
        int line = broken.lines().toList().indexOf("    $m : MessageEvent(noSuchField == \"x\")") + 1;

        Monitor.ReloadResult r = monitor.reload();

        assertFalse(r.reloaded());
        assertEquals(Decision.FLAG, monitor.judge(say("m1", 1_000, "insult")).decision(), "the running rules still judge");
        List<SystemAlert> failed = systemAlerts(SystemAlert.Kind.RELOAD_FAILED);
        assertEquals(1, failed.size(), alerts.toString());
        String text = failed.get(0).message();
        assertTrue(text.contains(file + ":" + line + ": "), "names file:line: " + text);
        assertTrue(text.contains("noSuchField"), "says what is wrong: " + text);
        assertTrue(text.contains("running rules stay"), text);
        assertTrue(systemAlerts(SystemAlert.Kind.RELOADED).isEmpty());

        Files.writeString(file, HEADER + gateRule("mock"));
        assertTrue(monitor.reload().reloaded(), "a fixed file reloads after a broken one");
        assertEquals(Decision.FLAG, monitor.judge(say("m2", 2_000, "mock")).decision());
    }

    @Test
    void watchingTheFolderPicksUpAnEditByItself() throws Exception {
        Files.writeString(file, HEADER + gateRule("insult"));
        start(Config.builder().watchRules(true));

        Files.writeString(file, HEADER + gateRule("mock"));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!hasRule("Saying mock") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(hasRule("Saying mock"), "the watcher reloaded the edited folder: " + monitor.rules());
        assertFalse(hasRule("Saying insult"));
        assertEquals(Decision.FLAG, monitor.judge(say("m1", 1_000, "mock")).decision());
    }

    @Test
    void watchingTheFolderPicksUpRulesInASubFolderMadeLater() throws Exception {
        Files.writeString(file, HEADER + gateRule("insult"));
        start(Config.builder().watchRules(true));

        Path sub = Files.createDirectories(folder.resolve("more"));
        Files.writeString(sub.resolve("more.drl"), HEADER.replace("test.reload", "test.more") + gateRule("mock"));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!hasRule("Saying mock") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(hasRule("Saying mock"), "the new sub-folder's rules were loaded: " + monitor.rules());
        assertTrue(hasRule("Saying insult"));
        Files.writeString(sub.resolve("more.drl"), HEADER.replace("test.reload", "test.more") + gateRule("tease"));
        deadline = System.nanoTime() + 30_000_000_000L;
        while (!hasRule("Saying tease") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(hasRule("Saying tease"), "an edit inside the new sub-folder is seen: " + monitor.rules());
    }

    @Test
    void watchingTheFolderKeepsTheRunningRulesOnABrokenEdit() throws Exception {
        Files.writeString(file, HEADER + gateRule("insult"));
        start(Config.builder().watchRules(true));

        Files.writeString(file, HEADER + "rule \"Broken\" when then oops end\n");

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (systemAlerts(SystemAlert.Kind.RELOAD_FAILED).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(systemAlerts(SystemAlert.Kind.RELOAD_FAILED).get(0).message().contains(file + ":"), alerts.toString());
        assertEquals(Decision.FLAG, monitor.judge(say("m1", 1_000, "insult")).decision());
    }

    boolean hasRule(String name) {
        return monitor.rules().stream().anyMatch(r -> r.name().equals(name));
    }

    @Test
    void aSwapKeepsReputationEscalationSanctionsHistoryAndCounts() throws Exception {
        Files.writeString(file, HEADER + gateRule("insult"));
        start(Config.builder().escalation("respect", EscalationPolicy.parse("warn; 2 in 10m: mute 30s")));
        monitor.judge(say("m1", 1_000, "insult"));
        assertFalse(monitor.isMuted("alice", 1_500));

        Files.writeString(file, HEADER + gateRule("insult") + gateRule("mock"));
        assertTrue(monitor.reload().reloaded());

        monitor.judge(say("m2", 2_000, "insult"));
        assertTrue(monitor.isMuted("alice", 2_500), "the second breach counts the one before the reload");
        assertEquals(1 - 2 * 0.02, monitor.reputation("alice"), 1e-9, "reputation carries on");

        Files.writeString(file, HEADER + gateRule("insult"));
        assertTrue(monitor.reload().reloaded());

        assertTrue(monitor.isMuted("alice", 3_000), "the mute stays in force");
        assertTrue(monitor.judge(say("m3", 3_000, "hello")).blocked());
        assertEquals(2, monitor.violations().size(), "the history is kept");
        Stats s = monitor.stats();
        assertEquals(3, s.observed());
        assertEquals(1, s.withheld());
        assertEquals(2, s.violations());
    }

    @Test
    void aSwapKeepsTheWatchWindowsFullWithoutReportingAgain() throws Exception {
        Files.writeString(file, HEADER + commons(100));
        start(Config.builder());
        monitor.judge(harvest("a1", 1_000, "alice", 120));
        assertTrue(monitor.drain(5_000));
        assertEquals(1, monitor.violations().size());

        Files.writeString(file, HEADER + commons(125));
        assertTrue(monitor.reload().reloaded());
        assertTrue(monitor.drain(5_000));
        assertEquals(1, monitor.violations().size(), "the carried harvest is not reported a second time");

        monitor.judge(harvest("a2", 2_000, "bob", 10));
        assertTrue(monitor.drain(5_000));
        List<Violation> vs = monitor.violations();
        assertEquals(2, vs.size(), "the window still holds the harvest from before the reload: " + vs);
        assertEquals(List.of("a1", "a2"), vs.get(1).evidence());
        assertTrue(vs.get(1).explanation().contains("130"), vs.get(1).explanation());

        monitor.judge(harvest("a3", 20_000, "bob", 10));
        assertTrue(monitor.drain(5_000));
        assertEquals(2, monitor.violations().size(), "carried events still leave the window");
        Stats s = monitor.stats();
        assertEquals(s.watchQueued(), s.watchJudged());
    }
}
