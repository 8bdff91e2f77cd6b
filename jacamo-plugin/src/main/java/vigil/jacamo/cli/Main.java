package vigil.jacamo.cli;

import java.io.PrintStream;
import java.util.Arrays;
import vigil.core.cli.Tools;

/**
 * Vigil's command line: {@code vigil COMMAND [ARGS]}. Each subcommand is one case of the switch below;
 * {@link #run} returns the exit status so that tests can call it without ending their JVM.
 */
public final class Main {

    static final String USAGE = """
            usage: vigil COMMAND [ARGS]

            commands:
              run PROJECT.mas2j [--rules FILE|DIR]... [--config FILE] [--audit FILE] [--trace FILE]
                                [--duration 30s] [--fail-closed]
                  runs a Jason project headless with every agent monitored by Vigil; prints alerts live
                  and a summary at the end; stops when the MAS stops itself (.stopMAS) or the duration ends
              report RUN_DIR [--out FILE] [--key KEY]
                  writes RUN_DIR/report.html from the folder's audit.jsonl, trace.jsonl and scenario.json:
                  one self-contained page (timeline, interaction graph, outcome, scores, violations)
              check RULES... [--config FILE]
                  compiles rule files or folders (or 'classpath'); errors as file:line
              audit TRACE.jsonl [--rules R[,R...]] [--config FILE] [--stop-on-error]
                  replays a recorded trace through the rules (shadow mode: no sanctions)
              verify AUDIT.jsonl [--key KEY]
                  checks an audit log's hash chain
              demo [fishery|market|team|all] ..., scenarios [--seeds N] ...
                  the scenarios with ground truth (module samples; the ./vigil script runs them)
              help
                  shows this text
            """;

    private Main() {
    }

    public static void main(String[] args) {
        Logging.setUp();
        int status = run(args, System.out, System.err);
        System.out.flush();
        // Whatever a project's code left running, the command is over.
        System.exit(status);
    }

    /** Runs one command; returns its exit status (0 success, 2 usage error, other non-zero failures). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "run":
                return new RunCommand(out, err).run(rest);
            case "report":
            case "check":
            case "audit":
            case "verify":
                return Tools.run(args, out, err);
            case "help":
            case "-h":
            case "--help":
                out.print(USAGE);
                return 0;
            default:
                err.println("vigil: unknown command '" + args[0] + "'");
                err.print(USAGE);
                return 2;
        }
    }
}
