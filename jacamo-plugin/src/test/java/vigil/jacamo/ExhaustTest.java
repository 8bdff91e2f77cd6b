package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.AuditTrail;
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

    /** A gate rule with a cooldown kept per subject: here the content, so every secret is a subject of its own. */
    static final String SECRET_ABOUT = """
            package test.flood;
            import vigil.core.*;
            import function vigil.core.Findings.violationAbout;
            rule "Sharing a secret" @value("privacy") @severity("high") @sanction("block") @cooldown("1m") @path("gate")
            when
                $e : MessageEvent(content.functor == "secret")
            then
                violationAbout(kcontext, $e.content(), null, "told " + $e.receiver() + " a secret", $e);
            end
            """;

    @Test
    void aFloodOfDistinctSubjectsIsCappedPerOffenderAndSummarised() throws Exception {
        mas = Mas.start(project("""
                !start.
                +!start <- for (.range(I, 1, 3000)) { .send(bob, tell, secret(I)) }; .print("done").
                """), Mas.config(dir), SECRET_ABOUT);
        mas.awaitPrinted("mallory: done");
        assertTrue(mas.monitor.drain(30_000));
        assertEquals(3000, MasMonitor.traffic().messagesWithheld(), "every secret is blocked, recorded one by one or not");
        assertEquals(100, mas.monitor.stats().violations(), "cooldown.subjects (100) subjects are recorded");
        assertEquals(2900, mas.monitor.stats().suppressed(), "the rest are counted");
        mas.close();
        mas = null;
        Path audit = dir.resolve("audit.jsonl");
        List<String> log = Files.readAllLines(audit);
        assertEquals(100, log.stream().filter(l -> l.contains("\"kind\":\"violation\"")).count(), "not 3,000 records");
        assertTrue(log.size() < 110, "nor a withheld record for each secret beyond: " + log.size() + " records");
        List<String> held = log.stream().filter(l -> l.contains("\"kind\":\"suppressed\"")).map(l -> AuditTrail.read(l).message()).toList();
        assertEquals(2, held.size(), held.toString());
        assertTrue(held.get(0).startsWith("rule \"Sharing a secret\" (flood): mallory has more than 100 subjects within the rule's"
                + " cooldown of 1m"), held.get(0));
        assertTrue(held.get(0).endsWith("told bob a secret, about secret(101)"), held.get(0));
        assertTrue(held.get(1).startsWith("rule \"Sharing a secret\" (flood): 2899 more like this from mallory in "), held.get(1));
        assertTrue(held.get(1).contains("(the last: secret(3000))"), held.get(1));
        String stopped = log.stream().filter(l -> l.contains("\"kind\":\"stopped\"")).findFirst().orElseThrow();
        assertTrue(stopped.contains("2900 findings held back by rules' cooldowns (2900 beyond the subjects a cooldown keeps)"), stopped);
        assertEquals(AuditTrail.Status.INTACT, AuditTrail.verify(audit, null).status());
    }

    @Test
    void aFloodOfMadeUpReceiversIsRecordedAsACountPerSenderNotJudged() throws Exception {
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
        List<String> log = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertEquals(1, log.stream().filter(l -> l.contains("\"kind\":\"violation\"")).count());
        // Recorded in the audit log, bounded: the first of a run in full, then how many more (one run per 10 s).
        List<String> nowhere = log.stream().filter(l -> l.contains("\"kind\":\"undeliverable\"")).map(l -> AuditTrail.read(l).message()).toList();
        assertTrue(nowhere.size() >= 2 && nowhere.size() <= 10, nowhere.toString());
        assertEquals("mallory sent a message to nobody1, which is no agent: not judged, not delivered; more from mallory are counted"
                + " and summarised", nowhere.get(0));
        long firsts = nowhere.stream().filter(m -> m.startsWith("mallory sent a message to nobody")).count();
        long more = 0;
        for (String m : nowhere) {
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("^messages to receivers that do not exist: (\\d+) more like this from mallory in ").matcher(m);
            if (c.find()) {
                more += Long.parseLong(c.group(1));
            }
        }
        assertEquals(3000, firsts + more, "each of the 3,000 is accounted for: " + nowhere);
        assertTrue(nowhere.stream().anyMatch(m -> m.endsWith("(the last: nobody3000)") || m.contains("to nobody3000,")), nowhere.toString());
        String stopped = log.stream().filter(l -> l.contains("\"kind\":\"stopped\"")).findFirst().orElseThrow();
        assertTrue(stopped.contains("3000 messages to receivers that do not exist"), stopped);
    }
}
