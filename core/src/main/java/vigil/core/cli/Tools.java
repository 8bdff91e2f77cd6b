package vigil.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vigil.core.Decision;
import vigil.core.Monitor;
import vigil.core.RulePath;
import vigil.core.Verdict;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.core.AuditTrail;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.Event;
import vigil.core.EventFormatException;
import vigil.core.Trace;
import vigil.core.report.HtmlReport;
import vigil.core.RuleCompilationException;
import vigil.core.RuleError;
import vigil.core.RuleInfo;
import vigil.core.RuleSource;
import vigil.core.EscalationPolicy;

/**
 * The rule author's command-line tools: {@code check} compiles rules, {@code audit} replays a recorded trace
 * through rules in shadow mode, {@code verify} checks an audit log's chain, {@code report} writes a run
 * folder's HTML report. Each entry point takes its
 * arguments and two streams and returns the exit code, so a launcher (such as the JaCaMo plugin's
 * {@code vigil} command) can dispatch to it; {@link #main} does the same from a shell.
 *
 * <p>Exit codes: {@code check} 0 when everything compiles (warnings allowed), 1 on any error; {@code audit}
 * 0 when the rules find nothing, 1 when they find violations, 2 when the replay cannot run or stops at a
 * bad line; {@code verify} 0 intact, 1 broken, 2 unfinished, 3 unreadable; {@code report} 0 when the page is
 * written (even if it tells of bad lines), 2 when it cannot be; 64 for a usage error.
 */
public final class Tools {

    public static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            usage: vigil check RULES...                     compile rule files or folders (or 'classpath')
                   vigil audit TRACE.jsonl [--rules R[,R...]] [--config FILE] [--stop-on-error]
                                                           replay a recorded trace through the rules (no sanctions)
                   vigil verify AUDIT.jsonl [--key KEY]     check an audit log's hash chain
                   vigil report RUN_DIR [--out FILE] [--key KEY]
                                                           write a run folder's report.html (one self-contained page)""";

