package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import jason.infra.local.BaseLocalMAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Violation;
import vigil.core.Alert.WithheldAlert;
import vigil.core.Config;
import vigil.core.Event;
import vigil.core.Trace;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;

/** Real Jason agents under a real monitor: what is withheld, what the agents learn, what stays as it was. */
class MonitoredArchTest {

    static final String HEADER = """
            import vigil.core.*;
            import function vigil.core.Findings.violation;
            import function vigil.core.Findings.violationBy;
            """;

    static String rule(String pack, String name, String meta, String when, String explanation) {
        return "package test." + pack + ";\n" + HEADER + "rule \"" + name + "\" " + meta + " @path(\"gate\")\nwhen\n    $e : "
                + when + "\nthen\n    violation(kcontext, " + explanation + ", $e);\nend\n";
    }

    static final String PRIVACY = rule("privacy", "Sharing a secret",
            "@value(\"privacy\") @severity(\"high\") @sanction(\"block, warn, notify boss\")",
            "MessageEvent(content.functor == \"secret\")", "\"told \" + $e.receiver() + \" a secret\"");

    @TempDir
    Path dir;
    Mas mas;

    @AfterEach
    void stop() {
        if (mas != null) {
            mas.close();
        }
        System.clearProperty(MasMonitor.CONFIG_PROPERTY);
    }

    @Test
    void blocksAMessageWarnsTheSenderAndNotifiesTheSupervisor() {
        mas = Mas.start("privacy/privacy.mas2j", Mas.config(dir), PRIVACY);
        mas.awaitPrinted("alice: warned about privacy: told bob a secret");
        mas.awaitPrinted("boss: violation of privacy by alice");
        mas.awaitPrinted("bob: got hello 1 from alice");
        // Asked after a round trip that follows the secret: had it been delivered, bob would hold it.
        mas.awaitPrinted("bob: secrets: 0");
        assertEquals(List.of(MonitoredArch.class.getName(), "jason.infra.local.LocalAgArch"), Mas.chain("alice"));
        assertEquals(1, MasMonitor.traffic().messagesWithheld());
    }

    @Test
    void muteWithholdsMessagesUntilItEndsAndTheAgentSeesBoth() {
        String drl = rule("civility", "Insulting", "@value(\"civility\") @severity(\"low\") @sanction(\"mute 1s\")",
                "MessageEvent(content.functor == \"insult\")", "\"insulted \" + $e.receiver()");
        mas = Mas.start("mute/mute.mas2j", Mas.config(dir), drl);
        mas.awaitPrinted("alice: muted");
        mas.awaitPrinted("alice: unmuted");
        mas.awaitPrinted("bob: got hello 2");
        assertFalse(mas.printedBy("bob").contains("got hello 1"), mas.printed.toString());
        assertTrue(mas.alerts.stream().anyMatch(a -> a instanceof WithheldAlert w && w.reason().equals("alice is muted")
                && w.event() instanceof MessageEvent m && m.text().equals("hello(1)")), mas.alerts.toString());
    }

    @Test
    void quarantineWithholdsMessagesAndActionsUntilReleased() {
        String drl = rule("safety", "Threatening", "@value(\"safety\") @severity(\"critical\") @sanction(\"block, quarantine\")",
                "MessageEvent(content.functor == \"threat\")", "\"threatened \" + $e.receiver()");
        mas = Mas.start("quarantine/quarantine.mas2j", Mas.config(dir), drl);
        mas.awaitPrinted("alice: quarantined until_released");
        mas.awaitPrinted("alice: work failed: alice is quarantined");
        assertTrue(FieldEnv.PERFORMED.isEmpty(), FieldEnv.PERFORMED.toString());
        assertTrue(mas.monitor.release("alice"));
        mas.awaitPrinted("alice: released");
        mas.awaitPrinted("bob: got back 1");
        mas.awaitPrinted("alice: harvested");
        assertEquals(List.of("alice harvest(1)"), FieldEnv.PERFORMED);
        assertFalse(mas.printedBy("bob").contains("got hello 1"), mas.printed.toString());
    }

