package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;

class MonitorTest {

    /** The honesty rules several modules' tests judge with (one copy, in this module's test resources). */
    static final String HONESTY = honesty();

    static String honesty() {
        try (java.io.InputStream in = MonitorTest.class.getResourceAsStream("honesty.drl")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the test resource vigil/core/honesty.drl is missing", e);
        }
    }

    static final String COMMONS = """
            package test.commons;
            import vigil.core.*;
            import function vigil.core.Findings.violationBy;

            rule "Group harvests above the sustainable rate"
                @value("commons") @level("objective") @severity("medium") @path("watch") @cooldown("10s")
                @params(window = "10s", limit = "100")
            when
                $total : Number(doubleValue > ${limit}) from accumulate(
                    ActionEvent(action.functor == "harvest", $n : action.number(0)) over window:time(${window}),
                    sum($n))
                $who : java.util.List() from collect(ActionEvent(action.functor == "harvest") over window:time(${window}))
            then
                violationBy(kcontext, "group", "the group took " + $total + " in ${window}, above " + ${limit}, $who);
            end
            """;

    @TempDir
    Path dir;

    Monitor monitor;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    /** What the sanctions did on the platform, one {@code agent what} each. */
    final List<String> enforced = new CopyOnWriteArrayList<>();

    Monitor start(Config.Builder cfg, String... drl) {
        RuleSource[] sources = new RuleSource[drl.length];
        for (int i = 0; i < drl.length; i++) {
            sources[i] = new RuleSource("test" + i + ".drl", drl[i]);
        }
        monitor = Vigil.builder()
                .config(cfg.out(dir).audit(dir.resolve("audit.jsonl")).clock(Config.ClockMode.EVENTS).rules(sources).build())
                .sink(alerts::add)
                .platform(new RecordingPlatform(enforced))
                .serviceSinks(false)
                .start();
        return monitor;
    }

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    static MessageEvent tell(String id, long t, String from, String to, SenderBelief b) {
        return MessageEvent.of(id, t, from, to, "tell", Term.struct("price", Term.atom("fish"), Term.num(3))).withBelief(b);
    }

    @Test
    void gateBlocksALieAndAllowsTheTruth() {
        start(Config.builder(), HONESTY);
        Verdict truth = monitor.judge(tell("m1", 1000, "alice", "bob", SenderBelief.BELIEVES));
        assertEquals(Decision.ALLOW, truth.decision());
        Verdict lie = monitor.judge(tell("m2", 2000, "alice", "bob", SenderBelief.BELIEVES_NEGATION));
        assertEquals(Decision.BLOCK, lie.decision());
        assertEquals(1, lie.violations().size());
        Violation v = lie.violations().get(0);
        assertEquals("honesty", v.value());
        assertEquals(Severity.HIGH, v.severity());
        assertEquals(List.of("alice"), v.agents());
        assertEquals(List.of("m2"), v.evidence());
        assertEquals(RulePath.GATE, v.path());
        assertEquals("honesty", v.pack());
        assertFalse(v.packVersion().isEmpty());
        assertTrue(lie.reason().contains("believing the opposite"), lie.reason());
        Verdict unsure = monitor.judge(tell("m3", 3000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertEquals(Decision.FLAG, unsure.decision());
        assertEquals(1 - 0.1 - 0.02, monitor.reputation("alice"), 1e-9, "a high and a low severity penalty");
    }

    @Test
    void watchFindsTheGroupOverexploitingWithinAWindowOnly() throws Exception {
        start(Config.builder(), COMMONS);
        monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.struct("harvest", Term.num(40))));
        monitor.judge(new ActionEvent("a2", 2_000, "bob", Term.struct("harvest", Term.num(40))));
        // 80 within 10 s: fine. Then 30 more, 20 s later: the first two have left the window.
        monitor.judge(new ActionEvent("a3", 22_000, "carol", Term.struct("harvest", Term.num(30))));
        assertTrue(monitor.drain(5000));
        assertTrue(monitor.violations().isEmpty(), monitor.violations().toString());
        monitor.judge(new ActionEvent("a4", 23_000, "dave", Term.struct("harvest", Term.num(50))));
        monitor.judge(new ActionEvent("a5", 24_000, "erin", Term.struct("harvest", Term.num(50))));
        assertTrue(monitor.drain(5000));
        List<Violation> vs = monitor.violations();
        assertEquals(1, vs.size(), "the cooldown keeps the rule from repeating itself: " + vs);
        assertEquals(RulePath.WATCH, vs.get(0).path());
        assertEquals(List.of("group"), vs.get(0).agents());
        assertTrue(vs.get(0).evidence().containsAll(List.of("a3", "a4", "a5")), vs.get(0).evidence().toString());
        assertFalse(vs.get(0).evidence().contains("a1"));
        assertEquals(Alignment.OBJECTIVE, vs.get(0).level());
    }

