package vigil.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.SenderBelief;
import vigil.core.Term;
import vigil.core.Vigil;
import vigil.core.Violation;

/**
 * The honesty pack's contradiction rule reads the watch's {@code Claims} ledger instead of holding every tell in
 * two windows and a {@code not} over a third. Random streams of tells (a few senders, receivers, claims and
 * values, every kind of belief snapshot, updates to everyone, tells in one millisecond and a little out of
 * order) give the same contradictions, every pair found (the rule's cooldown set to none) with the pack as it is and with the windowed form it had
 * ({@code equivalence/honesty-windows.drl}, the pack before the ledger).
 */
class HonestyLedgerTest {

    static final String CONTRADICTION = "Telling different agents contradictory things";
    static final SenderBelief[] BELIEFS = {SenderBelief.BELIEVES, SenderBelief.BELIEVES_OTHER_VALUE,
            SenderBelief.NO_BELIEF, SenderBelief.UNMODELLED};

    @Test
    void theLedgerFindsWhatTheWindowsFind() throws IOException {
        // Without the cooldown every pair found is a violation: with it, which of the pairs found in one firing is
        // cited depends on the order the engine fires them in.
        String windows = uncooled(resource("/equivalence/honesty-windows.drl"));
        String pack = uncooled(RuleSource.classpath(HonestyLedgerTest.class.getClassLoader()).stream()
                .filter(r -> r.origin().endsWith("/honesty.drl")).findFirst().orElseThrow().text());
        int found = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<MessageEvent> stream = stream(seed, 1_500);
            List<String> held = contradictions(windows, stream);
            List<String> ledger = contradictions(pack, stream);
            assertEquals(List.of(), difference(ledger, held), "seed " + seed + ": found with the ledger only");
            assertEquals(List.of(), difference(held, ledger), "seed " + seed + ": found with the windows only");
            found += ledger.size();
        }
        assertTrue(found > 30, "the streams contradict themselves often enough to compare: " + found);
    }

    /** The class path without the packs' kmodule.xml: only the rules given are loaded. */
    static final ClassLoader PACKS_HIDDEN = new ClassLoader(HonestyLedgerTest.class.getClassLoader()) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("META-INF/kmodule.xml") ? Collections.emptyEnumeration() : super.getResources(name);
        }
    };

    /** The rules with the cooldown of {@code ${window}} set to none, so that every match is a violation. */
    static String uncooled(String drl) {
        String out = drl.replace("@cooldown(\"${window}\")", "@cooldown(\"0s\")");
        assertTrue(!out.equals(drl), "the rule's cooldown (@cooldown(\"${window}\")) is where the test expects it");
        return out;
    }

    static List<String> difference(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String x : b) {
            out.remove(x);
        }
        return out;
    }

    /**
     * The contradictions of the stream under {@code drl} (every pack rule of it loaded, nothing else). Before each event the watch's clock is moved to its
     * time, so every pair due by then is judged before the event arrives: the windowed form counts an update that
     * arrives in the same batch as the pair's due time, however late, so without this its findings would depend on
     * how the watch batched the events (the ledger counts updates by their time).
     */
    static List<String> contradictions(String drl, List<MessageEvent> stream) {
        return found(drl, stream, CONTRADICTION);
    }

    /** The violations of {@code rule} the stream gives under {@code drl} alone, judged as {@link #contradictions} says. */
    static List<String> found(String drl, List<MessageEvent> stream, String rule) {
        Config config = Config.builder().clock(Config.ClockMode.EVENTS).audit(null).trace(null).logAlerts(false)
                .sanctions(false).rules(new RuleSource("honesty.drl", drl)).build();
        List<String> out = new ArrayList<>();
        try (Monitor m = Vigil.builder().config(config).classLoader(PACKS_HIDDEN).serviceSinks(false).start()) {
            for (MessageEvent e : stream) {
                m.advanceTo(e.time());
                m.judge(e);
            }
            m.advanceTo(stream.get(stream.size() - 1).time() + 120_000);
            assertTrue(m.drain(60_000));
            for (Violation v : m.violations()) {
                if (v.rule().equals(rule)) {
                    // The evidence in any order (the explanation still says which tell came first).
                    out.add(v.agents() + " | " + v.time() + " | " + v.evidence().stream().sorted().toList() + " | " + v.explanation());
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        out.sort(null);
        return out;
    }

    /**
     * Three senders telling four receivers prices of two items in two rounds, values from a small range so that
     * tells agree, contradict and update one another; now and then a broadcast of one value to everyone, two
     * tells in one millisecond, or a tell a millisecond older than the one before.
     */
    static List<MessageEvent> stream(long seed, int n) {
        Random r = new Random(seed);
        List<MessageEvent> out = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            int step = r.nextInt(10);
            t += step == 0 ? 0 : step == 1 ? -1 : r.nextInt(4_000);
            String sender = "s" + r.nextInt(3);
            Term content = Term.struct("price", Term.atom("item" + r.nextInt(2)), Term.num(r.nextInt(2)),
                    Term.num(10 + r.nextInt(3)));
            SenderBelief belief = BELIEFS[r.nextInt(BELIEFS.length)];
            if (r.nextInt(12) == 0) {
                for (int k = 0; k < 4; k++) {
                    out.add(tell("m" + i + "." + k, t, sender, "r" + k, content, belief));
                }
            } else {
                out.add(tell("m" + i, t, sender, "r" + r.nextInt(4), content, belief));
            }
        }
        return out;
    }

    static MessageEvent tell(String id, long t, String sender, String receiver, Term content, SenderBelief belief) {
        return MessageEvent.of(id, t, sender, receiver, "tell", content).withBelief(belief);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = HonestyLedgerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
