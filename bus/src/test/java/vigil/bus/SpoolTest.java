package vigil.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @Test
    void readsBackInOrderAcrossSegmentsAndResumesAfterARestart(@TempDir Path dir) throws Exception {
        int n = Spool.SEGMENT * 2 + 17;
        try (Spool s = Spool.open(dir.resolve("spool"), n)) {
            for (int i = 0; i < n; i++) {
                assertTrue(s.append("ag" + (i % 3), "{\"i\":" + i + "}"));
            }
            assertFalse(s.append("ag", "{}"), "full at its capacity");
            List<Spool.Entry> got = new ArrayList<>();
            while (got.size() < Spool.SEGMENT + 5) {
                got.addAll(s.read(got.size(), 1000));
            }
            for (int i = 0; i < got.size(); i++) {
                assertEquals(i, got.get(i).seq());
                assertEquals("{\"i\":" + i + "}", got.get(i).value());
            }
            s.acknowledge(Spool.SEGMENT + 5);
            s.checkpoint();
        }
        // A JVM killed in the middle of a record: the half record is cut off when the spool opens again.
        Path last = Files.list(dir.resolve("spool")).filter(p -> p.toString().endsWith(".spool")).sorted()
                .reduce((a, b) -> b).orElseThrow();
        Files.writeString(last, "ag\t{\"half", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Spool s = Spool.open(dir.resolve("spool"), n)) {
            assertEquals(n - Spool.SEGMENT - 5, s.waiting(), "what was not acknowledged waits");
            List<Spool.Entry> rest = s.read(s.acked(), 100);
            assertEquals(Spool.SEGMENT + 5, rest.get(0).seq());
            assertEquals("{\"i\":" + (Spool.SEGMENT + 5) + "}", rest.get(0).value());
            assertTrue(s.append("ag", "{\"i\":\"new\"}"));
            List<Spool.Entry> all = new ArrayList<>();
            long from = s.acked();
            while (true) {
                List<Spool.Entry> b = s.read(from, 5000);
                if (b.isEmpty()) {
                    break;
                }
                all.addAll(b);
                from = b.get(b.size() - 1).seq() + 1;
            }
            assertEquals(n - Spool.SEGMENT - 5 + 1, all.size());
            assertEquals("{\"i\":\"new\"}", all.get(all.size() - 1).value(), "appended after the cut, not into it");
            assertEquals(0, Files.list(dir.resolve("spool")).filter(p -> p.toString().endsWith(".spool"))
                    .filter(p -> p.getFileName().toString().startsWith("0000000000000000")).count(),
                    "the acknowledged first segment was deleted at the checkpoint");
        }
    }

    @Test
    void aSecondJvmOnTheSameFolderTakesAnotherSpool(@TempDir Path dir) {
        try (Spool a = Spool.open(dir.resolve("spool"), 10); Spool b = Spool.open(dir.resolve("spool"), 10)) {
            assertNotEquals(a.dir(), b.dir());
            assertEquals(dir.resolve("spool-2"), b.dir());
        }
    }
}
