package vigil.samples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The scenario commands of Vigil's command line: {@code demo} and {@code scenarios}. The {@code ./vigil}
 * script sends these two here and everything else to {@code vigil.jacamo.cli.Main}.
 */
public final class SamplesMain {

    static final String USAGE = """
            usage: vigil demo [SCENARIO|all] [--seed N] [--agents N] [--misaligned SHARE] [--rounds N] [--out DIR]
                       runs a scenario with sanctions on (live alerts) and off, scores the monitor against the
                       scenario's ground truth, writes DIR/SCENARIO/ (default vigil-out/): audit.jsonl, trace.jsonl,
                       scenario.json, report.html. SCENARIO: fishery (the default), market, team, rumour, relief, one of yours, or all
                   vigil scenarios [--seeds N] [--only ID,ID...] [--out FILE]
                       runs every scenario (or those named) over seeds 1..N (default 10) and writes the benchmark:
                       scores with confidence intervals, behaviours caught and missed, outcomes, threshold sweeps
                       (default docs/scenarios.md). Scenarios of your own: docs/scenario-kit.md
            """;

    private SamplesMain() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil: " + e.getMessage());
            System.err.print(USAGE);
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        switch (args[0]) {
            case "demo" -> {
                String which = "fishery";
                Path dir = Path.of("vigil-out");
                Integer agents = null;
                Double share = null;
                Integer rounds = null;
                Long seed = null;
                for (int i = 0; i < rest.length; i++) {
                    switch (rest[i]) {
                        case "--seed" -> seed = number(value(rest, ++i, "--seed"), "--seed", Long::parseLong);
                        case "--agents" -> agents = number(value(rest, ++i, "--agents"), "--agents", Integer::parseInt);
                        case "--misaligned" -> share = number(value(rest, ++i, "--misaligned"), "--misaligned", Double::parseDouble);
                        case "--rounds" -> rounds = number(value(rest, ++i, "--rounds"), "--rounds", Integer::parseInt);
                        case "--out" -> dir = Path.of(value(rest, ++i, "--out"));
                        default -> {
                            if (rest[i].startsWith("-")) {
                                throw new IllegalArgumentException("demo: unknown option " + rest[i]);
                            }
                            which = rest[i];
                        }
                    }
                }
                return new Demo(out).run(Demo.pick(which), new Demo.Options(dir, agents, share, rounds, seed));
            }
            case "scenarios" -> {
                int seeds = 10;
                Path file = Path.of("docs", "scenarios.md");
                List<Scenario> only = Scenario.all();
                for (int i = 0; i < rest.length; i++) {
                    switch (rest[i]) {
                        case "--seeds" -> seeds = number(value(rest, ++i, "--seeds"), "--seeds", Integer::parseInt);
                        case "--only" -> {
                            only = new java.util.ArrayList<>();
                            for (String id : value(rest, ++i, "--only").split(",")) {
                                only.add(Scenario.byId(id.trim()));
                            }
                        }
                        case "--out" -> file = Path.of(value(rest, ++i, "--out"));
                        default -> throw new IllegalArgumentException("scenarios: unknown option " + rest[i]);
                    }
                }
                if (seeds < 1) {
                    throw new IllegalArgumentException("scenarios: --seeds must be at least 1");
                }
                return new Benchmark(out).run(seeds, file, only);
            }
            default -> {
                err.println("vigil: unknown command '" + args[0] + "'");
                err.print(USAGE);
                return 2;
            }
        }
    }

    private static <T> T number(String text, String option, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: '" + text + "'");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
