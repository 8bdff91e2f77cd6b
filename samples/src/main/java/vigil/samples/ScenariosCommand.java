package vigil.samples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.cli.Args;
import vigil.cli.Command;
import vigil.cli.UsageException;

/** {@code vigil scenarios [--seeds N] [--only ID,...] [--out FILE]}: the benchmark over seeds, registered through the {@link Command} SPI. */
public final class ScenariosCommand implements Command {

    @Override
    public String name() {
        return "scenarios";
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public String usage() {
        return """
                scenarios [--seeds N] [--only ID,ID...] [--out FILE]
                    runs every scenario (or those named) over seeds 1..N (default 10) and writes the benchmark
                    (default docs/scenarios.md): scores with confidence intervals, behaviours caught and missed,
                    outcomes, threshold sweeps. Scenarios of your own: docs/scenario-kit.md
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--seeds=", "--only=", "--out=");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        DemoCommand.quietLogging();
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + args.positional().get(0));
        }
        Integer seeds = args.number("--seeds", Integer::parseInt);
        if (seeds != null && seeds < 1) {
            throw new UsageException("--seeds must be at least 1");
        }
        Path file = args.value("--out") == null ? Path.of("docs", "scenarios.md") : args.path("--out");
        List<Scenario> only = new ArrayList<>();
        try {
            if (args.value("--only") == null) {
                only.addAll(Scenario.all());
            } else {
                for (String id : args.value("--only").split(",")) {
                    only.add(Scenario.byId(id.trim()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Benchmark(out).run(seeds == null ? 10 : seeds, file, only);
    }
}
