package vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vigil.cli.report.JsonLines;
import vigil.core.ActionOutcome;
import vigil.core.SafeText;
import vigil.core.Decision;
import vigil.core.Monitor;
import vigil.core.RulePath;
import vigil.core.Verdict;
import vigil.core.Vigil;
import vigil.core.Violation;
import vigil.core.Config;
import vigil.core.Event;
import vigil.core.EventFormatException;
import vigil.core.Trace;
import vigil.core.RuleCompilationException;
import vigil.core.RuleError;
import vigil.core.EscalationPolicy;

/**
 * {@code audit TRACE.jsonl [--rules R[,R...]] [--config FILE] [--stop-on-error]}: replays the trace through
 * the rules on the events' own clock and prints what they find, at times counted from the trace's first
 * event. Shadow mode: no sanction is carried out, no mute or quarantine comes into force (every value's
 * escalation is {@code warn}), no audit log is written. A line that is not an event is reported as
 * {@code TRACE:line: problem} and skipped, or ends the replay with {@code --stop-on-error}.
 */
public final class AuditCommand implements Command {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String usage() {
        return """
                audit TRACE.jsonl [--rules R[,R...]]... [--config FILE] [--stop-on-error]
                    replays a recorded trace through the rules (shadow mode: no sanctions); prints each
                    violation at its time from the trace's first event
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--rules=", "--config=", "--stop-on-error");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        Path trace = Path.of(args.single("give the trace to replay (a .jsonl file recorded with 'trace = FILE')"));
        List<String> rules = args.list("--rules");
        Path configFile = args.path("--config");
        boolean stopOnError = args.flag("--stop-on-error");
        if (!Files.isRegularFile(trace)) {
            err.println(trace + ": no such trace file");
            return Exit.BAD_INPUT.code;
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
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT.code;
        }
        Monitor monitor;
        try {
            monitor = Vigil.builder().config(config).serviceSinks(false).start();
        } catch (RuleCompilationException e) {
            for (RuleError r : e.errors()) {
                err.println(r);
            }
            return Exit.BAD_INPUT.code;
        }
        Replay replay = new Replay(trace, monitor, err, stopOnError);
        try (monitor) {
            JsonLines.read(trace, replay::line);
            if (replay.stopped) {
                err.println("audit stopped at the first bad line (--stop-on-error)");
                return Exit.BAD_INPUT.code;
            }
            if (replay.last != Long.MIN_VALUE) {
                monitor.advanceTo(replay.last);
            }
            if (!monitor.drain(600_000)) {
                err.println("audit: the watch did not finish within 10 minutes");
                return Exit.BAD_INPUT.code;
            }
            List<Violation> found = monitor.violations();
            if (replay.first != Long.MIN_VALUE) {
                out.println("trace " + trace + " starts at " + Instant.ofEpochMilli(replay.first)
                        + "; times are from there");
            }
            for (Violation v : found) {
                out.println(describe(v, replay.first, replay.wouldBlock));
            }
            out.println(replay.events + " events replayed" + (replay.bad > 0 ? ", " + replay.bad + " bad lines skipped" : "")
                    + ": " + (found.isEmpty() ? "no violations" : found.size() + (found.size() == 1 ? " violation" : " violations")
                            + " (" + summary(found) + ")"));
            return found.isEmpty() ? Exit.OK.code : Exit.FOUND.code;
        } catch (NoSuchFileException e) {
            err.println(trace + ": no such trace file");
            return Exit.BAD_INPUT.code;
        } catch (IOException e) {
            err.println(trace + ": cannot read: " + e.getMessage());
            return Exit.BAD_INPUT.code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exit.BAD_INPUT.code;
        }
    }

    /** Feeds the trace's events to the monitor, one line at a time. */
    private static final class Replay {
        final Path trace;
        final Monitor monitor;
        final PrintStream err;
        final boolean stopOnError;
        final List<String> wouldBlock = new ArrayList<>();
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long events;
        int bad;
        boolean stopped;

        Replay(Path trace, Monitor monitor, PrintStream err, boolean stopOnError) {
            this.trace = trace;
            this.monitor = monitor;
            this.err = err;
            this.stopOnError = stopOnError;
        }

        boolean line(long number, String text) {
            Event e;
            try {
                e = Trace.read(text);
            } catch (EventFormatException ex) {
                bad++;
                err.println(trace + ":" + number + ": " + ex.getMessage());
                stopped = stopOnError;
                return !stopOnError;
            }
            if (first == Long.MIN_VALUE) {
                first = e.time();
            }
            if (e.time() < last) {
                err.println(trace + ":" + number + ": warning: event " + e.id() + " is older than the one before it;"
                        + " windows see it at " + seconds(last - first));
            }
            last = Math.max(last, e.time());
            events++;
            if (e instanceof ActionOutcome o) {
                // What became of an action: the watch's alone, as live.
                monitor.outcome(o);
                return true;
            }
            Verdict v = monitor.judge(e);
            if (v.decision() == Decision.BLOCK) {
                wouldBlock.add(e.id());
            }
            return true;
        }
    }

    /** A time from the trace's start, as {@code +12.345 s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%s%.3f s", millis < 0 ? "-" : "+", Math.abs(millis) / 1000.0);
    }

    private static String describe(Violation v, long start, List<String> wouldBlock) {
        boolean blocks = v.path() == RulePath.GATE && v.requestsBlock()
                && v.evidence().stream().anyMatch(wouldBlock::contains);
        // The trace and the explanation hold agents' text: one line each, escaped.
        return seconds(v.time() - start) + "  " + SafeText.oneLine(v.value(), 80) + " [" + v.severity().name().toLowerCase(Locale.ROOT)
                + "] \"" + SafeText.oneLine(v.rule(), 120) + "\" by " + SafeText.oneLine(String.join(", ", v.agents()), 200) + ": "
                + SafeText.oneLine(v.explanation(), 300) + " (evidence " + SafeText.oneLine(String.join(", ", v.evidence()), 200) + ")"
                + (blocks ? " -> would block" : "");
    }

    private static String summary(List<Violation> found) {
        Map<String, Long> byValue = found.stream().collect(Collectors.groupingBy(Violation::value,
                TreeMap::new, Collectors.counting()));
        return byValue.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
