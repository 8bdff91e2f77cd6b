package vigil.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import vigil.cli.report.HtmlReport;

/**
 * {@code report RUN_DIR [--out FILE] [--key KEY]}: writes the folder's report (by default
 * {@code RUN_DIR/report.html}) from its audit log, trace and context (a scenario's facts), and prints its path.
 */
public final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String usage() {
        return """
                report RUN_DIR [--out FILE] [--key KEY]
                    writes RUN_DIR/report.html from the folder's audit.jsonl, trace.jsonl and scenario.json:
                    one self-contained page (timeline, interaction graph, outcome, scores, violations)
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--out=", "--key=");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        Path dir = Path.of(args.single("give the run folder (one holding audit.jsonl and trace.jsonl, e.g. vigil-out/fishery)"));
        Path page = args.path("--out");
        byte[] key = args.value("--key") == null ? null : args.value("--key").getBytes(StandardCharsets.UTF_8);
        try {
            Path written = HtmlReport.write(dir, page == null ? dir.resolve(HtmlReport.FILE) : page, key);
            out.println(written);
            return Exit.OK.code;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT.code;
        } catch (UncheckedIOException e) {
            err.println(dir + ": cannot write the report: " + e.getMessage());
            return Exit.BAD_INPUT.code;
        }
    }
}
