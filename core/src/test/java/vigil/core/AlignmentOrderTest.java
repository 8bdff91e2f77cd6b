package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of alignments: a key agent is warned, not stopped, for what ranks below the objective. */
class AlignmentOrderTest {

    static final String CAP = """
            package test.cap;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Drawing over the cap"
                @value("loyalty") @level("preferential") @severity("high") @sanction("block, warn") @path("gate")
            when
                $a : ActionEvent(action.functor == "draw", action.number(0) > 3)
            then
                violation(kcontext, "drew " + $a.action().arg(0), $a);
            end

            rule "Drawing far over the cap"
                @value("commons") @level("human") @severity("high") @sanction("quarantine 1m") @path("gate")
            when
                $a : ActionEvent(action.functor == "draw", action.number(0) > 8)
            then
                violation(kcontext, "drew " + $a.action().arg(0), $a);
            end
            """;

    @TempDir
    Path dir;

    Monitor monitor;

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    Monitor start(Config.Builder b) {
        monitor = Vigil.builder().config(b.out(dir).audit(null).trace(null).clock(Config.ClockMode.EVENTS).logAlerts(false)
                .rules(new RuleSource("cap.drl", CAP)).build()).serviceSinks(false).start();
        return monitor;
    }

    static ActionEvent draw(String id, long t, String agent, int n) {
        return new ActionEvent(id, t, agent, Term.struct("draw", Term.num(n)));
    }

    @Test
    void byDefaultTheKeyAgentIsStoppedLikeAnyOther() {
        start(Config.builder().keyAgents(List.of("truck")));
        assertEquals(Decision.BLOCK, monitor.judge(draw("a1", 1_000, "truck", 5)).decision());
    }

    @Test
    void withTheObjectiveFirstAKeyAgentIsWarnedNotStoppedAndOthersAreNot() {
        start(Config.builder().keyAgents(List.of("truck"))
                .alignmentOrder(List.of(Alignment.OBJECTIVE, Alignment.HUMAN, Alignment.PREFERENTIAL)));
        assertEquals(Decision.FLAG, monitor.judge(draw("a1", 1_000, "truck", 5)).decision());
        assertEquals(Decision.FLAG, monitor.judge(draw("a2", 2_000, "truck", 9)).decision());
        assertFalse(monitor.isQuarantined("truck", 2_500), "the human rule's quarantine became a warning");
        assertEquals(3, monitor.violationsOf("truck").size(), "the violations are recorded all the same (9 breaks both rules)");
        assertEquals(Decision.BLOCK, monitor.judge(draw("a3", 3_000, "van", 5)).decision(), "not a key agent");
    }

    @Test
    void theObjectiveBetweenTheOthersSparesOnlyWhatRanksBelowIt() {
        start(Config.builder().keyAgents(List.of("truck"))
                .alignmentOrder(List.of(Alignment.HUMAN, Alignment.OBJECTIVE, Alignment.PREFERENTIAL)));
        assertEquals(Decision.FLAG, monitor.judge(draw("a1", 1_000, "truck", 5)).decision(), "preferential ranks below");
        monitor.judge(draw("a2", 2_000, "truck", 9));
        assertTrue(monitor.isQuarantined("truck", 2_500), "human ranks above the objective");
    }

    @Test
    void aBadOrderIsAnErrorInTheUsersTerms() throws Exception {
        Path f = dir.resolve("vigil.properties");
        Files.writeString(f, "alignment.order = objective, human\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(f));
        assertTrue(e.getMessage().contains("vigil.properties:1: alignment.order"), e.getMessage());
        Files.writeString(f, "alignment.order = objective, human, money\n");
        assertTrue(assertThrows(ConfigException.class, () -> Config.load(f)).getMessage().contains("got 'money'"));
        Files.writeString(f, "alignment.order = objective, human, preferential\nalignment.key_agents = truck, van\n");
        Config c = Config.load(f);
        assertEquals(List.of("truck", "van"), c.keyAgents());
        assertTrue(c.spares("van", Alignment.PREFERENTIAL));
        assertFalse(c.spares("bus", Alignment.PREFERENTIAL));
    }
}
