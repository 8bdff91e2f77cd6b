package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

    static final String TWICE = """
            package test.twice;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Evidence given three times: alone, in a list and in an array"
                @value("honesty") @severity("low") @sanction("warn") @path("gate")
            when
                $m : MessageEvent(content.functor == "twice")
            then
                violation(kcontext, "the same event", $m, java.util.List.of($m), new Object[] {$m});
            end
            """;

    @Test
    void evidenceNamesEachEventOnce() {
        try (Monitor m = Vigil.builder().config(Config.builder().audit(null).logAlerts(false).rules(new RuleSource("twice.drl", TWICE)).build()).serviceSinks(false).start()) {
            Verdict v = m.judge(MessageEvent.of("m1", 1, "a", "b", "tell", Term.atom("twice")));
            assertEquals(1, v.violations().size(), v.toString());
            assertEquals(List.of("m1"), v.violations().get(0).evidence());
        }
    }
}