    @Test
    void escalationWarnsFirstThenMutesAndMutedMessagesAreWithheld() throws Exception {
        start(Config.builder().escalation("honesty", EscalationPolicy.parse("warn; 3 in 10m: mute 30s")), HONESTY);
        monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.NO_BELIEF));
        monitor.judge(tell("m2", 2_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertFalse(monitor.isMuted("alice", 2_500));
        monitor.judge(tell("m3", 3_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertTrue(monitor.isMuted("alice", 3_500));
        assertEquals(List.of("alice vigil_warning", "alice vigil_warning", "alice mute"), enforced);
        assertTrue(monitor.flushAlerts(5_000));
        List<AppliedSanction> applied = alerts.stream().filter(a -> a instanceof ViolationAlert)
                .flatMap(a -> ((ViolationAlert) a).sanctions().stream()).toList();
        assertEquals(List.of("warn", "warn", "mute 30s"), applied.stream().map(a -> a.sanction().toString()).toList());
        assertEquals(3, applied.get(2).breach());
        Verdict muted = monitor.judge(tell("m4", 4_000, "alice", "bob", SenderBelief.BELIEVES));
        assertEquals(Decision.BLOCK, muted.decision());
        assertEquals("alice is muted", muted.reason());
        assertEquals(Decision.ALLOW, monitor.judge(tell("m5", 4_000, "bob", "alice", SenderBelief.BELIEVES)).decision());
        assertEquals(Decision.ALLOW, monitor.judge(tell("m6", 34_000, "alice", "bob", SenderBelief.BELIEVES)).decision(),
                "the mute lasts 30 s");
        Stats s = monitor.stats();
        assertEquals(6, s.observed());
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
        assertEquals(1, s.withheld());
    }

    @Test
    void sanctionsOffRecordsAndAlertsViolationsButAppliesAndBlocksNothing() throws Exception {
        start(Config.builder().sanctions(false).escalation("honesty", EscalationPolicy.parse("quarantine")), HONESTY);
        Verdict lie = monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.BELIEVES_NEGATION));
        assertEquals(Decision.FLAG, lie.decision(), "observe mode never blocks, even when the rule asks to");
        assertEquals(1, lie.violations().size());
        assertFalse(monitor.isQuarantined("alice", 2_000));
        assertFalse(monitor.judge(new ActionEvent("a1", 2_000, "alice", Term.atom("go"))).blocked());
        assertEquals(1.0, monitor.reputation("alice"), 1e-9);
        assertTrue(enforced.isEmpty(), enforced.toString());
        assertTrue(monitor.flushAlerts(5_000));
        ViolationAlert va = alerts.stream().filter(a -> a instanceof ViolationAlert).map(a -> (ViolationAlert) a)
                .findFirst().orElseThrow();
        assertEquals(List.of(), va.sanctions());
        assertEquals(Decision.FLAG, va.decision());
        assertEquals(1, monitor.violations().size());
    }

    @Test
    void sanctionsKeyReadsOnAndOffFromAFile() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("off.properties"), "sanctions = off\n");
        assertFalse(Config.load(dir.resolve("off.properties")).sanctions());
        assertTrue(Config.defaults().sanctions());
        java.nio.file.Files.writeString(dir.resolve("bad.properties"), "sanctions = maybe\n");
        vigil.core.ConfigException e = assertThrows(vigil.core.ConfigException.class,
                () -> Config.load(dir.resolve("bad.properties")));
        assertTrue(e.getMessage().contains("bad.properties:1: sanctions"), e.getMessage());
    }

    @Test
    void quarantineWithholdsMessagesAndActionsUntilReleased() {
        start(Config.builder().escalation("honesty", EscalationPolicy.parse("quarantine")), HONESTY);
        monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertTrue(monitor.isQuarantined("alice", 5_000));
        assertTrue(monitor.judge(new ActionEvent("a1", 5_000, "alice", Term.atom("go"))).blocked());
        assertTrue(monitor.judge(tell("m2", 5_000, "alice", "bob", SenderBelief.BELIEVES)).blocked());
        assertTrue(monitor.release("alice"));
        assertFalse(monitor.judge(new ActionEvent("a2", 6_000, "alice", Term.atom("go"))).blocked());
    }

    @Test
    void everySanctionKindIsParsedAppliedAndCarriedOutOnThePlatform() throws Exception {
        start(Config.builder().supervisor("boss").escalation("honesty",
                EscalationPolicy.parse("warn, reputation -0.3, notify, mute 1s, quarantine 2s")), HONESTY);
        monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertTrue(monitor.flushAlerts(5_000));
        assertEquals(List.of(Sanction.WARN, new Sanction.Reputation(-0.3), new Sanction.Notify("boss"),
                new Sanction.Mute(java.time.Duration.ofSeconds(1)), new Sanction.Quarantine(java.time.Duration.ofSeconds(2))),
                alerts.stream().filter(a -> a instanceof ViolationAlert).flatMap(a -> ((ViolationAlert) a).sanctions().stream())
                        .map(AppliedSanction::sanction).toList());
        assertEquals(List.of("alice vigil_warning", "alice reputation", "boss vigil_violation", "alice mute", "alice quarantine"),
                enforced);
        assertEquals(1 - 0.3 - 0.02, monitor.reputation("alice"), 1e-9);
        assertTrue(monitor.isQuarantined("alice", 2_500));
        assertFalse(monitor.isQuarantined("alice", 3_000));
    }

    @Test
    void reputationStaysWithinZeroAndOne() {
        start(Config.builder().escalation("honesty", EscalationPolicy.parse("reputation -0.7")), HONESTY);
        monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.NO_BELIEF));
        monitor.judge(tell("m2", 2_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertEquals(0.0, monitor.reputation("alice"));
        assertEquals(1.0, monitor.reputation("nobody"));
    }

    @Test
    void backPressureLosesNothingAndCountsReconcile() throws Exception {
        start(Config.builder().watchQueue(4), COMMONS);
        int threads = 4;
        int each = 2_000;
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    monitor.judge(new ActionEvent("a" + id + "-" + i, 1_000 + i, "agent" + id, Term.struct("harvest", Term.num(0))));
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertTrue(monitor.drain(10_000));
        Stats s = monitor.stats();
        assertEquals(threads * each, s.observed());
        assertEquals(s.observed(), s.watchQueued());
        assertEquals(s.watchQueued(), s.watchJudged());
    }

    @Test
    void aRuleThatThrowsIsContainedFailOpenByDefault() {
        String throwing = """
                package test.bad;
                import vigil.core.*;
                rule "Divides by zero" @value("harm") @path("gate")
                when
                    $a : ActionEvent(action.functor == "boom")
                then
                    int x = 1 / 0;
                end
                """;
        start(Config.builder(), throwing);
        Verdict v = monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.atom("boom")));
        assertEquals(Decision.ALLOW, v.decision());
        assertEquals(1, monitor.stats().engineErrors());
        assertEquals(Decision.ALLOW, monitor.judge(new ActionEvent("a2", 2_000, "alice", Term.atom("calm"))).decision(),
                "the gate keeps working after a failure");
        monitor.close();
        assertTrue(alerts.stream().anyMatch(a -> a instanceof SystemAlert s && s.kind() == SystemAlert.Kind.ENGINE_ERROR
                && s.message().contains("allowed (fail-open)")), alerts.toString());
    }

    @Test
    void aRuleThatThrowsBlocksWhenFailClosed() {
        String throwing = """
                package test.bad;
                import vigil.core.*;
                rule "Divides by zero" @value("harm") @path("gate")
                when
                    $a : ActionEvent(action.functor == "boom")
                then
                    int x = 1 / 0;
                end
                """;
        start(Config.builder().fail(Config.FailMode.CLOSED), throwing);
        assertEquals(Decision.BLOCK, monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.atom("boom"))).decision());
    }

    @Test
    void violationAlertsReachTheSinksWithTheirSanctions() throws Exception {
        start(Config.builder(), HONESTY);
        monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.BELIEVES_NEGATION));
        assertTrue(monitor.flushAlerts(5_000));
        ViolationAlert va = alerts.stream().filter(a -> a instanceof ViolationAlert).map(a -> (ViolationAlert) a)
                .findFirst().orElseThrow();
        assertEquals(Decision.BLOCK, va.decision());
        assertEquals(List.of("block", "warn"), va.sanctions().stream().map(s -> s.sanction().toString()).toList());
        assertEquals("m1", va.evidence().get(0).id());
    }

    @Test
    void typesDeclaredInOneFileServeTheGateAndTheWatchAndFilesReadBeforeIt() throws Exception {
        String uses = """
                package test.decl;
                import vigil.core.*;
                import function vigil.core.Findings.violationBy;
                rule "Seen twice" @value("harm") @path("watch")
                when
                    Seen($n : name, count >= 2)
                then
                    violationBy(kcontext, $n, $n + " was seen twice");
                end
                """;
        String declares = """
                package test.decl;
                import vigil.core.*;
                declare Seen
                    name  : String
                    count : int
                end
                rule "Count" @path("both")
                when
                    $a : ActionEvent($n : agent)
                    $s : Seen(name == $n)
                then
                    modify($s) { setCount($s.getCount() + 1) }
                end
                rule "First" @path("both")
                when
                    $a : ActionEvent($n : agent)
                    not Seen(name == $n)
                then
                    insert(new Seen($n, 0));
                end
                """;
        start(Config.builder(), uses, declares);
        monitor.judge(new ActionEvent("a1", 1_000, "alice", Term.atom("go")));
        monitor.judge(new ActionEvent("a2", 2_000, "alice", Term.atom("go")));
        assertTrue(monitor.drain(5000));
        assertEquals(List.of("alice"), monitor.violations().get(0).agents(), monitor.violations().toString());
    }

    @Test
    void escalationCountsOnlyTheBreachesWithinAStepsWindow() {
        start(Config.builder().escalation("honesty", EscalationPolicy.parse("warn; 2 in 10s: mute 30s")), HONESTY);
        monitor.judge(tell("m1", 1_000, "alice", "bob", SenderBelief.NO_BELIEF));
        monitor.judge(tell("m2", 20_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertFalse(monitor.isMuted("alice", 20_500), "the first breach is outside the 10 s window");
        monitor.judge(tell("m3", 25_000, "bob", "alice", SenderBelief.NO_BELIEF));
        assertFalse(monitor.isMuted("bob", 25_500), "breaches are counted per agent");
        monitor.judge(tell("m4", 25_000, "alice", "bob", SenderBelief.NO_BELIEF));
        assertTrue(monitor.isMuted("alice", 25_500));
        assertEquals(List.of("alice vigil_warning", "alice vigil_warning", "bob vigil_warning", "alice mute"), enforced);
    }

    @Test
    void rulesThatDoNotCompileStopStartUpWithEveryErrorAsFileAndLine() throws Exception {
        Path rules = java.nio.file.Files.createDirectories(dir.resolve("rules"));
        Path bad = rules.resolve("bad.drl");
        java.nio.file.Files.writeString(bad, """
                package test.bad;
                import vigil.core.*;
                rule "Unknown field" @value("harm") @path("gate")
                when
                    $a : ActionEvent(noSuchField == 1)
                then
                end
                rule "Unknown type" @value("harm") @path("gate")
                when
                    NoSuchType()
                then
                end
                """);
        Config cfg = Config.builder().rules(List.of(rules.toString())).out(dir).build();
        var e = assertThrows(vigil.core.RuleCompilationException.class,
                () -> Vigil.builder().config(cfg).serviceSinks(false).start());
        assertEquals(List.of(bad + ":5", bad + ":10"), e.errors().stream().map(r -> r.file() + ":" + r.line()).toList(),
                e.getMessage());
        assertTrue(e.getMessage().contains(bad + ":5: "), e.getMessage());
        assertTrue(e.getMessage().contains(bad + ":10: "), e.getMessage());
    }

    /** A platform that records what the sanctions did on it, as {@code agent what}. */
    record RecordingPlatform(List<String> calls) implements Platform {
        @Override
        public boolean believe(String agent, Term belief) {
            return calls.add(agent + " " + belief.functor());
        }

        @Override
        public boolean forget(String agent, String functor, int arity) {
            return calls.add(agent + " forget " + functor);
        }

        @Override
        public boolean tell(String agent, Term content) {
            return calls.add(agent + " " + content.functor());
        }

        @Override
        public boolean showReputation(String agent) {
            return calls.add(agent + " reputation");
        }

        @Override
        public boolean showSanction(String agent, String kind, long until) {
            return calls.add(agent + " " + kind);
        }
    }
}
