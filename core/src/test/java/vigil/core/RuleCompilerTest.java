package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;

class RuleCompilerTest {

    static final String DRL = """
            package vigil.test.honesty;
            import vigil.core.*;
            import function vigil.core.Findings.violation;

            rule "Lying about prices"
                @value("honesty") @level("human") @severity("high") @sanction("block, warn") @path("gate")
                @params(limit = "10")
            when
                $m : MessageEvent(performative == "tell", content.functor == "price", content.number(1) > ${limit})
            then
                violation(kcontext, "price above " + ${limit}, $m);
            end

            rule "Many tells"
                @value("honesty") @path("watch")
            when
                $n : Number(intValue >= 2) from accumulate(MessageEvent(performative == "tell") over window:time(10s), count(1))
            then
                violation(kcontext, "many tells");
            end
            """;

    @Test
    void readsMetadataAndSplitsRulesByPath() {
        CompiledRules book = RuleCompiler.compile(List.of(new RuleSource("honesty.drl", DRL)), Map.of(), Duration.ofMinutes(10));
        RuleInfo lying = book.rule("vigil.test.honesty", "Lying about prices");
        assertEquals("honesty", lying.value());
        assertEquals(Alignment.HUMAN, lying.level());
        assertEquals(Severity.HIGH, lying.severity());
        assertEquals(List.of(Sanction.BLOCK, Sanction.WARN), lying.sanctions());
        assertEquals(RulePath.GATE, lying.path());
        assertEquals("honesty", lying.pack());
        assertEquals(Map.of("limit", "10"), lying.params());
        assertEquals(RulePath.WATCH, book.rule("vigil.test.honesty", "Many tells").path());
        assertNotNull(book.gate().getRule("vigil.test.honesty", "Lying about prices"));
        assertNull(book.gate().getRule("vigil.test.honesty", "Many tells"));
        assertNotNull(book.watch().getRule("vigil.test.honesty", "Many tells"));
        assertNull(book.watch().getRule("vigil.test.honesty", "Lying about prices"));
    }

    @Test
    void theSameRulesAndParametersAreCompiledOnceAndOthersAfresh() {
        List<RuleSource> src = List.of(new RuleSource("honesty.drl", DRL));
        CompiledRules a = RuleCompiler.compile(src, Map.of("honesty.limit", "30"), Duration.ofMinutes(10));
        assertSame(a, RuleCompiler.compile(List.of(new RuleSource("honesty.drl", DRL)), Map.of("honesty.limit", "30"),
                Duration.ofMinutes(10)));
        CompiledRules b = RuleCompiler.compile(src, Map.of("honesty.limit", "31"), Duration.ofMinutes(10));
        assertNotSame(a, b);
        assertEquals(Map.of("limit", "31"), b.rule("vigil.test.honesty", "Lying about prices").params());
    }

    @Test
    void gateSessionReportsAViolationWithTheRulesMetadata() {
        CompiledRules book = RuleCompiler.compile(List.of(new RuleSource("honesty.drl", DRL)), Map.of("honesty.limit", "20"),
                Duration.ofMinutes(10));
        Findings findings = new Findings(book);
        Environment env = KieServices.Factory.get().newEnvironment();
        env.set(Findings.KEY, findings);
        KieSession s = book.gate().newKieSession(KieServices.Factory.get().newKieSessionConfiguration(), env);
        s.insert(MessageEvent.of("m1", 5, "alice", "bob", "tell", Term.struct("price", Term.atom("apple"), Term.num(15))));
        s.fireAllRules();
        assertTrue(findings.drain().isEmpty(), "15 is under the configured limit of 20");
        s.insert(MessageEvent.of("m2", 6, "alice", "bob", "tell", Term.struct("price", Term.atom("apple"), Term.num(25))));
        s.fireAllRules();
        List<Findings.Finding> f = findings.drain();
        assertEquals(1, f.size());
        assertEquals(List.of("alice"), f.get(0).offenders());
        assertEquals("price above 20", f.get(0).explanation());
        assertEquals(6, f.get(0).time());
    }

