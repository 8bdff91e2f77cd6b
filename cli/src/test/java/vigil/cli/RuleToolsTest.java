package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.Trace;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;
import vigil.core.Term;

class RuleToolsTest {

    /** Core's test honesty rules (one copy, in core's test resources), the first asking for a 30 s mute. */
    static final String GOOD = honesty().replace("@sanction(\"block, warn\")", "@sanction(\"block, mute 30s\")");

    static String honesty() {
        try {
            return Files.readString(Path.of("..", "core", "src", "test", "resources", "vigil", "core", "honesty.drl"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    int run(String... args) {
        return Main.run(args, out, err);
    }

    @Test
    void checkAcceptsGoodRules() throws IOException {
        Path f = write("rules/honesty.drl", GOOD);
        assertEquals(0, run("check", f.getParent().toString()), err());
        assertTrue(out().contains("1 file, 2 judging rules: ok"), out());
        assertEquals("", err());
    }

    @Test
    void checkNamesAMissingFile() {
        assertEquals(1, run("check", dir.resolve("nope.drl").toString()));
        assertTrue(err().contains(dir.resolve("nope.drl") + ": no such file or folder"), err());
    }

    @Test
    void checkPrintsEveryErrorAsFileLineMessage() throws IOException {
        Path bad = write("bad.drl", """
                package test.bad;
                import vigil.core.*;
                rule "Broken" @value("harm")
                when
                    $m : MessageEvent(nosuchfield == 1)
                then
                end
                rule "Also broken" @value("harm") @severity("dire")
                when
                    $a : ActionEvent()
                then
                end
                """);
        assertEquals(1, run("check", bad.toString()));
        String e = err();
        assertTrue(e.contains(bad + ":5: "), e);
        assertTrue(e.contains("nosuchfield"), e);
        assertTrue(e.lines().allMatch(l -> l.matches(".+:\\d+: .+") || l.matches("\\d+ errors?")), e);
    }

    @Test
    void checkWarnsAboutRulesWhoseMemoryGrowsWithoutBound() throws IOException {
        Path f = write("leaky.drl", """
                package test.leaky;
                import vigil.core.*;
                import java.util.List;
                import function vigil.core.Findings.violationBy;

                declare Ping
                    @role(event)
                    agent : String
                end

                rule "Counts every message ever" @value("harm")
                when
                    $all : List(size > 100) from collect(MessageEvent())
                then
                    violationBy(kcontext, "group", "chatty");
                end

                rule "One window per message" @value("harm") @params(window = "60s")
                when
                    $m : MessageEvent($s : sender)
                    $n : Number(intValue > 10) from accumulate(MessageEvent(sender == $s) over window:time(${window}), count(1))
                then
                    violationBy(kcontext, $s, "chatty");
                end

                rule "Never answered" @value("harm")
                when
                    $m : MessageEvent(performative == "askOne")
                    not MessageEvent(inReplyTo == $m.id)
                then
                    violationBy(kcontext, $m.receiver(), "never answered");
                end

                rule "Fine: one window for all" @value("harm")
                when
                    $n : Number(intValue > 1000) from accumulate(MessageEvent() over window:time(1m), count(1))
                then
                    violationBy(kcontext, "group", "busy");
                end

                rule "Fine: a gate rule sees one event" @value("harm") @path("gate")
                when
                    $m : MessageEvent()
                    not ActionEvent()
                then
                end
                """);
        assertEquals(0, run("check", f.toString()), err());
        List<String> warnings = err().lines().toList();
        assertEquals(4, warnings.size(), err());
        assertTrue(warnings.get(0).startsWith(f + ":6: warning: event type Ping has no @expires"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith(f + ":13: warning: rule \"Counts every message ever\": a collect over"
                + " MessageEvent events without a window"), warnings.get(1));
        assertTrue(warnings.get(2).startsWith(f + ":21: warning: rule \"One window per message\": this accumulate window"
                + " depends on $s"), warnings.get(2));
        assertTrue(warnings.get(3).startsWith(f + ":29: warning: rule \"Never answered\": a not/exists over MessageEvent"),
                warnings.get(3));
    }

    @Test
    void usageErrorsExplainThemselves() {
        assertEquals(Exit.USAGE.code, run());
        assertEquals(Exit.USAGE.code, run("chekc"));
        assertTrue(err().contains("unknown command 'chekc'"), err());
        assertEquals(Exit.USAGE.code, run("check"));
        assertEquals(Exit.USAGE.code, run("audit"));
        assertEquals(Exit.USAGE.code, run("verify"));
    }

    static String lie(String id, long t, String from) {
        return Trace.write(MessageEvent.of(id, t, from, "bob", "tell", Term.struct("price", Term.atom("fish"), Term.num(3)))
                .withBelief(SenderBelief.BELIEVES_NEGATION));
    }

    Path trace(String... lines) throws IOException {
        return write("trace.jsonl", String.join("\n", lines) + "\n");
    }

    @Test
    void auditReplaysATraceInShadowModeAndReportsBadLinesAndGoesOn() throws IOException {
        Path rules = write("rules/honesty.drl", GOOD);
        Path t = trace(lie("m1", 1_000, "alice"), "{\"v\":1,\"type\":\"message\"", lie("m2", 2_000, "alice"),
                Trace.write(new ActionEvent("a1", 3_000, "alice", Term.atom("rest"))));
        assertEquals(1, run("audit", t.toString(), "--rules", rules.toString()), err());
        assertTrue(err().startsWith(t + ":2: "), err());
        String o = out();
        // The rule asks for a 30 s mute; in shadow mode alice's second lie is judged, not withheld.
        assertEquals(2, o.lines().filter(l -> l.contains("\"Telling what one believes false\" by alice")).count(), o);
        assertTrue(o.contains("(evidence m1) -> would block"), o);
        assertTrue(o.contains("3 events replayed, 1 bad lines skipped: 2 violations (honesty 2)"), o);
        // Times from the trace's first event, which is named once.
        assertTrue(o.startsWith("trace " + t + " starts at 1970-01-01T00:00:01Z; times are from there\n"), o);
        assertTrue(o.contains("\n+0.000 s  honesty [high] \"Telling what one believes false\" by alice"), o);
        assertTrue(o.contains("\n+1.000 s  honesty [high]"), o);
    }

    @Test
    void checkListsEveryRuleWithItsMetadata() throws IOException {
        Path f = write("rules/honesty.drl", GOOD);
        assertEquals(0, run("check", f.toString(), "--list"), err());
        assertTrue(out().contains("honesty: \"Telling what one believes false\"  value honesty, level human, severity high,"
                + " path gate, sanction block, mute 30s  (" + f), out());
    }

    @Test
    void checkListsThePacksParameters() {
        assertEquals(0, run("check", "classpath", "--list"), err());
        assertTrue(out().contains("commons: \"The group takes more than the commons can sustain\"  value commons,"), out());
        assertTrue(out().contains("sanction warn, cooldown 1m; params contributors = 2, sustainable = 100, window = 60s  (classpath:vigil/rules/commons/commons.drl)"), out());
    }

    @Test
    void auditStopsAtTheFirstBadLineWhenAsked() throws IOException {
        Path rules = write("rules/honesty.drl", GOOD);
        Path t = trace(lie("m1", 1_000, "alice"), "not json at all", lie("m2", 2_000, "alice"));
        assertEquals(Exit.BAD_INPUT.code, run("audit", t.toString(), "--rules", rules.toString(), "--stop-on-error"));
        assertTrue(err().contains(t + ":2: "), err());
        assertTrue(err().contains("--stop-on-error"), err());
        assertFalse(out().contains("violations"), out());
    }

    @Test
    void auditOfACleanTraceExitsZero() throws IOException {
        Path rules = write("rules/honesty.drl", GOOD);
        Path t = trace(Trace.write(new ActionEvent("a1", 3_000, "alice", Term.atom("rest"))));
        assertEquals(0, run("audit", t.toString(), "--rules", rules.toString()), err());
        assertTrue(out().contains("1 events replayed: no violations"), out());
    }

    @Test
    void auditNamesAMissingTraceAndBrokenRules() throws IOException {
        Path rules = write("rules/bad.drl", "package x;\nrule \"r\" when\n  Nope()\nthen\nend\n");
        assertEquals(Exit.BAD_INPUT.code, run("audit", dir.resolve("missing.jsonl").toString(), "--rules", rules.toString()));
        assertTrue(err().contains("missing.jsonl: no such trace file"), err());
        Path t = trace(lie("m1", 1_000, "alice"));
        assertEquals(Exit.BAD_INPUT.code, run("audit", t.toString(), "--rules", rules.toString()));
        assertTrue(err().contains(rules + ":3: "), err());
    }

    @Test
    void auditReadsParametersFromTheConfiguration() throws IOException {
        Path rules = write("rules/commons.drl", """
                package test.commons;
                import vigil.core.*;
                import function vigil.core.Findings.violationBy;
                rule "Too much" @value("commons") @params(limit = "100")
                when
                    $n : Number(doubleValue > ${limit}) from accumulate(
                        ActionEvent(action.functor == "harvest", $x : action.number(0)) over window:time(1m), sum($x))
                then
                    violationBy(kcontext, "group", "took " + $n);
                end
                """);
        Path cfg = write("vigil.properties", "params.commons.limit = 5\nescalation.commons = quarantine\n");
        Path t = trace(Trace.write(new ActionEvent("a1", 1_000, "alice", Term.struct("harvest", Term.num(10)))));
        assertEquals(1, run("audit", t.toString(), "--rules", rules.toString(), "--config", cfg.toString()), err());
        assertTrue(out().contains("\"Too much\" by group"), out());
        assertEquals(0, run("audit", t.toString(), "--rules", rules.toString()), "the default limit is 100");
    }

    @Test
    void verifyReportsIntactBrokenUnfinishedAndMissingLogs() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path rules = write("rules/h.drl", GOOD);
        try (Monitor m = Vigil.builder().config(Config.builder().audit(audit).logAlerts(false).clock(Config.ClockMode.EVENTS)
                .rules(List.of(rules.toString())).build()).serviceSinks(false).start()) {
            m.judge(MessageEvent.of("m1", 1_000, "alice", "bob", "tell", Term.atom("hi"))
                    .withBelief(SenderBelief.BELIEVES_NEGATION));
        }
        assertEquals(0, run("verify", audit.toString()), err());
        assertTrue(out().contains("intact"), out());

        List<String> lines = new ArrayList<>(Files.readAllLines(audit));
        Path unfinished = write("unfinished.jsonl", String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        assertEquals(Exit.UNFINISHED.code, run("verify", unfinished.toString()));

        int edited = 0;
        while (!lines.get(edited).contains("alice")) {
            edited++;
        }
        lines.set(edited, lines.get(edited).replace("alice", "carol"));
        Path broken = write("broken.jsonl", String.join("\n", lines) + "\n");
        assertEquals(1, run("verify", broken.toString()));
        assertTrue(err().contains(broken + ":" + (edited + 1) + ": "), err());

        assertEquals(Exit.BAD_INPUT.code, run("verify", dir.resolve("none.jsonl").toString()));
        assertTrue(err().contains("none.jsonl: no such audit log"), err());
    }
}
