package vigil.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.ServiceLoader;
import vigil.core.Violation;
import vigil.core.AuditTrail;
import vigil.core.ActionEvent;
import vigil.core.ReportEvent;
import vigil.core.Event;
import vigil.core.Trace;
import vigil.core.MessageEvent;
import vigil.cli.report.RunFolder.Audited;
import vigil.cli.report.RunFolder.Edge;
import vigil.cli.report.RunFolder.Traffic;

/**
 * Reads a run folder into a {@link RunFolder}. It never gives up on the whole folder for one bad line or one
 * missing file: a line that cannot be read is skipped and counted, a missing file is named, and the page
 * shows what remains. The trace is streamed and aggregated, so a long run does not have to fit in memory.
 */
final class RunReader {

    static final String AUDIT = "audit.jsonl";
    static final String TRACE = "trace.jsonl";

    /** How many bad line numbers a problem names before it only counts. */
    private static final int LINES_NAMED = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The context readers on the class path ({@link RunContext.Reader}). */
    static List<RunContext.Reader> contextReaders() {
        List<RunContext.Reader> readers = new ArrayList<>();
        ServiceLoader.load(RunContext.Reader.class, RunReader.class.getClassLoader()).forEach(readers::add);
        return readers;
    }

    private RunReader() {
    }

    /** The sub-folders of {@code dir} that hold a run (an audit log or a trace), sorted by name; the link {@code latest} is not one. */
    static List<String> runsIn(Path dir) throws IOException {
        List<String> runs = new ArrayList<>();
        try (var children = Files.list(dir)) {
            children.filter(c -> !Files.isSymbolicLink(c))
                    .filter(c -> Files.isRegularFile(c.resolve(AUDIT)) || Files.isRegularFile(c.resolve(TRACE)))
                    .forEach(c -> runs.add(c.getFileName().toString()));
        }
        runs.sort(null);
        return runs;
    }

    static RunFolder read(Path dir, byte[] auditKey, List<RunContext.Reader> readers) throws IOException {
        List<String> problems = new ArrayList<>();
        RunContext context = null;
        for (RunContext.Reader r : readers) {
            context = r.read(dir, problems);
            if (context != null) {
                break;
            }
        }
        List<Audited> violations = new ArrayList<>();
        long[] withheld = {0};
        Map<String, Edge> cited = new HashMap<>();
        AuditTrail.Report chain = audit(dir.resolve(AUDIT), auditKey, violations, withheld, cited, problems);
        Traffic traffic = trace(dir.resolve(TRACE), cited, problems);
        violations.sort(Comparator.comparingLong((Audited a) -> a.violation().time())
                .thenComparing(a -> a.violation().id()));
        return new RunFolder(dir, context, List.copyOf(violations), withheld[0], chain, traffic, List.copyOf(problems));
    }

    /** Reads the violations and withheld events; returns the chain's status, or null when there is no log. */
    private static AuditTrail.Report audit(Path file, byte[] key, List<Audited> out, long[] withheld,
            Map<String, Edge> cited, List<String> problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add("no " + AUDIT + " in this folder: no violations can be shown, and the chain cannot be checked");
            return null;
        }
        BadLines bad = new BadLines(AUDIT);
        long[] opened = {0};
        JsonLines.read(file, (lineNo, line) -> {
            try {
                AuditTrail.Entry entry = AuditTrail.read(line);
                if (entry.kind().equals("violation")) {
                    out.add(violation(entry, cited));
                } else if (entry.kind().equals("withheld")) {
                    withheld[0]++;
                } else if (entry.kind().equals("open")) {
                    opened[0]++;
                }
            } catch (RuntimeException e) {
                bad.add(lineNo);
            }
            return true;
        });
        bad.tell(problems);
        if (opened[0] > 1) {
            problems.add(AUDIT + " holds " + opened[0] + " runs, one after another (a monitor opened it " + opened[0]
                    + " times): the page shows them together; give each run its own folder (vigil run does)");
        }
        try {
            return AuditTrail.verify(file, key);
        } catch (CharacterCodingException e) {
            return new AuditTrail.Report(file, AuditTrail.Status.BROKEN, 0, 0,
                    "the log is not UTF-8 text throughout (bytes were damaged or edited)", List.of());
        }
    }

    private static Audited violation(AuditTrail.Entry entry, Map<String, Edge> cited) {
        Violation violation = entry.violation();
        for (String id : violation.evidence()) {
            cited.putIfAbsent(id, null);
        }
        // The record carries the evidence events themselves; the trace fills in any it left out.
        for (Event e : entry.evidence()) {
            if (e instanceof MessageEvent m) {
                cited.put(m.id(), new Edge(m.sender(), m.receiver()));
            }
        }
        return new Audited(violation, entry.sanctions(), entry.decision());
    }

    private static Traffic trace(Path file, Map<String, Edge> cited, List<String> problems) throws IOException {
        Set<String> agents = new TreeSet<>();
        Map<Edge, Long> edges = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            problems.add("no " + TRACE + " in this folder: the interaction graph shows only the agents named by"
                    + " violations, without messages");
            return new Traffic(false, 0, 0, 0, agents, edges, flagged(cited), Long.MAX_VALUE, Long.MIN_VALUE);
        }
        // messages, actions, reports, first time, last time
        long[] n = {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        BadLines bad = new BadLines(TRACE);
        JsonLines.read(file, (lineNo, line) -> {
            Event e;
            try {
                e = Trace.read(line);
            } catch (RuntimeException ex) {
                bad.add(lineNo);
                return true;
            }
            n[3] = Math.min(n[3], e.time());
            n[4] = Math.max(n[4], e.time());
            agents.addAll(e.agents());
            if (e instanceof MessageEvent m) {
                n[0]++;
                if (!m.sender().equals(m.receiver())) {
                    Edge edge = new Edge(m.sender(), m.receiver());
                    edges.merge(edge, 1L, Long::sum);
                    if (cited.containsKey(m.id()) && cited.get(m.id()) == null) {
                        cited.put(m.id(), edge);
                    }
                }
            } else if (e instanceof ActionEvent) {
                n[1]++;
            } else if (e instanceof ReportEvent) {
                n[2]++;
            }
            return true;
        });
        bad.tell(problems);
        return new Traffic(true, n[0], n[1], n[2], agents, edges, flagged(cited), n[3], n[4]);
    }

    private static Set<Edge> flagged(Map<String, Edge> cited) {
        Set<Edge> flagged = new TreeSet<>();
        for (Edge e : cited.values()) {
            if (e != null && !e.from().equals(e.to())) {
                flagged.add(e);
            }
        }
        return flagged;
    }

    /** Counts the bad lines of one file and names the first few. */
    private static final class BadLines {
        private final String file;
        private final List<Long> named = new ArrayList<>();
        private long count;

        BadLines(String file) {
            this.file = file;
        }

        void add(long line) {
            count++;
            if (named.size() < LINES_NAMED) {
                named.add(line);
            }
        }

        void tell(List<String> problems) {
            if (count == 0) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(count).append(count == 1 ? " bad line" : " bad lines").append(" skipped in ").append(file)
                    .append(" (line");
            sb.append(named.size() == 1 ? " " : "s ");
            for (int i = 0; i < named.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(named.get(i));
            }
            sb.append(count > named.size() ? ", ...)" : ")");
            problems.add(sb.toString());
        }
    }
}