    @Test
    void reportsEveryErrorWithFileAndLine() {
        String bad = """
                package p;
                import vigil.core.*;
                rule "broken"
                when
                    MessageEvent(nosuchfield == 1)
                then
                end
                rule "also broken"
                when
                    NoSuchType()
                then
                end
                """;
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RuleCompiler.compile(List.of(new RuleSource("rules/bad.drl", bad)), Map.of(), Duration.ofMinutes(1)));
        assertTrue(e.errors().size() >= 2, e.getMessage());
        assertTrue(e.errors().stream().anyMatch(r -> r.file().equals("rules/bad.drl") && r.line() == 5), e.getMessage());
        assertTrue(e.errors().stream().anyMatch(r -> r.file().equals("rules/bad.drl") && r.line() == 10), e.getMessage());
        assertTrue(e.getMessage().contains("rules/bad.drl:5: "), e.getMessage());
    }

    @Test
    void syntaxErrorNamesItsLine() {
        String bad = "package p;\nimport vigil.core.*;\nrule \"x\"\nwhen\n  MessageEvent(performative == )\nthen\nend\n";
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RuleCompiler.compile(List.of(new RuleSource("x.drl", bad)), Map.of(), Duration.ofMinutes(1)));
        assertEquals("x.drl", e.errors().get(0).file());
        assertEquals(5, e.errors().get(0).line(), e.getMessage());
    }

    static List<RuleError> errorsOf(String when, String then) {
        String drl = """
                package p;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "r"
                    @value("honesty") @path("gate")
                when
                    $m : MessageEvent(%s)
                then
                    %s
                end
                """.formatted(when, then);
        return assertThrows(RuleCompilationException.class,
                () -> RuleCompiler.compile(List.of(new RuleSource("r.drl", drl)), Map.of(), Duration.ofMinutes(1))).errors();
    }

    @Test
    void aParserErrorIsOneErrorAtItsLineWithoutDroolsCodesOrEchoes() {
        List<RuleError> e = errorsOf("receiver = = \"bob\"", "violation(kcontext, \"x\", $m);");
        assertEquals(1, e.size(), e.toString());
        assertEquals("r.drl:7: mismatched input '=' in rule \"r\" (column 32)", e.get(0).toString());
    }

    @Test
    void aMissingSemicolonIsReportedAtItsStatement() {
        List<RuleError> e = errorsOf("performative == \"tell\"", "System.out.print(\"\");\n    violation(kcontext, \"x\", $m)");
        assertEquals(List.of("r.drl:10: missing ';' at the end of this statement"), e.stream().map(RuleError::toString).toList());
    }

    @Test
    void aMisspeltFieldOfAnEventGetsTheNearestSuggested() {
        List<RuleError> e = errorsOf("reciever == \"bob\"", "violation(kcontext, \"x\", $m);");
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).toString().startsWith("r.drl:7: MessageEvent has no field 'reciever'; did you mean 'receiver'?"),
                e.toString());
    }

    @Test
    void unknownParameterAndUnknownOverrideAreErrors() {
        String drl = "package p.fair;\nrule \"r\" @value(\"fairness\") @params(gini = \"0.4\")\nwhen\n  eval(${gin} > 0)\nthen\nend\n";
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RuleCompiler.compile(List.of(new RuleSource("f.drl", drl)), Map.of("fair.ginni", "1"), Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("f.drl:4: unknown parameter ${gin}"), e.getMessage());
        assertTrue(e.getMessage().contains("params.fair.ginni: pack 'fair' has no parameter 'ginni' (its parameters: gini)"),
                e.getMessage());
    }

    @Test
    void badMetadataIsAnErrorAtTheRule() {
        String drl = "package p;\n\nrule \"r\" @value(\"x\") @severity(\"huge\")\nwhen\nthen\nend\n";
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RuleCompiler.compile(List.of(new RuleSource("m.drl", drl)), Map.of(), Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("m.drl:3: rule \"r\": bad metadata"), e.getMessage());
    }
}
