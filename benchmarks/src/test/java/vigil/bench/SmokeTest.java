package vigil.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import vigil.core.Event;

/**
 * Runs every benchmark very briefly, so that they keep compiling and running; the figures themselves come
 * from {@code benchmarks/run}. Each test checks that its table holds real measurements.
 */
class SmokeTest {

    private static Table quick(String figure) throws Exception {
        Table t = Main.figure(figure, true);
        assertFalse(t.rows().isEmpty(), figure + " produced no row");
        String md = t.markdown();
        assertFalse(md.contains("NaN"), md);
        return t;
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replace("x", "").replace("%", "").trim());
    }

    @Test
    void gateGivesPercentilesAndThroughput() throws Exception {
        Table t = quick("gate");
        assertEquals(List.of("tell"), t.rows().stream().map(r -> r.get(0)).toList());
        for (List<String> r : t.rows()) {
            assertTrue(number(r.get(1)) > 0 && number(r.get(1)) <= number(r.get(3)), r.toString());
            assertTrue(number(r.get(5)) > 0, r.toString());
        }
    }

    @Test
    void theGateBenchmarksEventsAreLawful() {
        assertEquals(List.of(), GateBench.findings());
    }

    @Test
    void watchCountsEventsPerSecond() throws Exception {
        assertTrue(number(quick("watch").rows().get(0).get(1)) > 0);
    }

    @Test
    void lagIsSampled() throws Exception {
        assertTrue(number(quick("lag").rows().get(0).get(0)) > 0);
    }

    @Test
    void reloadIsTimed() throws Exception {
        assertTrue(number(quick("reload").rows().get(0).get(1)) >= 0);
    }

    @Test
    void memoryIsReadAtBothCheckpoints() throws Exception {
        Table t = quick("memory");
        assertEquals(10, t.rows().size());
        for (int column = 1; column <= 2; column++) {
            assertTrue(number(t.rows().get(2).get(column)) > 0, t.markdown());
            assertTrue(number(t.rows().get(5).get(column)) > 0, "events held: " + t.markdown());
            assertTrue(number(t.rows().get(6).get(column)) > 0, "bytes per event held: " + t.markdown());
        }
    }

    @Test
    void naiveAndVigilRunTheSameEvents() throws Exception {
        assertTrue(number(quick("naive").rows().get(0).get(4)) > 0);
    }

    @Test
    void theNaiveSessionHoldsEveryEventItWasGiven() {
        List<Event> events = new Workload(3).take(500, 1_000_000, 1000);
        try (Naive n = new Naive()) {
            long before = n.facts();
            events.forEach(n::judge);
            assertTrue(n.facts() - before >= 500, "facts: " + n.facts());
        }
    }

    @Test
    void packsAreCostedOneByOneAndTogether() throws Exception {
        Table t = quick("packs");
        assertEquals("all", t.rows().get(t.rows().size() - 1).get(0));
        assertEquals(2, t.rows().size(), t.markdown());
        assertTrue(number(t.rows().get(1).get(2)) > 0, t.markdown());
    }

    @Test
    void admissionIsComparedWithTheSameFindings() throws Exception {
        Table t = quick("admission");
        assertEquals(2, t.rows().size(), t.markdown());
        for (List<String> r : t.rows()) {
            assertEquals("yes", r.get(5), "the same findings with admission on and off: " + t.markdown());
            assertTrue(number(r.get(1)) < 100, "the workload has events no rule of " + r.get(0) + " can match: " + t.markdown());
        }
    }

    @Test
    void growthIsMeasuredPerAgentsAndRules() throws Exception {
        Table t = quick("growth");
        assertEquals(1, t.rows().size(), t.markdown());
        assertTrue(number(t.rows().get(0).get(3)) > 0, t.markdown());
    }

    @Test
    void jasonsTokenRingRunsUnmonitoredAndMonitored() throws Exception {
        Table t = quick("ring");
        assertEquals(1, t.rows().size());
        assertTrue(number(t.rows().get(0).get(4)) > 0, t.markdown());
        assertTrue(number(t.rows().get(0).get(5)) >= 200, "every hop judged: " + t.markdown());
    }

    @Test
    void theContractNetRunsUnmonitoredAndMonitored() throws Exception {
        Table t = quick("cnp");
        assertEquals(2, t.rows().size());
        for (List<String> r : t.rows()) {
            assertTrue(number(r.get(6)) > 0, r.toString());
            assertTrue(number(r.get(8)) >= 35, "every message of the five rounds judged: " + r);
        }
    }

    @Test
    void masRunsUnmonitoredAndMonitored() throws Exception {
        Table t = quick("mas");
        assertEquals(2, t.rows().size());
        for (List<String> r : t.rows()) {
            assertTrue(number(r.get(6)) > 0, r.toString());
            assertTrue(number(r.get(7)) > 0, "CPU ratio: " + r);
            assertTrue(number(r.get(8)) >= 200, "every message judged: " + r);
        }
    }

    @Test
    void thePlumbingIsMeasuredWithNoRuleAndWithEveryPack() throws Exception {
        Table t = quick("plumbing");
        assertEquals(4, t.rows().size(), t.markdown());
        for (List<String> r : t.rows()) {
            assertTrue(number(r.get(5)) > 0, r.toString());
            assertTrue(number(r.get(6)) > 0, "CPU ratio: " + r);
            assertTrue(number(r.get(9)) >= 200, "every message judged: " + r);
        }
    }

    @Test
    void theLiveViewsCostIsMeasuredOffAndOn() throws Exception {
        List<String> r = quick("live").rows().get(0);
        assertTrue(number(r.get(3)) > 0, r.toString());
        assertTrue(number(r.get(6)) >= 1, "the open page was sent frames: " + r);
    }

    @Test
    void theBusPathIsMeasuredAgainstARealBroker() throws Exception {
        List<List<String>> rows = quick("bus").rows();
        assertEquals(5, rows.size());
        for (List<String> r : rows.subList(0, 4)) {
            assertTrue(number(r.get(1)) > 0, r.toString());
        }
        String[] latency = rows.get(4).get(1).split("/");
        assertTrue(number(latency[0]) > 0 && number(latency[0]) <= number(latency[1]), rows.get(4).toString());
    }
}