    @Test
    void aBlockedActionFailsInTheAgentAndItsFailurePlanRuns() {
        String drl = rule("commons", "Overharvesting", "@value(\"commons\") @severity(\"medium\") @sanction(\"block\")",
                "ActionEvent(action.functor == \"harvest\", action.number(0) > 10)", "\"took \" + $e.action().number(0)");
        mas = Mas.start("field/field.mas2j", Mas.config(dir), drl);
        mas.awaitPrinted("farmer: blocked: Overharvesting: took 50.0");
        mas.awaitPrinted("farmer: rested");
        assertEquals(List.of("farmer harvest(5)", "farmer harvest(2)"), FieldEnv.PERFORMED);
        assertFalse(mas.printedBy("farmer").contains("done"));
        assertEquals(3, MasMonitor.traffic().actions());
        assertEquals(1, MasMonitor.traffic().actionsWithheld());
    }

    /**
     * Jason creates the instances of {@code talker #5} on a pool infrastructure by cloning the first; the
     * runner puts Vigil's architecture in each after creation, so every clone is monitored.
     */
    @Test
    void everyInstanceJasonClonesIsMonitored() {
        String drl = rule("pool", "Talker 3 says hello", "@value(\"quiet\") @sanction(\"block\")",
                "MessageEvent(content.functor == \"hello\", sender == \"talker3\")", "\"talker3 spoke\"");
        mas = Mas.startMonitoringEveryAgent("pool/pool.mas2j", Mas.config(dir), drl);
        for (String t : List.of("talker1", "talker2", "talker4", "talker5")) {
            mas.awaitPrinted("hub: hello from " + t);
        }
        assertEquals(java.util.Set.of("hub", "talker1", "talker2", "talker3", "talker4", "talker5"), MasMonitor.monitoredAgents());
        assertEquals(5, MasMonitor.traffic().messages(), "each clone's message judged when sent");
        assertEquals(1, MasMonitor.traffic().messagesWithheld());
        assertFalse(mas.printedBy("hub").contains("hello from talker3"));
    }

    @Test
    void eachCopyOfABroadcastIsJudgedOnItsOwn() {
        String drl = rule("discretion", "Gossip to carol", "@value(\"discretion\") @sanction(\"block\")",
                "MessageEvent(content.functor == \"rumour\", receiver == \"carol\")", "\"told carol\"");
        mas = Mas.start("broadcast/broadcast.mas2j", Mas.config(dir), drl);
        mas.awaitPrinted("bob: heard rumour 1 from alice");
        mas.awaitPrinted("dave: heard rumour 1 from alice");
        assertEquals(3, MasMonitor.traffic().messages(), "one judgement per copy");
        assertEquals(1, MasMonitor.traffic().messagesWithheld());
        assertTrue(mas.printedBy("carol").isEmpty());
        assertEquals(1, mas.monitor.violations().size());
    }

    @Test
    void messagesFromAnUnmonitoredAgentAreJudgedOnArrivalAndMonitoredOnesOnlyOnce() throws Exception {
        String drl = rule("spam", "Spamming", "@value(\"respect\") @sanction(\"block\")",
                "MessageEvent(content.functor == \"spam\")", "\"spam\"")
                + rule("ping", "Pinging", "@value(\"quiet\") @severity(\"low\") @sanction(\"warn\")",
                        "MessageEvent(content.functor == \"ping\")", "\"pinged\"").replace("package test.ping;", "");
        mas = Mas.start("outsider/outsider.mas2j", Mas.config(dir), drl);
        mas.awaitPrinted("bob: got hello from outsider");
        mas.awaitPrinted("bob: got ping 3 from alice");
        assertFalse(mas.printedBy("bob").contains("got spam from outsider"), mas.printed.toString());
        assertEquals(2, MasMonitor.traffic().incoming());
        assertEquals(1, MasMonitor.traffic().incomingWithheld());
        assertEquals(3, mas.monitor.violations().stream().filter(v -> v.rule().equals("Pinging")).count(),
                "each ping judged once, at send");
        assertEquals(List.of("outsider"),
                mas.monitor.violations().stream().filter(v -> v.rule().equals("Spamming")).flatMap(v -> v.agents().stream()).toList());
        assertFalse(MasMonitor.monitoredAgents().contains("outsider"));
    }

