package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Trace;
import vigil.core.MessageEvent;
import vigil.core.Term;

/**
 * Agents trying to exhaust the monitor: contents too large or too deep to read (made by Java code in the
 * agent), and a flood of messages to receivers that do not exist.
 */
@Timeout(120)
class ExhaustTest {

    static final String LARGE = MonitoredArchTest.rule("size", "Sending a lot",
            "@value(\"restraint\") @severity(\"low\")",
            "MessageEvent(content.functor == \"numbers\" || content.functor == \"deep\")", "\"sent \" + $e.content().functor()");

    @TempDir
    Path dir;
    Mas mas;

    @AfterEach
    void stop() {
        if (mas != null) {
            mas.close();
        }
    }

    private Path project(String mallory) throws Exception {
        Files.writeString(dir.resolve("mallory.asl"), mallory);
        Files.writeString(dir.resolve("bob.asl"), "");
        Path p = dir.resolve("exhaust.mas2j");
        Files.writeString(p, "MAS exhaust {\n agents:\n  mallory agentArchClass vigil.jacamo.MonitoredArch;\n"
                + "  bob agentArchClass vigil.jacamo.MonitoredArch;\n}\n");
        return p;
    }

    @Test
    void hugeAndDeepContentsAreBoundedAndJudgedAndTheSenderLives() throws Exception {
        mas = Mas.start(project("""
                !start.
                +!start <- forge.send_huge(bob); .print("sent").
                """), Mas.config(dir).trace(dir.resolve("trace.jsonl")), LARGE);
        mas.awaitPrinted("mallory: sent");
        assertTrue(mas.monitor.drain(30_000));
        assertEquals(2, mas.monitor.violationsOf("mallory").size(), "both judged: " + mas.monitor.violations());
        mas.close();
        mas = null;
        List<MessageEvent> traced = Files.readAllLines(dir.resolve("trace.jsonl")).stream().map(Trace::read)
                .map(e -> (MessageEvent) e).toList();
        assertEquals(2, traced.size());
        Term numbers = traced.stream().filter(m -> m.content().functor().equals("numbers")).findFirst().orElseThrow().content();
        assertEquals(JasonTerms.MAX_ITEMS + 1, numbers.arg(0).args().size(), "the list is kept to its limit");
        assertTrue(numbers.arg(0).args().get(JasonTerms.MAX_ITEMS).functor().contains("100000 in all"), "and the rest summarised");
    }

    @Test
    void aFloodOfMadeUpReceiversIsCountedNotJudged() throws Exception {
        mas = Mas.start(project("""
                !start.
                +!start <- for (.range(I, 1, 3000)) { !try(I) }; .send(bob, tell, secret(1)); .print("done").
                +!try(I) <- .concat("nobody", I, Name); .send(Name, tell, secret(I)).
                -!try(I).
                """), Mas.config(dir).trace(dir.resolve("trace.jsonl")), EscapeTest.SECRETS);
        mas.awaitPrinted("mallory: done");
        assertTrue(mas.monitor.drain(30_000));
        assertEquals(3000, MasMonitor.traffic().undeliverable(), "each counted as undeliverable");
        assertEquals(1, MasMonitor.traffic().messages(), "only the message to bob is judged");
        assertEquals(1, mas.monitor.violationsOf("mallory").size(), "one violation, not 3,001");
        mas.close();
        mas = null;
        assertEquals(1, Files.readAllLines(dir.resolve("trace.jsonl")).size());
        assertEquals(1, Files.readAllLines(dir.resolve("audit.jsonl")).stream().filter(l -> l.contains("\"kind\":\"violation\"")).count());
    }
}
