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

    private List<String> suppressedRecords() throws InterruptedException {
        assertTrue(monitor.flushAlerts(10_000));
        return alerts.stream().filter(a -> a instanceof Alert.SystemAlert sa && sa.kind() == Alert.SystemAlert.Kind.SUPPRESSED)
                .map(a -> ((Alert.SystemAlert) a).message()).toList();
    }

    @Test
    void aCooldownKeepsAtMostItsSubjectsPerOffenderAndSummarisesTheRest() throws Exception {
        start(Config.builder().set(Config.COOLDOWN_SUBJECTS, 3));
        for (int i = 1; i <= 10; i++) {
            assertEquals(i <= 3 ? Decision.FLAG : Decision.ALLOW, say(1_000 + i, "alice", "victim" + i, "insult").decision(), "victim" + i);
        }
        assertEquals(Decision.FLAG, say(1_100, "carol", "victim9", "insult").decision(), "another offender has subjects of its own");
        assertEquals(4, monitor.stats().violations());
        assertEquals(7, monitor.stats().suppressed());
        List<String> held = suppressedRecords();
        assertEquals(1, held.size(), held.toString());
        assertTrue(held.get(0).startsWith("rule \"Insulting someone\" (cool): alice has more than 3 subjects within the rule's cooldown of 1m"),
                held.get(0));
        assertTrue(held.get(0).endsWith("the first: insulted victim4, about victim4"), held.get(0));

        // A minute later the first subjects' cooldowns have run out: a new subject has room again, and what
        // was held back meanwhile is summarised first.
        assertEquals(Decision.FLAG, say(62_000, "alice", "victim11", "insult").decision());
        held = suppressedRecords();
        assertEquals(2, held.size(), held.toString());
        assertEquals("rule \"Insulting someone\" (cool): 6 more like this from alice in 0.0 s (the last: victim10), beyond the"
                + " subjects the rule's cooldown keeps; not recorded one by one", held.get(1));
        assertEquals(Decision.FLAG, say(62_001, "alice", "victim2", "insult").decision(), "victim2's cooldown has run out: it makes room");
        assertEquals(Decision.FLAG, say(62_002, "alice", "victim12", "insult").decision(), "so has victim3's");
        assertEquals(Decision.ALLOW, say(62_003, "alice", "victim13", "insult").decision(), "three subjects cooling down: no room");
    }

    @Test
    void whatLiesBeyondTheSubjectsKeptIsBlockedAsTheLatestViolationWasAndSummarisedAtClose() throws Exception {
        start(Config.builder().set(Config.COOLDOWN_SUBJECTS, 2).escalation("respect", EscalationPolicy.parse("block")));
        for (int i = 1; i <= 5; i++) {
            assertEquals(Decision.BLOCK, say(1_000 + i * 100, "alice", "victim" + i, "insult").decision(), "victim" + i);
        }
        assertEquals(2, monitor.stats().violations());
        assertEquals(0, alerts.stream().filter(a -> a instanceof WithheldAlert).count(), "no record per event beyond the subjects kept");
        monitor.close();
        monitor = null;
        List<String> held = alerts.stream().filter(a -> a instanceof Alert.SystemAlert sa && sa.kind() == Alert.SystemAlert.Kind.SUPPRESSED)
                .map(a -> ((Alert.SystemAlert) a).message()).toList();
        assertEquals(2, held.size(), held.toString());
        assertTrue(held.get(1).startsWith("rule \"Insulting someone\" (cool): 2 more like this from alice in 0.2 s (the last: victim5)"),
                held.get(1));
    }
}