    @Test
    void aTellCarriesWhatTheSenderBelievedAboutIt() throws Exception {
        String drl = rule("honesty", "Lying", "@value(\"honesty\") @severity(\"high\") @sanction(\"block\")",
                "MessageEvent(performative == \"tell\", senderBelief == SenderBelief.BELIEVES_NEGATION)", "\"lied\"");
        Path trace = dir.resolve("trace.jsonl");
        mas = Mas.start("honesty/honesty.mas2j", Mas.config(dir).trace(trace), drl);
        mas.awaitPrinted("bob: done");
        mas.close();
        mas = null;
        Map<String, SenderBelief> seen = new LinkedHashMap<>();
        for (String line : Files.readAllLines(trace)) {
            Event e = Trace.read(line);
            if (e instanceof MessageEvent m && m.performative().equals("tell")) {
                seen.put(m.content().text(0) + " " + m.content().hasAnnotation("about"), m.senderBelief());
            }
        }
        assertEquals(Map.of("fish true", SenderBelief.BELIEVES, "apple false", SenderBelief.BELIEVES_NEGATION,
                "pear false", SenderBelief.BELIEVES_BOTH, "kiwi false", SenderBelief.NO_BELIEF,
                "melon false", SenderBelief.BELIEVES, "plum false", SenderBelief.UNMODELLED,
                "r1 false", SenderBelief.BELIEVES_OTHER_VALUE), seen);
    }

