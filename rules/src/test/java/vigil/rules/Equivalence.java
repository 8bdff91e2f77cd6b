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
import java.util.function.LongFunction;
import vigil.core.Config;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.RuleSource;
import vigil.core.Vigil;
import vigil.core.Violation;

/**
 * A pack as it is against an older form of it kept in {@code equivalence/}: the same random streams through both,
 * one rule's violations compared, every match (the rule's cooldown set to none: with it, which of the matches of
 * one firing is cited depends on the order the engine fires them in).
 */
final class Equivalence {

    private Equivalence() {
    }

    /**
     * Asserts that {@code rule} finds the same in streams 1 to 6 with the pack file {@code packFile} of the class
     * path and with the older form {@code older} (a test resource); returns how many violations the pack found.
     */
    static int compare(String packFile, String older, String rule, LongFunction<List<MessageEvent>> streams) {
        String old = uncooled(resource(older));
        String pack = uncooled(RuleSource.classpath(Equivalence.class.getClassLoader()).stream()
                .filter(r -> r.origin().endsWith("/" + packFile)).findFirst().orElseThrow().text());
        int found = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<MessageEvent> stream = streams.apply(seed);
            List<String> before = found(old, stream, rule);
            List<String> now = found(pack, stream, rule);
            assertEquals(List.of(), difference(now, before), "seed " + seed + ": found by the pack only");
            assertEquals(List.of(), difference(before, now), "seed " + seed + ": found by the older form only");
            found += now.size();
        }
        return found;
    }

    /** The class path without the packs' kmodule.xml: only the rules given are loaded. */
    private static final ClassLoader PACKS_HIDDEN = new ClassLoader(Equivalence.class.getClassLoader()) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("META-INF/kmodule.xml") ? Collections.emptyEnumeration() : super.getResources(name);
        }
    };

    /** The rules with the cooldown of {@code ${window}} set to none, so that every match is a violation. */
    private static String uncooled(String drl) {
        String out = drl.replace("@cooldown(\"${window}\")", "@cooldown(\"0s\")");
        assertTrue(!out.equals(drl), "the rule's cooldown (@cooldown(\"${window}\")) is where the test expects it");
        return out;
    }

    private static List<String> difference(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String x : b) {
            out.remove(x);
        }
        return out;
    }

    /**
     * The violations of {@code rule} the stream gives under {@code drl} alone. Before each event the watch's clock is
     * moved to its time, so every match due by then (a timer, a window closing) is judged before the event
     * arrives: otherwise a rule judged when the clock jumps would see the events of the same batch, and the
     * findings would depend on how the watch batched the events.
     */
    private static List<String> found(String drl, List<MessageEvent> stream, String rule) {
        Config config = Config.builder().clock(Config.ClockMode.EVENTS).audit(null).trace(null).logAlerts(false)
                .sanctions(false).rules(new RuleSource("pack.drl", drl)).build();
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
                    // The evidence in any order (the explanation still says which came first).
                    out.add(v.agents() + " | " + v.time() + " | " + v.evidence().stream().sorted().toList() + " | " + v.explanation());
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        out.sort(null);
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = Equivalence.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
