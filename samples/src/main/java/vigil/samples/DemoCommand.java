package vigil.samples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import vigil.cli.Args;
import vigil.cli.Command;
import vigil.cli.UsageException;

/** {@code vigil demo [SCENARIO|all] ...}: registered with the command line through its {@link Command} SPI. */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String usage() {
        return """
                demo [SCENARIO|all] [--seed N] [--agents N] [--misaligned SHARE] [--rounds N] [--out DIR]
                    runs a scenario with sanctions on (live alerts), off, and any run of its own, scores the monitor
                    against the scenario's ground truth, writes DIR/SCENARIO/ (default vigil-out/): audit.jsonl,
                    trace.jsonl, scenario.json, report.html. SCENARIO: fishery (the default), market, team, rumour,
                    relief, one of yours (docs/scenario-kit.md), or all
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--seed=", "--agents=", "--misaligned=", "--rounds=", "--out=");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        quietLogging();
        List<String> which = args.positional();
        if (which.size() > 1) {
            throw new UsageException("one scenario (or all), not " + String.join(" and ", which));
        }
        List<Scenario> scenarios;
        try {
            scenarios = Demo.pick(which.isEmpty() ? "fishery" : which.get(0));
            Demo.Options o = new Demo.Options(args.value("--out") == null ? Path.of("vigil-out") : args.path("--out"),
                    args.number("--agents", Integer::parseInt), args.number("--misaligned", Double::parseDouble),
                    args.number("--rounds", Integer::parseInt), args.number("--seed", Long::parseLong));
            for (Scenario s : scenarios) {
                o.spec(s);
            }
            return new Demo(out).run(scenarios, o);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The scenarios print their own progress: the agents' and the engine's log lines below ERROR are noise here. */
    static void quietLogging() {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "error");
        }
        // Drools' compile-time advice about the packs (EvalCondition) is noise here too; the command line's own
        // default for it is warn, a level given with -D stays.
        for (String drools : new String[] {"org.slf4j.simpleLogger.log.org.drools", "org.slf4j.simpleLogger.log.org.kie"}) {
            String level = System.getProperty(drools);
            if (level == null || level.equals("warn")) {
                System.setProperty(drools, "error");
            }
        }
    }
}
