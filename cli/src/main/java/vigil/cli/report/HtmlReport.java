package vigil.cli.report;

import static vigil.cli.report.Markup.esc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vigil.core.Violation;
import vigil.core.AuditTrail;
import vigil.cli.report.RunFolder.Audited;
import vigil.cli.report.RunFolder.Traffic;
import vigil.cli.report.RunContext.Ending;
import vigil.cli.report.RunContext.Outcome;
import vigil.cli.report.RunContext.RuleScore;
import vigil.live.PageStyle;

/**
 * Writes the report of a run folder ({@code audit.jsonl}, {@code trace.jsonl} and, for a scenario run,
 * {@code scenario.json}) as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched
 * from the network, so it opens on a machine without one and prints as it shows. The same folder always
 * gives the same bytes. A bad line or a missing file is told on the page rather than failing the report.
 */
public final class HtmlReport {

    /** The page's file name inside the run folder. */
    public static final String FILE = "report.html";

    /** Rows of the violations table before the rest is only counted. */
    static final int MAX_ROWS = 1000;

    private HtmlReport() {
    }

    /**
     * Writes {@code runDir/report.html} and returns its path.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a folder
     * @throws UncheckedIOException when a file cannot be read or the page cannot be written
     */
    public static Path write(Path runDir) {
        return write(runDir, runDir.resolve(FILE), null);
    }

    /**
     * Writes the report of {@code runDir} to {@code out}; {@code auditKey} is the key the audit log was sealed
     * with ({@code audit.key}), or null for a plain SHA-256 chain.
     */
    public static Path write(Path runDir, Path out, byte[] auditKey) {
        return write(runDir, out, auditKey, RunReader.contextReaders());
    }

