package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Breach counting keeps what the escalation policy needs and no more. */
class SanctionsInForceTest {

    @Test
    void withoutAWindowTheCountGrowsAndOnlyTheLatestTimesAreKept() {
        SanctionsInForce book = new SanctionsInForce();
        EscalationPolicy policy = EscalationPolicy.of(List.of(
                new EscalationPolicy.Step(1, null, List.of(new Sanction.Warn())),
                new EscalationPolicy.Step(3, null, List.of(new Sanction.Mute(Duration.ofMinutes(1))))));
        SanctionsInForce.Breaches b = null;
        for (int i = 1; i <= 25_000; i++) {
            b = book.recordBreach("ann", "honesty", i * 1_000L, policy);
        }
        assertEquals(25_000, b.count(), "every breach counts");
        assertEquals(List.of(24_998_000L, 24_999_000L, 25_000_000L), b.times(), "the latest three decide every step");
        assertEquals(List.of(new Sanction.Mute(Duration.ofMinutes(1))), policy.decide(List.of(), b.times(), 25_000_000L));
    }

    @Test
    void withAWindowOnlyTheBreachesInsideItAreKeptAndCounted() {
        SanctionsInForce book = new SanctionsInForce();
        EscalationPolicy policy = EscalationPolicy.parse("warn; 3 in 10s: mute 1m");
        book.recordBreach("ann", "honesty", 1_000, policy);
        book.recordBreach("ann", "honesty", 2_000, policy);
        SanctionsInForce.Breaches late = book.recordBreach("ann", "honesty", 30_000, policy);
        assertEquals(1, late.count());
        assertEquals(List.of(new Sanction.Warn()), policy.decide(List.of(), late.times(), 30_000));
        book.recordBreach("ann", "honesty", 31_000, policy);
        SanctionsInForce.Breaches third = book.recordBreach("ann", "honesty", 32_000, policy);
        assertEquals(3, third.count());
        assertEquals(List.of(new Sanction.Mute(Duration.ofMinutes(1))), policy.decide(List.of(), third.times(), 32_000));
        assertEquals(1, book.recordBreach("bob", "honesty", 32_000, policy).count(),
                "each agent has its own count");
    }
}
