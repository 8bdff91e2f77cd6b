package vigil.cli.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import vigil.core.Violation;
import vigil.cli.Main;

class HtmlReportTest {

    @TempDir
    Path dir;

    /** The page parsed as XML: it is written well-formed so that its content can be checked exactly. */
    static Document parse(Path page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(page))));
    }

    static List<Element> all(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static String text(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc).strip();
    }

    static List<String> cells(Element row) {
        List<String> out = new ArrayList<>();
        for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("td")) {
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }

    @Test
    void scoreTableShowsEveryRuleWithItsNumbersAndNaForUndefinedRates() throws Exception {
        ReportFixture.build(dir, true);
        Document doc = parse(HtmlReport.write(dir));
        List<Element> rows = all(doc, "//table[@class='scores']/tbody/tr");
        assertEquals(2, rows.size());
        assertEquals(List.of("commons.Harvesting above the quota", "commons", "2", "0", "1", "1", "0.667", "12", "40"),
                cells(rows.get(0)));
        assertEquals(List.of("honesty.Telling what one believes false", "honesty", "0", "0", "0", "n/a", "n/a", "n/a", "n/a"),
                cells(rows.get(1)));
        assertEquals(1, all(doc, "//table[@class='scores']//td[contains(@class,'below')]").size(),
                "the recall of 0.667 is below the 0.90 target");
    }

    @Test
    void headerNamesTheScenarioAndTheIntactChain() throws Exception {
        List<Violation> found = ReportFixture.build(dir, true);
        Document doc = parse(HtmlReport.write(dir));
        assertEquals("A small fishery", text(doc, "//h1"));
        assertEquals("fixture", text(doc, "//div[@data-fact='scenario']/dd"));
        assertEquals("cooperative", text(doc, "//div[@data-fact='setting']/dd"));
        assertEquals("7", text(doc, "//div[@data-fact='seed']/dd"));
        assertEquals("bob, carl", text(doc, "//div[@data-fact='misaligned']/dd"));
        assertTrue(text(doc, "//div[@data-fact='chain']/dd").startsWith("intact: "), text(doc, "//div[@data-fact='chain']/dd"));
        assertEquals(Integer.toString(found.size()), text(doc, "//div[@data-fact='violations']/dd"));
        assertEquals("13 (9 messages, 4 actions, 0 reports)", text(doc, "//div[@data-fact='events']/dd"));
        assertTrue(all(doc, "//*[@id='problems']").isEmpty(), "a clean folder has nothing to warn about");
    }

    @Test
    void graphHasANodePerAgentAndFlagsTheEdgeThatCarriedALie() throws Exception {
        ReportFixture.build(dir, true);
        Document doc = parse(HtmlReport.write(dir));
        Set<String> nodes = new TreeSet<>();
        for (Element g : all(doc, "//svg[contains(@class,'graph')]//g[contains(concat(' ',@class,' '),' node ')]")) {
            nodes.add(g.getAttribute("data-agent"));
        }
        assertEquals(new TreeSet<>(List.of("alice", "bob", "carl", "dora", ReportFixture.HOSTILE)), nodes);
        List<Element> misaligned = all(doc, "//g[contains(@class,'node misaligned')]");
        assertEquals(Set.of("bob", "carl"), Set.of(misaligned.get(0).getAttribute("data-agent"),
                misaligned.get(1).getAttribute("data-agent")));
        assertEquals(2, misaligned.size());
        List<Element> flagged = all(doc, "//path[contains(@class,'edge flagged')]");
        Set<String> pairs = new TreeSet<>();
        flagged.forEach(e -> pairs.add(e.getAttribute("data-from") + "->" + e.getAttribute("data-to")));
        assertEquals(Set.of("bob->alice", ReportFixture.HOSTILE + "->alice"), pairs);
        Element bobAlice = all(doc, "//path[@data-from='bob'][@data-to='alice']").get(0);
        assertEquals("3", bobAlice.getAttribute("data-count"), "bob told alice three times, twice a lie");
        Element aliceBob = all(doc, "//path[@data-from='alice'][@data-to='bob']").get(0);
        assertEquals("edge", aliceBob.getAttribute("class"), "alice told the truth");
        assertEquals("2", all(doc, "//g[@data-agent='carl']").get(0).getAttribute("data-violations"));
    }

    @Test
    void timelineHasALanePerValueAndAMarkPerViolation() throws Exception {
        List<Violation> found = ReportFixture.build(dir, true);
        Document doc = parse(HtmlReport.write(dir));
        List<String> lanes = new ArrayList<>();
        for (Element g : all(doc, "//svg[contains(@class,'timeline')]//g[@class='lane']")) {
            lanes.add(g.getAttribute("data-lane"));
        }
        assertEquals(List.of(Timeline.TRUTH_LANE, "commons", "honesty"), lanes);
        assertEquals(found.size(), all(doc, "//svg[contains(@class,'timeline')]//circle[contains(@class,'mark')]").size());
        long high = found.stream().filter(v -> v.severity() == vigil.core.Severity.HIGH).count();
        assertEquals(high, all(doc, "//circle[contains(@class,'mark sev-high')]").size());
        assertEquals(1, all(doc, "//path[@class='truth missed']").size());
        assertEquals(1, all(doc, "//path[@class='truth detected']").size());
    }

    @Test
    void outcomeChartDrawsBothRunsWithTheirLabels() throws Exception {
        ReportFixture.build(dir, true);
        Document doc = parse(HtmlReport.write(dir));
        List<String> labels = new ArrayList<>();
        for (Element g : all(doc, "//svg[contains(@class,'outcome')]/g[@class='series']")) {
            labels.add(g.getAttribute("data-label"));
            assertEquals(6, ((Element) g.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ").length);
        }
        assertEquals(List.of("sanctions on", "sanctions off"), labels);
        List<String> legend = new ArrayList<>();
        all(doc, "//svg[contains(@class,'outcome')]//text[@class='series-label']").forEach(t -> legend.add(t.getTextContent()));
        assertEquals(Set.of("sanctions on", "sanctions off"), Set.copyOf(legend));
        assertTrue(text(doc, "//ul[@class='outcome-summary']").contains("8 tonnes \u2014 the stock nearly collapsed"));
    }

    @Test
    void violationsTableListsEachViolationWithItsSanction() throws Exception {
        List<Violation> found = ReportFixture.build(dir, true);
        Document doc = parse(HtmlReport.write(dir));
        List<Element> rows = all(doc, "//table[@class='violations']/tbody/tr");
        assertEquals(found.size(), rows.size());
        List<String> lie = cells(rows.get(0));
        assertEquals("0.700", lie.get(0), "1.2 s after the first event at 0.5 s");
        assertEquals("Telling what one believes false", lie.get(1));
        assertEquals(List.of("honesty", "high", "bob"), lie.subList(2, 5));
        assertEquals("bob: block; bob: warn", lie.get(5));
        assertTrue(lie.get(6).startsWith("told alice price(fish,3"), lie.get(6));
    }

    @Test
    void hostileNamesAndExplanationsAreEscaped() throws Exception {
        ReportFixture.build(dir, true);
        Path page = HtmlReport.write(dir);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), "no script element, from the files or otherwise");
        assertFalse(html.contains("alert(\"pwn\")"), "quotes inside the name are escaped too");
        Document doc = parse(page);
        assertTrue(all(doc, "//script").isEmpty());
        List<Element> rows = all(doc, "//table[@class='violations']/tbody/tr[td[@class='agents']='"
                + ReportFixture.HOSTILE.replace("'", "") + "']");
        assertTrue(rows.isEmpty(), "the name is kept whole, apostrophe included");
        boolean seen = false;
        for (Element td : all(doc, "//table[@class='violations']//td[@class='agents']")) {
            seen |= td.getTextContent().equals(ReportFixture.HOSTILE);
        }
        assertTrue(seen, "the hostile name reads back exactly, unicode included");
        for (Element e : all(doc, "//*[@src or @href]")) {
            String url = e.hasAttribute("src") ? e.getAttribute("src") : e.getAttribute("href");
            assertTrue(url.startsWith("#"), "only links within the page: " + url);
        }
        assertFalse(html.matches("(?s).*(https?:|//[a-z]|@import|url\\((?!#)).*"), "nothing that could reach the network");
    }

    @Test
    void sameFolderGivesTheSameBytes() throws Exception {
        ReportFixture.build(dir, true);
        String first = Files.readString(HtmlReport.write(dir));
        String second = Files.readString(HtmlReport.write(dir));
        assertEquals(first, second);
    }

    @Test
    void plainRunWithoutScenarioShowsWhatItHas() throws Exception {
        List<Violation> found = ReportFixture.build(dir, false);
        Document doc = parse(HtmlReport.write(dir));
        assertTrue(text(doc, "//h1").startsWith("Run "));
        assertTrue(text(doc, "//section[@id='outcome']").contains("No scenario in this folder"));
        assertTrue(all(doc, "//svg[contains(@class,'outcome')]").isEmpty());
        assertTrue(all(doc, "//table[@class='scores']").isEmpty());
        assertEquals(found.size(), all(doc, "//table[@class='violations']/tbody/tr").size());
        assertEquals(5, all(doc, "//g[contains(concat(' ',@class,' '),' node ')]").size());
        assertTrue(all(doc, "//g[contains(@class,'misaligned')]").isEmpty());
        assertEquals(List.of("commons", "honesty"), all(doc, "//g[@class='lane']").stream()
                .map(e -> e.getAttribute("data-lane")).toList());
    }

    @Test
    void badLinesAreSkippedCountedAndTold() throws Exception {
        List<Violation> found = ReportFixture.build(dir, true);
        Files.writeString(dir.resolve("trace.jsonl"), "not json\n{\"v\":1,\"type\":\"message\"}\n",
                StandardOpenOption.APPEND);
        long auditLines = Files.readAllLines(dir.resolve("audit.jsonl")).size();
        Files.writeString(dir.resolve("audit.jsonl"), "{\"kind\":\"violation\",\"time\":1}\n", StandardOpenOption.APPEND);
        Document doc = parse(HtmlReport.write(dir));
        List<String> problems = all(doc, "//li[@class='problem']").stream().map(Element::getTextContent).toList();
        assertTrue(problems.contains("2 bad lines skipped in trace.jsonl (lines 14, 15)"), problems.toString());
        assertTrue(problems.contains("1 bad line skipped in audit.jsonl (line " + (auditLines + 1) + ")"), problems.toString());
        assertTrue(text(doc, "//div[@data-fact='chain']/dd").startsWith("broken at line " + (auditLines + 1) + ": "));
        assertEquals(found.size(), all(doc, "//table[@class='violations']/tbody/tr").size(), "the good lines still count");
        assertEquals("13 (9 messages, 4 actions, 0 reports)", text(doc, "//div[@data-fact='events']/dd"));
    }

    @Test
    void bytesThatAreNotUtf8CostOneLineNotTheReport() throws Exception {
        List<Violation> found = ReportFixture.build(dir, true);
        byte[] damaged = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Files.write(dir.resolve("trace.jsonl"), damaged, StandardOpenOption.APPEND);
        Files.write(dir.resolve("audit.jsonl"), damaged, StandardOpenOption.APPEND);
        Document doc = parse(HtmlReport.write(dir));
        String problems = text(doc, "//*[@id='problems']");
        assertTrue(problems.contains("1 bad line skipped in trace.jsonl (line 14)"), problems);
        assertTrue(problems.contains("1 bad line skipped in audit.jsonl"), problems);
        assertTrue(text(doc, "//div[@data-fact='chain']/dd").startsWith("broken"));
        assertEquals(found.size(), all(doc, "//table[@class='violations']/tbody/tr").size());
    }

    @Test
    void missingAuditAndTraceAreToldNotFatal() throws Exception {
        Document doc = parse(HtmlReport.write(dir));
        String problems = text(doc, "//*[@id='problems']");
        assertTrue(problems.contains("no audit.jsonl in this folder"), problems);
        assertTrue(problems.contains("no trace.jsonl in this folder"), problems);
        assertEquals("no audit log", text(doc, "//div[@data-fact='chain']/dd"));
        assertEquals(1, all(doc, "//svg[contains(@class,'timeline')]").size());
        assertEquals(1, all(doc, "//svg[contains(@class,'graph')]").size());
    }

    @Test
    void unreadableScenarioIsToldAndTheRestStillShows() throws Exception {
        List<Violation> found = ReportFixture.build(dir, false);
        Files.writeString(dir.resolve(FixtureContext.FILE), "{\"scenario\": \"x\", ");
        Document doc = parse(HtmlReport.write(dir));
        assertTrue(text(doc, "//*[@id='problems']").contains(FixtureContext.FILE + " cannot be read"));
        assertEquals(found.size(), all(doc, "//table[@class='violations']/tbody/tr").size());
    }

    @Test
    void anAuditLogHoldingSeveralRunsIsToldNotMergedSilently() throws Exception {
        ReportFixture.build(dir, false);
        String once = Files.readString(dir.resolve("audit.jsonl"));
        Path two = Files.createDirectories(dir.resolve("appended"));
        Files.writeString(two.resolve("audit.jsonl"), once + once);
        Document doc = parse(HtmlReport.write(two));
        assertTrue(text(doc, "//*[@id='problems']").contains("audit.jsonl holds 2 runs, one after another"),
                text(doc, "//*[@id='problems']"));
    }

    /** An audit record of a violation (without a hash: the chain is not what these tests look at). */
    static String violationRecord(int i, long time, String value) {
        return "{\"kind\":\"violation\",\"time\":" + time + ",\"violation\":{\"id\":\"v" + i
                + "\",\"rule\":\"r\",\"pack\":\"p\",\"packVersion\":\"1\",\"value\":\"" + value + "\",\"level\":\"human\","
                + "\"severity\":\"low\",\"path\":\"watch\",\"agents\":[\"a\"],\"evidence\":[],\"explanation\":\"x\","
                + "\"time\":" + time + ",\"requested\":[]},\"decision\":\"flag\",\"sanctions\":[],\"evidence\":[]}";
    }

    @Test
    void violationsAtTheSameMomentDoNotHideEachOther() throws Exception {
        Files.write(dir.resolve("audit.jsonl"), List.of(violationRecord(1, 1000, "spam"), violationRecord(2, 1000, "spam"),
                violationRecord(3, 1000, "spam"), violationRecord(4, 9000, "spam")));
        Document doc = parse(HtmlReport.write(dir));
        Set<String> places = new TreeSet<>();
        for (Element c : all(doc, "//circle[contains(@class,'mark')]")) {
            places.add(c.getAttribute("cx") + "," + c.getAttribute("cy"));
        }
        assertEquals(4, places.size(), places.toString());
        assertTrue(text(doc, "//div[@data-fact='chain']/dd").startsWith("broken at line 1: "));
    }

    @Test
    void manyViolationsAreCappedWithANote() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < HtmlReport.MAX_ROWS + 5; i++) {
            lines.add(violationRecord(i, 1000 + i, "spam"));
        }
        Files.write(dir.resolve("audit.jsonl"), lines);
        Document doc = parse(HtmlReport.write(dir));
        assertEquals(HtmlReport.MAX_ROWS, all(doc, "//table[@class='violations']/tbody/tr").size());
        assertTrue(text(doc, "//p[contains(@class,'capped')]").startsWith("5 more violations"));
        assertEquals(Integer.toString(HtmlReport.MAX_ROWS + 5), text(doc, "//div[@data-fact='violations']/dd"));
    }

    @Test
    void tooManyViolationsToDrawAreCountedInBars() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= Timeline.MAX_MARKS; i++) {
            lines.add(violationRecord(i, 1000 + i * 7L, i % 3 == 0 ? "spam" : "theft"));
        }
        Files.write(dir.resolve("audit.jsonl"), lines);
        Document doc = parse(HtmlReport.write(dir));
        assertTrue(all(doc, "//circle[contains(@class,'mark')]").isEmpty());
        long counted = 0;
        for (Element bar : all(doc, "//svg[contains(@class,'timeline')]//rect[contains(@class,'bin')]")) {
            counted += Long.parseLong(bar.getAttribute("data-count"));
        }
        assertEquals(Timeline.MAX_MARKS + 1, counted, "every violation is in one bar");
        assertTrue(text(doc, "//*[@class='capped']").startsWith((Timeline.MAX_MARKS + 1) + " violations"));
    }

    @Test
    void reportCommandWritesThePageWhereAsked() throws Exception {
        ReportFixture.build(dir, true);
        Path out = dir.resolve("elsewhere/page.html");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"report", dir.toString(), "--out", out.toString()}, new PrintStream(o),
                new PrintStream(e));
        assertEquals(0, code, e.toString());
        assertTrue(o.toString().contains(out.toString()));
        assertEquals("A small fishery", text(parse(out), "//h1"));
        assertFalse(Files.exists(dir.resolve(HtmlReport.FILE)));
        assertEquals(3, Main.run(new String[] {"report", dir.resolve("nope").toString()}, new PrintStream(o),
                new PrintStream(e)));
        assertTrue(e.toString().contains("no such run folder"), e.toString());
    }

    /** Leaves a run folder and its page in target/report-fixture for .ci/report-check to open in a browser. */
    @Test
    void leavesAFixtureForTheBrowserCheck() throws IOException {
        Path fixture = Path.of("target", "report-fixture");
        ReportFixture.build(fixture, true);
        Path page = HtmlReport.write(fixture);
        assertTrue(Files.size(page) > 1000);
    }
}
