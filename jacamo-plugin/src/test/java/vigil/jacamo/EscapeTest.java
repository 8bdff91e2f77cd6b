package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import jason.infra.local.BaseLocalMAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.WithheldAlert;
import vigil.core.AuditTrail;
import vigil.core.ActionEvent;
import vigil.core.Trace;
import vigil.core.MessageEvent;

/**
 * Agents trying to step around the monitor with the platform's own means, in plain AgentSpeak unless the
 * attack needs Java: creating an agent without Vigil's architecture, carrying on through a fresh agent
 * while sanctioned, killing the supervisor or stopping the MAS while quarantined, taking the name
 * {@code vigil}, and claiming a sender that did not send the message.
 */
@Timeout(120)
class EscapeTest {

    static final String BOB = """
            +secret(N)[source(S)] <- .print("LEAK ", N, " from ", S).
            +hello(N)[source(S)] <- .print("got hello from ", S).
            +ping(N)[source(S)] <- .print("got ping ", N, " from ", S).
            """;

    static final String MINION = """
            !start.
            +!start <- .send(bob, tell, secret(1)); .print("sent").
            """;

    static final String SECRETS = MonitoredArchTest.rule("privacy", "Sharing a secret",
            "@value(\"privacy\") @severity(\"high\") @sanction(\"block\")",
            "MessageEvent(content.functor == \"secret\")", "\"told \" + $e.receiver() + \" a secret\"");

    @TempDir
    Path dir;
    Mas mas;

    @AfterEach
    void stop() {
        if (mas != null) {
            mas.close();
        }
    }

