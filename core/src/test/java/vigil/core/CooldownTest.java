package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Alert.WithheldAlert;

/** What a rule's cooldown holds back: repeats of the same rule, by the same agents, about the same subject. */
class CooldownTest {

    static final String RULES = """
            package test.cool;
            import vigil.core.*;
            import function vigil.core.Findings.violation;
            import function vigil.core.Findings.violationBy;
            import function vigil.core.Findings.violationAbout;

            rule "Insulting someone"
                @value("respect") @severity("low") @sanction("warn") @path("gate") @cooldown("1m")
            when
                $m : MessageEvent(content.functor == "insult")
            then
                violationAbout(kcontext, $m.receiver(), null, "insulted " + $m.receiver(), $m);
            end

            rule "Boasting"
                @value("modesty") @severity("low") @sanction("warn") @path("gate") @cooldown("1m")
            when
                $m : MessageEvent(content.functor == "boast")
            then
                violation(kcontext, "boasted to " + $m.receiver(), $m);
            end

            rule "Plotting together"
                @value("loyalty") @severity("low") @sanction("warn") @path("gate") @cooldown("1m")
            when
                $m : MessageEvent(content.functor == "plot")
            then
                violationBy(kcontext, java.util.List.of($m.sender(), $m.receiver()), "plotted", $m);
            end

            rule "Lying"
                @value("honesty") @severity("high") @sanction("block, warn") @path("gate") @cooldown("1m")
            when
                $m : MessageEvent(content.functor == "lie")
            then
                violation(kcontext, "lied to " + $m.receiver(), $m);
            end
            """;

    @TempDir
    Path dir;

    Monitor monitor;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    void start(Config.Builder cfg) {
        monitor = Vigil.builder()
                .config(cfg.out(dir).audit(null).clock(Config.ClockMode.EVENTS).logAlerts(false).rules(new RuleSource("cool.drl", RULES)).build())
                .sink(alerts::add)
                .serviceSinks(false)
                .start();
    }

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    int ids;

    Verdict say(long t, String from, String to, String functor) {
        return monitor.judge(MessageEvent.of("m" + ++ids, t, from, to, "tell", Term.atom(functor)));
    }

    @Test
    void twoVictimsOfOneOffenderAreReportedEachWhenTheRuleNamesTheSubject() {
        start(Config.builder());
        assertEquals(Decision.FLAG, say(1_000, "alice", "bob", "insult").decision());
        assertEquals(Decision.FLAG, say(2_000, "alice", "carol", "insult").decision(), "carol is another victim");
        assertEquals(Decision.ALLOW, say(3_000, "alice", "bob", "insult").decision(), "bob again: a repeat");
        assertEquals(Decision.FLAG, say(61_000, "alice", "bob", "insult").decision(), "the cooldown has run out");
        assertEquals(3, monitor.stats().violations());
        assertEquals(1, monitor.stats().suppressed());
    }

    @Test
    void twoOffendersOfOneRuleDoNotHoldEachOtherBack() {
        start(Config.builder());
        assertEquals(Decision.FLAG, say(1_000, "alice", "bob", "boast").decision());
        assertEquals(Decision.FLAG, say(2_000, "carol", "bob", "boast").decision());
        assertEquals(Decision.ALLOW, say(3_000, "alice", "dave", "boast").decision(),
                "without a subject, the same rule against the same agent is held back");
        assertEquals(List.of(List.of("alice"), List.of("carol")), monitor.violations().stream().map(Violation::agents).toList());
    }

    @Test
    void theSameAgentsInAnotherOrderAreARepeat() {
        start(Config.builder());
        assertEquals(Decision.FLAG, say(1_000, "alice", "bob", "plot").decision());
        assertEquals(Decision.ALLOW, say(2_000, "bob", "alice", "plot").decision());
        assertEquals(Decision.FLAG, say(3_000, "alice", "carol", "plot").decision());
        assertEquals(1, monitor.stats().suppressed());
    }

    @Test
    void aRepeatWithinTheCooldownIsStillBlockedAndSaysWhy() throws Exception {
        start(Config.builder());
        Verdict first = say(1_000, "alice", "bob", "lie");
        assertEquals(Decision.BLOCK, first.decision());
        assertEquals(1, first.violations().size());
        Verdict again = say(2_000, "alice", "bob", "lie");
        assertEquals(Decision.BLOCK, again.decision(), "the cooldown spares the alerts, not the victims");
        assertTrue(again.violations().isEmpty());
        assertTrue(again.reason().startsWith("Lying: lied to bob") && again.reason().contains("cooldown"), again.reason());
        assertTrue(monitor.flushAlerts(5_000));
        List<WithheldAlert> withheld = alerts.stream().filter(a -> a instanceof WithheldAlert).map(a -> (WithheldAlert) a).toList();
        assertEquals(1, withheld.size(), "the withheld repeat leaves a trace in the alerts: " + alerts);
        assertEquals(again.reason(), withheld.get(0).reason());
        Stats s = monitor.stats();
        assertEquals(2, s.blocked());
        assertEquals(1, s.violations());
        assertEquals(1, s.suppressed());
        assertEquals(s.observed(), s.allowed() + s.flagged() + s.blocked() + s.withheld());
    }

    @Test
    void anEscalationStepThatBlocksBlocksTheEvent() throws Exception {
        start(Config.builder().escalation("respect", EscalationPolicy.parse("warn; 2 in 10m: block, warn")));
        assertEquals(Decision.FLAG, say(1_000, "alice", "bob", "insult").decision());
        Verdict second = say(2_000, "alice", "carol", "insult");
        assertEquals(Decision.BLOCK, second.decision(), "the verdict follows the sanction applied, as the alert says");
        assertEquals(1, second.violations().size());
        assertTrue(monitor.flushAlerts(5_000));
        List<ViolationAlert> va = alerts.stream().filter(a -> a instanceof ViolationAlert).map(a -> (ViolationAlert) a).toList();
        assertEquals(List.of(Decision.FLAG, Decision.BLOCK), va.stream().map(ViolationAlert::decision).toList());
        assertEquals(Decision.BLOCK, say(3_000, "alice", "carol", "insult").decision(),
                "a repeat gets the decision of the violation that started the cooldown");
        assertEquals(Decision.ALLOW, say(4_000, "alice", "bob", "insult").decision());
        assertEquals(2, monitor.stats().suppressed());
    }
}