    /** As {@link #write(Path, Path, byte[])}, with the context read by these readers (the first that finds one). */
    static Path write(Path runDir, Path out, byte[] auditKey, List<RunContext.Reader> readers) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + ": no such run folder");
        }
        try {
            if (!Files.exists(runDir.resolve(RunReader.AUDIT)) && !Files.exists(runDir.resolve(RunReader.TRACE))) {
                List<String> runs = RunReader.runsIn(runDir);
                if (!runs.isEmpty()) {
                    throw new IllegalArgumentException(runDir + " holds the folders of " + runs.size()
                            + (runs.size() == 1 ? " run" : " runs") + ", not one run: give one, e.g. "
                            + runDir.resolve(Files.isDirectory(runDir.resolve("latest")) ? "latest" : runs.get(runs.size() - 1)));
                }
            }
            RunFolder run = RunReader.read(runDir, auditKey, readers);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, render(run), StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    static String render(RunFolder run) {
        RunContext sc = run.context();
        long[] span = span(run);
        StringBuilder sb = new StringBuilder(64 * 1024);
        String title = sc != null && sc.title() != null ? sc.title()
                : "Run " + (run.dir().getFileName() == null ? "" : run.dir().getFileName().toString());
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Vigil report: ").append(esc(title)).append("</title>\n<style>\n").append(PageStyle.CSS)
                .append("</style>\n</head>\n<body>\n");
        header(sb, run, title, span);
        sb.append("<nav><a href=\"#timeline\">Timeline</a> <a href=\"#graph\">Interactions</a> <a href=\"#outcome\">Outcome</a>")
                .append(" <a href=\"#scores\">Scores</a>").append(sc != null && !sc.sweeps().isEmpty() ? " <a href=\"#sweeps\">Thresholds</a>" : "")
                .append(" <a href=\"#violations\">Violations</a></nav>\n");
        sb.append("<main>\n");
        section(sb, "timeline", "Violations over time, by value", run.violations().size() > Timeline.MAX_MARKS
                ? "Each bar counts the violations in a slice of time; its colour is the most serious among them."
                : "Each mark is one violation; its size and colour say how serious it was. Hover a mark for its rule and agents.");
        sb.append(Timeline.svg(run, span[0], span[1])).append("\n</section>\n");
        section(sb, "graph", "Who talked to whom",
                "Arrows are messages from sender to receiver, wider for more messages; red arrows carried a message"
                        + " cited as evidence of a violation. The badge is each agent's number of violations.");
        sb.append(InteractionGraph.svg(run)).append("\n</section>\n");
        outcome(sb, sc);
        scores(sb, sc);
        sweeps(sb, sc);
        violations(sb, run, span[0]);
        sb.append("</main>\n<footer>Written by Vigil from ").append(RunReader.AUDIT).append(", ").append(RunReader.TRACE)
                .append(sc != null && sc.source() != null ? " and " + sc.source() : "").append(" in the folder ")
                .append(esc(run.dir().getFileName() == null ? run.dir().toString() : run.dir().getFileName().toString()))
                .append(". Times are seconds since the run's first event.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The first and last times on the page: events, violations and labelled cases. */
    static long[] span(RunFolder run) {
        long first = run.traffic().first();
        long last = run.traffic().last();
        for (Audited a : run.violations()) {
            first = Math.min(first, a.violation().time());
            last = Math.max(last, a.violation().time());
        }
        if (run.context() != null) {
            for (RunContext.LabelledCase t : run.context().truth()) {
                if (t.time() != null) {
                    first = Math.min(first, t.time());
                    last = Math.max(last, t.time());
                }
            }
        }
        return first > last ? new long[] {0, 0} : new long[] {first, last};
    }

    private static void header(StringBuilder sb, RunFolder run, String title, long[] span) {
        RunContext sc = run.context();
        Traffic t = run.traffic();
        sb.append("<header id=\"summary\">\n<p class=\"kicker\">Vigil run report</p>\n<h1>").append(esc(title)).append("</h1>\n");
        if (sc != null && sc.description() != null) {
            sb.append("<p class=\"description\">").append(esc(sc.description())).append("</p>\n");
        }
        if (sc == null) {
            sb.append("<p class=\"description\">A monitored run without a scenario: no ground truth, outcome or scores,")
                    .append(" only what the audit log and the trace hold.</p>\n");
        }
        sb.append("<dl class=\"facts\">\n");
        if (sc != null) {
            for (RunContext.Fact f : sc.facts()) {
                fact(sb, f.key(), f.label(), f.value());
            }
        } else {
            fact(sb, "agents", "agents seen", Integer.toString(InteractionGraph.agents(run).size()));
        }
        sb.append("<div class=\"fact chain ").append(chainClass(run.chain())).append("\" data-fact=\"chain\"><dt>audit chain</dt><dd>")
                .append(esc(chainText(run.chain()))).append("</dd></div>\n");
        fact(sb, "events", "events traced", t.present() ? t.events() + " (" + t.messages() + " messages, " + t.actions()
                + " actions, " + t.reports() + " reports)" : "no trace");
        fact(sb, "violations", "violations (audit log)", Integer.toString(run.violations().size()));
        fact(sb, "withheld", "events withheld", Long.toString(run.withheld()));
        fact(sb, "duration", "time span", Markup.seconds(span[1] - span[0]));
        sb.append("</dl>\n");
        Map<String, Integer> byValue = new TreeMap<>();
        run.violations().forEach(a -> byValue.merge(a.violation().value(), 1, Integer::sum));
        if (!byValue.isEmpty()) {
            sb.append("<p class=\"by-value\">By value: ");
            boolean first = true;
            for (Map.Entry<String, Integer> e : byValue.entrySet()) {
                sb.append(first ? "" : ", ").append("<span class=\"value-count\">").append(esc(e.getKey())).append(" <b>")
                        .append(e.getValue()).append("</b></span>");
                first = false;
            }
            sb.append("</p>\n");
        }
        if (sc != null && sc.outcome() != null && !sc.outcome().summary().isEmpty()) {
            sb.append("<ul class=\"outcome-summary\">\n");
            List<Ending> summary = sc.outcome().summary();
            for (int i = 0; i < summary.size(); i++) {
                Ending s = summary.get(i);
                sb.append("<li><span class=\"swatch\" style=\"background:").append(seriesColor(sc.outcome(), s.label(), i))
                        .append("\"></span><b>").append(esc(s.label())).append("</b>");
                if (s.value() != null) {
                    sb.append(": ").append(Markup.num(s.value(), 2)).append(unit(sc.outcome()));
                }
                if (s.text() != null) {
                    sb.append(" \u2014 ").append(esc(s.text()));
                }
                sb.append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        if (!run.problems().isEmpty()) {
            sb.append("<div class=\"notes\" id=\"problems\"><b>Read with care:</b><ul>\n");
            for (String p : run.problems()) {
                sb.append("<li class=\"problem\">").append(esc(p)).append("</li>\n");
            }
            sb.append("</ul></div>\n");
        }
        sb.append("</header>\n");
    }

    private static void fact(StringBuilder sb, String key, String label, String value) {
        sb.append("<div class=\"fact\" data-fact=\"").append(key).append("\"><dt>").append(esc(label)).append("</dt><dd>")
                .append(value == null ? "n/a" : esc(value)).append("</dd></div>\n");
    }

    static String chainText(AuditTrail.Report r) {
        if (r == null) {
            return "no audit log";
        }
        return switch (r.status()) {
            case INTACT -> "intact: " + r.records() + " records, closed cleanly";
            case UNFINISHED -> "unfinished: " + r.records() + " records verify, but the log has no close record";
            case BROKEN -> (r.badLine() > 0 ? "broken at line " + r.badLine() : "broken") + ": " + r.problem();
        };
    }

    private static String chainClass(AuditTrail.Report r) {
        return r == null ? "missing" : r.status().name().toLowerCase(Locale.ROOT);
    }

    private static void section(StringBuilder sb, String id, String heading, String lede) {
        sb.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n");
        if (lede != null) {
            sb.append("<p class=\"lede\">").append(esc(lede)).append("</p>\n");
        }
    }

    private static void outcome(StringBuilder sb, RunContext sc) {
        Outcome o = sc == null ? null : sc.outcome();
        section(sb, "outcome", o == null ? "Outcome with and without sanctions"
                : "Outcome with and without sanctions: " + OutcomeChart.name(o), o != null && o.higherIsBetter() != null
                        ? (o.higherIsBetter() ? "Higher is better." : "Lower is better.") : null);
        if (OutcomeChart.drawable(o)) {
            sb.append(OutcomeChart.svg(o)).append('\n');
        } else {
            sb.append("<p class=\"empty\">").append(sc == null ? "No scenario"
                    + " in this folder, so there is no outcome to show (a plain run has no second run to compare with)."
                    : "The scenario gives no outcome series.").append("</p>\n");
        }
        sb.append("</section>\n");
    }

    private static void scores(StringBuilder sb, RunContext sc) {
        section(sb, "scores", "How well the rules found the labelled misbehaviour",
                sc == null ? null : "Per rule, against the scenario's ground truth in the run with sanctions on: true"
                        + " positives, false positives and false negatives, precision, recall and detection latency."
                        + " The unit is one (rule, agent, round): a rule detects an agent in a round when one of its"
                        + " violations names the agent and falls in the round. So these counts are not the violations"
                        + " of the header: one violation may name two agents, and one agent may be named by several"
                        + " violations of a rule in a round (the header's \"scored units\" says how they add up)."
                        + " Cells below the targets (precision 0.95, recall 0.90) are marked.");
        if (sc == null || sc.scores().isEmpty()) {
            sb.append("<p class=\"empty\">").append(sc == null ? "No ground truth: scores need a scenario run."
                    : "The scenario gives no scores.").append("</p>\n</section>\n");
            return;
        }
        sb.append("<table class=\"scores\">\n<thead><tr><th>rule</th><th>value</th><th class=\"num\">tp</th>")
                .append("<th class=\"num\">fp</th><th class=\"num\">fn</th><th class=\"num\">precision</th>")
                .append("<th class=\"num\">recall</th><th class=\"num\">latency median (ms)</th>")
                .append("<th class=\"num\">latency max (ms)</th></tr></thead>\n<tbody>\n");
        for (RuleScore s : sc.scores()) {
            sb.append("<tr><td class=\"rule\">").append(esc(s.rule())).append("</td><td>").append(esc(s.value()))
                    .append("</td><td class=\"num\">").append(Markup.orNa(s.tp())).append("</td><td class=\"num\">")
                    .append(Markup.orNa(s.fp())).append("</td><td class=\"num\">").append(Markup.orNa(s.fn()))
                    .append("</td>").append(rate(s.precision(), 0.95)).append(rate(s.recall(), 0.90))
                    .append("<td class=\"num\">").append(Markup.orNa(s.latencyMedianMs(), 1))
                    .append("</td><td class=\"num\">").append(Markup.orNa(s.latencyMaxMs(), 1)).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    /** The threshold sweeps a scenario gives, one small chart and table per swept parameter; nothing when it gives none. */
    private static void sweeps(StringBuilder sb, RunContext sc) {
        if (sc == null || sc.sweeps().isEmpty()) {
            return;
        }
        section(sb, "sweeps", "Choosing a threshold", "Each chart replays this seed's run with sanctions off through the"
                + " rules with one parameter changed and scores the rule at each value, in the same unit as the scores"
                + " above; the dashed line marks the value the run used. One seed only: ./vigil scenarios gives the"
                + " curves over many.");
        for (RunContext.Sweep s : sc.sweeps()) {
            sb.append("<figure class=\"sweep\"><figcaption><b>").append(esc(s.param())).append("</b> for ").append(esc(s.rule()))
                    .append("</figcaption>\n").append(SweepChart.svg(s)).append("\n<table class=\"sweep\"><thead><tr><th>")
                    .append(esc(s.param())).append("</th><th class=\"num\">tp</th><th class=\"num\">fp</th><th class=\"num\">fn</th>")
                    .append("<th class=\"num\">precision</th><th class=\"num\">recall</th></tr></thead>\n<tbody>\n");
            for (RunContext.SweepPoint p : s.points()) {
                boolean current = p.value().equals(s.current());
                sb.append("<tr").append(current ? " class=\"current\"" : "").append("><td>").append(esc(p.value()))
                        .append(current ? " (this run)" : "").append("</td><td class=\"num\">").append(Markup.orNa(p.tp()))
                        .append("</td><td class=\"num\">").append(Markup.orNa(p.fp())).append("</td><td class=\"num\">")
                        .append(Markup.orNa(p.fn())).append("</td><td class=\"num\">").append(Markup.orNa(p.precision(), 2))
                        .append("</td><td class=\"num\">").append(Markup.orNa(p.recall(), 2)).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table></figure>\n");
        }
        sb.append("</section>\n");
    }

    private static String rate(Double v, double target) {
        boolean low = v != null && v < target;
        return "<td class=\"num" + (low ? " below" : "") + "\">" + Markup.orNa(v, 3) + "</td>";
    }

    private static void violations(StringBuilder sb, RunFolder run, long t0) {
        List<Audited> all = run.violations();
        section(sb, "violations", "Violations (" + all.size() + ")",
                all.size() > MAX_ROWS ? "The first " + MAX_ROWS + " of " + all.size() + " violations, by time." : null);
        if (all.isEmpty()) {
            sb.append("<p class=\"empty\">").append(run.chain() == null ? "No audit log, so no violations to show."
                    : "The audit log records no violation.").append("</p>\n</section>\n");
            return;
        }
        sb.append("<table class=\"violations\">\n<thead><tr><th class=\"num\">time (s)</th><th>rule</th><th>value</th>")
                .append("<th>severity</th><th>agents</th><th>sanction</th><th>explanation</th></tr></thead>\n<tbody>\n");
        int rows = 0;
        for (Audited a : all) {
            if (rows++ >= MAX_ROWS) {
                break;
            }
            Violation v = a.violation();
            String sev = v.severity().name().toLowerCase(Locale.ROOT);
            String sanction = a.sanctions().isEmpty() ? "none" : String.join("; ", a.sanctions());
            if (a.decision().equals("block") && a.sanctions().stream().noneMatch(x -> x.endsWith(": block"))) {
                sanction = "event blocked; " + sanction;
            }
            sb.append("<tr class=\"sev-").append(sev).append("\"><td class=\"num\" title=\"")
                    .append(Instant.ofEpochMilli(v.time())).append("\">").append(Markup.fixed((v.time() - t0) / 1000.0, 3))
                    .append("</td><td class=\"rule\">").append(esc(v.rule())).append("</td><td>").append(esc(v.value()))
                    .append("</td><td><span class=\"sev\" style=\"background:").append(Timeline.color(v.severity()))
                    .append("\">").append(sev).append("</span></td><td class=\"agents\">")
                    .append(esc(String.join(", ", v.agents()))).append("</td><td>").append(esc(sanction))
                    .append("</td><td class=\"explanation\">").append(esc(v.explanation())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (all.size() > MAX_ROWS) {
            sb.append("<p class=\"note capped\">").append(all.size() - MAX_ROWS)
                    .append(" more violations are not listed here; the audit log has them all (vigil verify, vigil audit).</p>\n");
        }
        sb.append("</section>\n");
    }

    private static String seriesColor(Outcome o, String label, int fallback) {
        for (int i = 0; i < o.series().size(); i++) {
            String l = o.series().get(i).label();
            if (l != null && l.equals(label)) {
                return OutcomeChart.COLORS[i % OutcomeChart.COLORS.length];
            }
        }
        return OutcomeChart.COLORS[fallback % OutcomeChart.COLORS.length];
    }

    private static String unit(Outcome o) {
        return o.unit() == null || o.unit().isBlank() ? "" : " " + esc(o.unit());
    }
}