    private Path project(String agents, Map<String, String> sources) throws Exception {
        for (var e : sources.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".asl"), e.getValue());
        }
        Path p = dir.resolve("escape.mas2j");
        Files.writeString(p, "MAS escape {\n    agents:\n" + agents + "}\n");
        return p;
    }

    private static String monitored(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append("        ").append(n).append(" agentArchClass vigil.jacamo.MonitoredArch;\n");
        }
        return sb.toString();
    }

    private List<String> systemAlerts(SystemAlert.Kind kind) throws InterruptedException {
        assertTrue(mas.monitor.flushAlerts(10_000));
        return mas.alerts.stream().filter(a -> a instanceof SystemAlert s && s.kind() == kind)
                .map(a -> ((SystemAlert) a).message()).toList();
    }

    private List<String> withheld() {
        return mas.alerts.stream().filter(a -> a instanceof WithheldAlert).map(a -> ((WithheldAlert) a).reason()).toList();
    }

    @Test
    void anAgentCreatedWithAnotherArchitectureIsMonitoredAllTheSame() throws Exception {
        Path p = project(monitored("mallory", "bob"), Map.of("bob", BOB, "minion", MINION, "mallory", """
                !start.
                +!start <- .create_agent(minion, "minion.asl", [agentArchClass("jason.architecture.AgArch")]);
                           .create_agent(minion2, "minion.asl", [agentArchClass("jason.infra.local.LocalAgArch")]);
                           .print("created").
                """));
        mas = Mas.start(p, Mas.config(dir).trace(dir.resolve("trace.jsonl")), SECRETS);
        mas.awaitPrinted("minion: sent");
        mas.awaitPrinted("minion2: sent");
        assertTrue(mas.monitor.drain(30_000));
        assertTrue(mas.monitor.flushAlerts(10_000));

        assertEquals(MonitoredArch.class.getName(), Mas.chain("minion").get(0), "Vigil's architecture first: " + Mas.chain("minion"));
        assertEquals(MonitoredArch.class.getName(), Mas.chain("minion2").get(0));
        assertTrue(mas.printedBy("bob").stream().noneMatch(l -> l.startsWith("LEAK")), mas.printed.toString());
        assertEquals(1, mas.monitor.violationsOf("minion").size(), "minion's secret judged and blocked");
        assertEquals(1, mas.monitor.violationsOf("minion2").size());
        assertTrue(systemAlerts(SystemAlert.Kind.AGENT_CREATED).contains("mallory created minion from minion.asl"),
                "the creator is recorded: " + mas.alerts);
        mas.close();
        mas = null;
        long creations = Files.readAllLines(dir.resolve("trace.jsonl")).stream().map(Trace::read)
                .filter(e -> e instanceof ActionEvent a && a.agent().equals("mallory") && a.action().functor().equals(".create_agent"))
                .count();
        assertEquals(2, creations, "each creation is an action of its creator, in the trace");
        String audit = Files.readString(dir.resolve("audit.jsonl"));
        assertTrue(audit.contains("mallory created minion2 from minion.asl"), "the audit log names the creator");
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(dir.resolve("audit.jsonl"), null).status());
    }

    @Test
    void aQuarantinedAgentCannotCreateKillNorStop() throws Exception {
        String threats = MonitoredArchTest.rule("safety", "Threatening",
                "@value(\"safety\") @severity(\"critical\") @sanction(\"block, quarantine\")",
                "MessageEvent(content.functor == \"threat\")", "\"threatened \" + $e.receiver()");
        Path p = project(monitored("mallory", "bob", "boss"), Map.of("bob", BOB, "boss", "", "minion", MINION, "mallory", """
                !start.
                +!start <- .send(bob, tell, threat(1)).
                +vigil_sanction(quarantine, _)[source(vigil)] <- !try(create); !try(clone); !try(kill); !try(stop); .print("done").
                +!try(create) <- .create_agent(fresh, "minion.asl"); .print("created fresh").
                +!try(clone) <- .clone("twin"); .print("cloned").
                +!try(kill) <- .kill_agent(boss); .print("killed boss").
                +!try(stop) <- .stopMAS; .print("stopped").
                -!try(W)[error(E)] <- .print("failed ", W, " ", E).
                """));
        mas = Mas.start(p, Mas.config(dir), threats);
        mas.awaitPrinted("mallory: done");
        List<String> said = mas.printedBy("mallory");
        assertTrue(said.contains("failed create vigil_blocked(\"mallory is quarantined\")"), said.toString());
        assertTrue(said.contains("failed clone vigil_blocked(\"mallory is quarantined\")"), said.toString());
        assertTrue(said.contains("failed kill ia_failed"), said.toString());
        assertTrue(said.contains("failed stop vigil_blocked(\"mallory is quarantined\")"), said.toString());
        assertNull(BaseLocalMAS.getRunner().getAg("fresh"), "no fresh agent");
        assertNull(BaseLocalMAS.getRunner().getAg("twin"), "no twin");
        assertNotNull(BaseLocalMAS.getRunner().getAg("boss"), "the supervisor lives");
        assertFalse(mas.run.awaitStop(Duration.ofMillis(200)), "the MAS was not stopped");
        assertEquals(4, withheld().stream().filter(r -> r.equals("mallory is quarantined")).count(),
                "the four platform actions withheld: " + withheld());
    }

    @Test
    void anAgentCreatedByAMutedAgentIsMutedToo() throws Exception {
        String insults = MonitoredArchTest.rule("civility", "Insulting", "@value(\"civility\") @severity(\"low\") @sanction(\"mute 60s\")",
                "MessageEvent(content.functor == \"insult\")", "\"insulted \" + $e.receiver()");
        Path p = project(monitored("mallory", "bob"), Map.of("bob", BOB, "child", """
                !start.
                +!start <- .send(bob, tell, hello(1)); .print("sent").
                """, "mallory", """
                !start.
                +!start <- .send(bob, tell, insult(1)).
                +vigil_sanction(mute, _)[source(vigil)] <- .create_agent(child, "child.asl", [agentArchClass("jason.architecture.AgArch")]).
                """));
        mas = Mas.start(p, Mas.config(dir), insults);
        mas.awaitPrinted("child: sent");
        assertTrue(mas.monitor.drain(30_000));
        assertTrue(mas.monitor.flushAlerts(10_000));
        assertTrue(mas.printedBy("bob").stream().noneMatch(l -> l.startsWith("got hello")), mas.printed.toString());
        assertTrue(mas.monitor.isMuted("child"));
        assertTrue(withheld().contains("child is muted"), withheld().toString());
        assertTrue(systemAlerts(SystemAlert.Kind.AGENT_CREATED).stream()
                .anyMatch(m -> m.startsWith("mallory created child from child.asl; child inherits mallory's mute until ")),
                mas.alerts.toString());
    }

    @Test
    void noAgentIsCreatedUnderTheNameVigilAndNoneCanSpeakAsVigil() throws Exception {
        String agents = monitored("mallory", "bob", "boss") + "        outsider;\n";
        Path p = project(agents, Map.of("bob", BOB, "forger", "", "boss", """
                +vigil_violation(A, _, _, _)[source(vigil)] <- .print("VIGIL SAYS ", A).
                +vigil_violation(A, _, _, _)[source(S)] <- .print("claim about ", A, " from ", S).
                """, "mallory", """
                !start.
                +!start <- !try(.create_agent(vigil, "forger.asl"));
                           !try(.create_agent("vigil", "forger.asl"));
                           forge.send(boss, vigil, vigil_violation(alice, "rule", honesty, "lied"));
                           .print("done").
                +!try(A) <- A; .print("succeeded ", A).
                -!try(A) <- .print("failed ", A).
                """, "outsider", """
                !start.
                +!start <- forge.send(boss, vigil, vigil_violation(bob, "rule", honesty, "lied"));
                           forge.send(bob, mallory, secret(7));
                           .print("done").
                """));
        mas = Mas.start(p, Mas.config(dir), SECRETS);
        mas.awaitPrinted("mallory: done");
        mas.awaitPrinted("outsider: done");
        mas.awaitPrinted("boss: claim about alice from mallory");
        mas.await(() -> withheld().size() >= 4, "four withheld events");
        assertNull(BaseLocalMAS.getRunner().getAg("vigil"), "no agent named vigil");
        assertEquals(2, mas.printedBy("mallory").stream().filter(l -> l.startsWith("failed .create_agent(")).count(),
                mas.printedBy("mallory").toString());
        assertTrue(mas.printedBy("boss").stream().noneMatch(l -> l.startsWith("VIGIL SAYS")), mas.printed.toString());
        assertTrue(mas.printedBy("bob").stream().noneMatch(l -> l.startsWith("LEAK")), mas.printed.toString());
        List<String> reasons = withheld();
        assertEquals(2, reasons.stream().filter(r -> r.contains("'vigil' is Vigil's")).count(), reasons.toString());
        assertTrue(reasons.contains("the message names vigil as its sender, but Vigil did not send it"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("the message names mallory as its sender, but mallory did not send it")),
                reasons.toString());
        for (Alert a : mas.alerts) {
            if (a instanceof WithheldAlert w && w.event() instanceof ActionEvent e) {
                assertEquals("mallory", e.agent(), "the attempt is held against the agent that made it");
            }
        }
        assertEquals(List.of(), mas.monitor.violationsOf("mallory"), "nothing the outsider forged is held against mallory");
    }

    @Test
    void messagesFromAnAgentThatLeftAreNotJudgedAgain() throws Exception {
        Path p = project(monitored("sender", "bob"), Map.of("bob", """
                !start.
                +!start <- slow.nap(1500); .print("awake").
                +ping(N)[source(S)] <- .print("got ping ", N, " from ", S).
                """, "sender", """
                !start.
                +!start <- for (.range(I, 1, 5)) { .send(bob, tell, ping(I)) }; .kill_agent(sender).
                """));
        mas = Mas.start(p, Mas.config(dir).trace(dir.resolve("trace.jsonl")), SECRETS);
        mas.await(() -> mas.printedBy("bob").size() == 6, "bob to wake and read the five pings");
        assertNull(BaseLocalMAS.getRunner().getAg("sender"));
        assertTrue(mas.monitor.drain(30_000));
        assertTrue(mas.monitor.flushAlerts(10_000));
        assertEquals(0, MasMonitor.traffic().incoming(), "no ping judged as coming from an unmonitored agent");
        mas.close();
        mas = null;
        long messages = Files.readAllLines(dir.resolve("trace.jsonl")).stream().map(Trace::read)
                .filter(e -> e instanceof MessageEvent).count();
        assertEquals(5, messages, "each ping judged once");
    }

    @Test
    void aProjectThatNamesAnAgentVigilIsRefusedBeforeAnyAgentStarts() throws Exception {
        Path p = project(monitored("bob", "vigil"), Map.of("bob", BOB, "vigil", """
                !start.
                +!start <- .send(bob, tell, vigil_violation(alice, "rule", honesty, "lied")).
                """));
        vigil.jacamo.run.ProjectException e = assertThrows(vigil.jacamo.run.ProjectException.class,
                () -> Mas.start(p, Mas.config(dir), SECRETS));
        assertEquals(p + ":4: agent vigil: " + MonitoredArch.RESERVED, e.getMessage());
    }

    @Test
    void anAgentNamedVigilThatAnotherLauncherStartsCanNeitherSpeakNorAct() throws Exception {
        Path p = project(monitored("bob") + "        outsider;\n", Map.of("bob", BOB, "outsider", """
                +vigil_violation(A, _, _, _)[source(vigil)] <- .print("VIGIL SAYS ", A).
                """, "vigil", """
                !start.
                +!start <- .send(outsider, tell, vigil_violation(alice, "rule", honesty, "lied"));
                           .send(bob, tell, hello(1));
                           !try.
                +!try <- .my_name(N); .print("I am ", N); enter(room).
                -!try[error(E)] <- .print("failed ", E).
                """));
        mas = Mas.start(p, Mas.config(dir), SECRETS);
        // As another launcher (Jason's, JaCaMo's) creates a declared agent: through the platform's own services,
        // past Vigil's runner and its check of the project.
        var local = new jason.infra.local.LocalRuntimeServices(BaseLocalMAS.getRunner());
        String name = local.createAgent("vigil", dir.resolve("vigil.asl").toString(), null, List.of(MonitoredArch.class.getName()),
                null, null, null);
        assertEquals("vigil", name);
        local.startAgent(name);
        mas.awaitPrinted("vigil: I am vigil");
        mas.await(() -> mas.printedBy("vigil").stream().anyMatch(l -> l.startsWith("failed ")), "the action to fail");
        assertTrue(mas.monitor.flushAlerts(10_000));
        assertTrue(mas.printedBy("outsider").isEmpty(), "no message reached the agent not monitored: " + mas.printed);
        assertTrue(mas.printedBy("bob").isEmpty(), mas.printed.toString());
        assertEquals(3, withheld().stream().filter(MonitoredArch.RESERVED::equals).count(), "two messages and an action: " + withheld());
        assertFalse(MasMonitor.monitoredAgents().contains("vigil"), "never a monitored agent");
    }

    @Test
    void platformActionsAndReportsAreStampedWithTheMonitorsClock() throws Exception {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(5_000_000);
        MasMonitor.eventClock(clock::incrementAndGet);
        Path p = project(monitored("mallory", "bob"), Map.of("bob", BOB, "minion", MINION, "mallory", """
                !start.
                +!start <- .create_agent(minion, "minion.asl"); vigil.report(honesty, "bob lied", bob);
                           .kill_agent(minion); .print("done").
                """));
        mas = Mas.start(p, Mas.config(dir).trace(dir.resolve("trace.jsonl")).clock(vigil.core.Config.ClockMode.EVENTS), SECRETS);
        mas.awaitPrinted("mallory: done");
        assertTrue(mas.monitor.drain(30_000));
        mas.close();
        mas = null;
        List<vigil.core.Event> traced = Files.readAllLines(dir.resolve("trace.jsonl")).stream().map(Trace::read).toList();
        assertTrue(traced.stream().anyMatch(e -> e instanceof ActionEvent a && a.action().functor().equals(".create_agent")), traced.toString());
        assertTrue(traced.stream().anyMatch(e -> e instanceof ActionEvent a && a.action().functor().equals(".kill_agent")), traced.toString());
        assertTrue(traced.stream().anyMatch(e -> e instanceof vigil.core.ReportEvent), traced.toString());
        for (vigil.core.Event e : traced) {
            assertTrue(e.time() > 5_000_000 && e.time() <= clock.get(), "on the monitor's clock: " + e);
        }
    }
}