    @Test
    void theSendersBeliefsAreQueriedOnlyWhenARuleInForceReadsThem() throws Exception {
        String told = rule("openness", "Telling a price", "@value(\"openness\") @severity(\"low\") @sanction(\"none\")",
                "MessageEvent(performative == \"tell\", content.functor == \"price\")", "\"told a price\"");
        String lying = rule("honesty", "Lying", "@value(\"honesty\") @severity(\"low\") @sanction(\"none\")",
                "MessageEvent(performative == \"tell\", senderBelief == SenderBelief.BELIEVES_NEGATION)", "\"lied\"");
        Map<Boolean, String> audits = new LinkedHashMap<>();
        for (boolean withHonesty : new boolean[] {false, true}) {
            Path out = Files.createDirectories(dir.resolve("honesty-" + withHonesty));
            mas = withHonesty ? Mas.start("honesty/honesty.mas2j", Mas.config(out), told, lying)
                    : Mas.start("honesty/honesty.mas2j", Mas.config(out), told);
            mas.awaitPrinted("bob: done");
            mas.close();
            mas = null;
            audits.put(withHonesty, Files.readString(out.resolve("audit.jsonl")));
        }
        // Each audit cites the five price tells; without a rule that reads the belief, none was read.
        assertEquals(5, count(audits.get(false), "\"senderBelief\":\"NOT_CAPTURED\""), audits.get(false));
        assertEquals(0, count(audits.get(false), "\"senderBelief\":\"BELIEVES"), audits.get(false));
        assertEquals(0, count(audits.get(true), "\"senderBelief\":\"NOT_CAPTURED\""), audits.get(true));
        assertTrue(audits.get(true).contains("\"senderBelief\":\"BELIEVES_NEGATION\""), audits.get(true));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void internalActionsReadRulesViolationsAndReputationAndReportRaisesAConcern() {
        String drl = "package test.fairness;\n" + HEADER + """
                rule "Reported unfair"
                    @value("fairness") @severity("medium") @sanction("warn, reputation -0.3") @path("gate")
                when
                    $r : ReportEvent(value == "fairness", about != null)
                then
                    violationBy(kcontext, $r.about(), "reported by " + $r.agent() + ": " + $r.description(), $r);
                end
                """;
        mas = Mas.start("actions/actions.mas2j", Mas.config(dir), drl);
        mas.awaitPrinted("alice: rules: 1");
        mas.awaitPrinted("alice: rule Reported unfair protects fairness human medium gate");
        mas.awaitPrinted("alice: my violations: 0");
        mas.awaitPrinted("bob: my violations: 1");
        mas.awaitPrinted("bob: violation Reported unfair fairness medium [bob] reported by alice: bob keeps me out of the calls");
        mas.awaitPrinted("bob: all violations: 1");
        mas.awaitPrinted("bob: my reputation in percent: 65");
        mas.awaitPrinted("bob: alice's reputation: 1");
        mas.awaitPrinted("bob: reputation belief in percent: 65");
    }

    @Test
    void withNoRuleFiringAMonitoredMasDeliversWhatAnUnmonitoredOneDoes() {
        String drl = rule("never", "Never", "@value(\"nothing\") @sanction(\"block\")",
                "MessageEvent(content.functor == \"never_sent\")", "\"never\"");
        Map<String, List<Integer>> plain = received("transparency/plain.mas2j", null);
        Map<String, List<Integer>> monitored = received("transparency/monitored.mas2j", drl);
        List<Integer> all = IntStream.rangeClosed(1, 30).boxed().toList();
        assertEquals(Map.of("s1", all, "s2", all, "s3", all), plain);
        assertEquals(plain, monitored);
    }

    private Map<String, List<Integer>> received(String project, String drl) {
        mas = drl == null ? Mas.start(project, null) : Mas.start(project, Mas.config(dir), drl);
        mas.await(() -> mas.printedBy("sink").size() == 90, "90 messages");
        if (drl != null) {
            assertEquals(List.of(MonitoredArch.class.getName(), "jason.infra.local.LocalAgArchForPool"), Mas.chain("sink"));
            assertEquals(90, MasMonitor.traffic().messages());
            assertEquals(0, mas.monitor.stats().blocked() + mas.monitor.stats().flagged());
        } else {
            assertFalse(Mas.chain("sink").contains(MonitoredArch.class.getName()));
        }
        Map<String, List<Integer>> out = new java.util.TreeMap<>();
        for (String p : mas.printedBy("sink")) {
            String[] w = p.split(" ");
            out.computeIfAbsent(w[1], k -> new ArrayList<>()).add(Integer.parseInt(w[2]));
        }
        mas.close();
        mas = null;
        return out;
    }

    @Test
    void failClosedWithholdsEverythingWhenTheMonitorCannotStart() throws Exception {
        Path config = badConfig("closed");
        mas = Mas.start("privacy/privacy.mas2j", null);
        mas.await(() -> MasMonitor.traffic().messagesWithheld() == 2, "both of alice's messages to be withheld");
        assertTrue(MasMonitor.monitor().isEmpty());
        assertEquals(1, unavailableRecords(), "one record for the MAS, not one per agent");
        assertTrue(Files.readString(config.resolveSibling("audit.jsonl")).contains("fail = closed"));
    }

    @Test
    void failOpenRunsUnmonitoredAndSaysSoOnce() throws Exception {
        badConfig("open");
        mas = Mas.start("privacy/privacy.mas2j", null);
        mas.awaitPrinted("bob: got hello 1 from alice");
        mas.awaitPrinted("bob: secrets: 1");
        assertEquals(1, unavailableRecords());
    }

    /** A configuration whose rules do not compile; the agents will create the monitor from it. */
    private Path badConfig(String fail) throws Exception {
        Files.writeString(dir.resolve("bad.drl"), "package broken;\nrule \"x\" when then end end\n");
        Path config = dir.resolve("vigil.properties");
        Files.writeString(config, "rules = bad.drl\nfail = " + fail + "\naudit = audit.jsonl\n");
        System.setProperty(MasMonitor.CONFIG_PROPERTY, config.toString());
        return config;
    }

    private long unavailableRecords() throws Exception {
        return Files.readAllLines(dir.resolve("audit.jsonl")).stream().filter(l -> l.contains("\"monitor_unavailable\"")).count();
    }

    @Test
    void theArchitectureIsOnlyInTheChainOnce() {
        mas = Mas.start("privacy/privacy.mas2j", Mas.config(dir), PRIVACY);
        assertEquals(3, MasMonitor.monitoredAgents().size());
        assertNotNull(BaseLocalMAS.getRunner().getAg("bob"));
        assertEquals(1, Mas.chain("bob").stream().filter(c -> c.equals(MonitoredArch.class.getName())).count());
    }
}
