package vigil.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.RuleCompilationException;
import vigil.core.RuleCompiler;
import vigil.core.RuleError;
import vigil.core.RuleInfo;
import vigil.core.RuleLoader;
import vigil.core.RuleSource;

/**
 * {@code check RULES... [--config FILE]}: compiles the rules (with the parameters of the configuration, if
 * given), prints every error as {@code file:line: message} and every memory warning as
 * {@code file:line: warning: ...}.
 */
public final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String usage() {
        return """
                check RULES... [--config FILE]
                    compiles rule files or folders (or 'classpath', the packs on the class path); prints each
                    error as file:line: message, and each rule shape whose memory grows without bound as a warning
                """;
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        args.accept("--config=");
        List<String> locations = args.positional();
        if (locations.isEmpty()) {
            throw new UsageException("give at least one rule file or folder");
        }
        Config config;
        try {
            config = args.path("--config") == null ? Config.defaults() : Config.load(args.path("--config"));
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT.code;
        }
        List<RuleError> errors = new ArrayList<>();
        List<RuleSource> sources = load(locations, errors);
        if (errors.isEmpty()) {
            try {
                long rules = RuleCompiler.compile(sources, config.params(), config.retention()).rules().stream()
                        .filter(RuleInfo::judges).count();
                for (RuleError w : MemoryLint.warnings(sources)) {
                    err.println(w);
                }
                out.println(sources.size() + (sources.size() == 1 ? " file, " : " files, ") + rules
                        + " judging rules: ok");
                return Exit.OK.code;
            } catch (RuleCompilationException e) {
                errors.addAll(e.errors());
            }
        }
        for (RuleError e : errors) {
            err.println(e);
        }
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
        return Exit.FOUND.code;
    }

    private static List<RuleSource> load(List<String> locations, List<RuleError> errors) {
        List<RuleSource> sources = new ArrayList<>();
        for (String l : locations) {
            try {
                if (l.equals(Config.CLASSPATH)) {
                    sources.addAll(RuleLoader.fromClasspath(CheckCommand.class.getClassLoader()));
                } else {
                    sources.addAll(RuleLoader.fromPath(Path.of(l)));
                }
            } catch (RuleCompilationException e) {
                errors.addAll(e.errors());
            }
        }
        return sources;
    }
}