    private Tools() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code check}, {@code audit} or {@code verify}, named by the first argument. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "check" -> check(rest, out, err);
            case "audit" -> audit(rest, out, err);
            case "verify" -> verify(rest, out, err);
            case "report" -> report(rest, out, err);
            case "help", "--help", "-h" -> {
                out.println(USAGE_TEXT);
                yield 0;
            }
            default -> {
                err.println("vigil: unknown command '" + args[0] + "'");
                err.println(USAGE_TEXT);
                yield USAGE;
            }
        };
    }

    /**
     * {@code check RULES... [--config FILE]}: compiles the rules (with the parameters of the configuration, if
     * given), prints every error as {@code file:line: message} and every memory warning as
     * {@code file:line: warning: ...}.
     */
    public static int check(String[] args, PrintStream out, PrintStream err) {
        List<String> locations = new ArrayList<>();
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (++i >= args.length) {
                    return usage(err, "check: --config needs a file");
                }
                configFile = Path.of(args[i]);
            } else if (args[i].startsWith("--")) {
                return usage(err, "check: unknown option " + args[i]);
            } else {
                locations.add(args[i]);
            }
        }
        if (locations.isEmpty()) {
            return usage(err, "check: give at least one rule file or folder");
        }
        Config config;
        try {
            config = configFile == null ? Config.defaults() : Config.load(configFile);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        List<RuleError> errors;
        try {
            Vigil.RuleCheck check = Vigil.builder().config(config.toBuilder().rules(locations).build()).check();
            List<RuleSource> sources = check.sources();
            long rules = check.rules().stream().filter(RuleInfo::judges).count();
            for (RuleError w : MemoryLint.warnings(sources)) {
                err.println(w);
            }
            out.println(sources.size() + (sources.size() == 1 ? " file, " : " files, ") + rules
                    + " judging rules: ok");
            return 0;
        } catch (RuleCompilationException e) {
            errors = e.errors();
        }
        for (RuleError e : errors) {
            err.println(e);
        }
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
        return 1;
    }

    /**
     * {@code audit TRACE.jsonl [--rules R[,R...]] [--config FILE] [--stop-on-error]}: replays the trace through
     * the rules on the events' own clock and prints what they find. Shadow mode: no sanction is carried out,
     * no mute or quarantine comes into force (every value's escalation is {@code warn}), no audit log is
     * written. A line that is not an event is reported as {@code TRACE:line: problem} and skipped, or ends
     * the replay with {@code --stop-on-error}.
     */
    public static int audit(String[] args, PrintStream out, PrintStream err) {
        Path trace = null;
        Path configFile = null;
        List<String> rules = new ArrayList<>();
        boolean stopOnError = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> {
                    if (++i >= args.length) {
                        return usage(err, "audit: --rules needs rule files or folders");
                    }
                    for (String r : args[i].split(",")) {
                        if (!r.isBlank()) {
                            rules.add(r.strip());
                        }
                    }
                }
                case "--config" -> {
                    if (++i >= args.length) {
                        return usage(err, "audit: --config needs a file");
                    }
                    configFile = Path.of(args[i]);
                }
                case "--stop-on-error" -> stopOnError = true;
                default -> {
                    if (args[i].startsWith("--") || trace != null) {
                        return usage(err, "audit: unexpected argument " + args[i]);
                    }
                    trace = Path.of(args[i]);
                }
            }
        }
        if (trace == null) {
            return usage(err, "audit: give the trace to replay (a .jsonl file recorded with 'trace = FILE')");
        }
        if (!Files.isRegularFile(trace)) {
            err.println(trace + ": no such trace file");
            return 2;
        }
        Config config;
        try {
            Config.Builder b = (configFile == null ? Config.defaults() : Config.load(configFile)).toBuilder();
            if (!rules.isEmpty()) {
                b.rules(rules.stream().map(r -> r.equals(Config.CLASSPATH) ? r : Path.of(r).toAbsolutePath().toString())
                        .toList());
            }
            Config base = b.build();
            b.clock(Config.ClockMode.EVENTS).audit(null).trace(null).logAlerts(false).watchRules(false);
            // Shadow mode: sentences are recorded, but nothing comes into force that would change later verdicts.
            for (String value : base.escalations().keySet()) {
                b.escalation(value, EscalationPolicy.parse("warn"));
            }
            b.escalation("default", EscalationPolicy.parse("warn"));
            config = b.build();
        } catch (ConfigException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Monitor monitor;
        try {
            monitor = Vigil.builder().config(config).serviceSinks(false).start();
        } catch (RuleCompilationException e) {
            for (RuleError r : e.errors()) {
                err.println(r);
            }
            return 2;
        }
        int bad = 0;
        long events = 0;
        long last = Long.MIN_VALUE;
        List<String> wouldBlock = new ArrayList<>();
        try (monitor; BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Event e;
                try {
                    e = Trace.read(line);
                } catch (EventFormatException ex) {
                    bad++;
                    err.println(trace + ":" + lineNo + ": " + ex.getMessage());
                    if (stopOnError) {
                        err.println("audit stopped at the first bad line (--stop-on-error)");
                        return 2;
                    }
                    continue;
                }
                if (e.time() < last) {
                    err.println(trace + ":" + lineNo + ": warning: event " + e.id() + " is older than the one before it;"
                            + " windows see it at " + last + " ms");
                }
                last = Math.max(last, e.time());
                Verdict v = monitor.judge(e);
                events++;
                if (v.decision() == Decision.BLOCK) {
                    wouldBlock.add(e.id());
                }
            }
            if (last != Long.MIN_VALUE) {
                monitor.advanceTo(last);
            }
            if (!monitor.drain(600_000)) {
                err.println("audit: the watch did not finish within 10 minutes");
                return 2;
            }
            List<Violation> found = monitor.violations();
            for (Violation v : found) {
                out.println(describe(v, wouldBlock));
            }
            out.println(events + " events replayed" + (bad > 0 ? ", " + bad + " bad lines skipped" : "") + ": "
                    + (found.isEmpty() ? "no violations" : found.size() + (found.size() == 1 ? " violation" : " violations")
                            + " (" + summary(found) + ")"));
            return found.isEmpty() ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println(trace + ": no such trace file");
            return 2;
        } catch (IOException e) {
            err.println(trace + ": cannot read: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static String describe(Violation v, List<String> wouldBlock) {
        boolean blocks = v.path() == RulePath.GATE && v.requestsBlock()
                && v.evidence().stream().anyMatch(wouldBlock::contains);
        return v.time() + " ms  " + v.value() + " [" + v.severity().name().toLowerCase() + "] \"" + v.rule() + "\" by "
                + String.join(", ", v.agents()) + ": " + v.explanation() + " (evidence " + String.join(", ", v.evidence())
                + ")" + (blocks ? " -> would block" : "");
    }

    private static String summary(List<Violation> found) {
        Map<String, Long> byValue = found.stream().collect(Collectors.groupingBy(Violation::value,
                TreeMap::new, Collectors.counting()));
        return byValue.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** {@code verify AUDIT.jsonl [--key KEY]}: checks the audit log's chain and prints the verifier's report. */
    public static int verify(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        byte[] key = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key")) {
                if (++i >= args.length) {
                    return usage(err, "verify: --key needs the audit key (audit.key in the configuration)");
                }
                key = args[i].getBytes(StandardCharsets.UTF_8);
            } else if (args[i].startsWith("--") || file != null) {
                return usage(err, "verify: unexpected argument " + args[i]);
            } else {
                file = Path.of(args[i]);
            }
        }
        if (file == null) {
            return usage(err, "verify: give the audit log to check (vigil-out/audit.jsonl by default)");
        }
        AuditTrail.Report report;
        try {
            report = AuditTrail.verify(file, key);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such audit log");
            return 3;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 3;
        }
        (report.status() == AuditTrail.Status.INTACT ? out : err).println(report.describe());
        return switch (report.status()) {
            case INTACT -> 0;
            case BROKEN -> 1;
            case UNFINISHED -> 2;
        };
    }

    /**
     * {@code report RUN_DIR [--out FILE] [--key KEY]}: writes the folder's report (by default
     * {@code RUN_DIR/report.html}) from its audit log, trace and {@code scenario.json}, and prints its path.
     */
    public static int report(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Path page = null;
        byte[] key = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> {
                    if (++i >= args.length) {
                        return usage(err, "report: --out needs a file");
                    }
                    page = Path.of(args[i]);
                }
                case "--key" -> {
                    if (++i >= args.length) {
                        return usage(err, "report: --key needs the audit key (audit.key in the configuration)");
                    }
                    key = args[i].getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    if (args[i].startsWith("--") || dir != null) {
                        return usage(err, "report: unexpected argument " + args[i]);
                    }
                    dir = Path.of(args[i]);
                }
            }
        }
        if (dir == null) {
            return usage(err, "report: give the run folder (one holding audit.jsonl and trace.jsonl, e.g. vigil-out/fishery)");
        }
        try {
            Path written = HtmlReport.write(dir, page == null ? dir.resolve(HtmlReport.FILE) : page, key);
            out.println(written);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println(dir + ": cannot write the report: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("vigil " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
