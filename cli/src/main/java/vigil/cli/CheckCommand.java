package vigil.cli;

import java.io.PrintStream;
import java.util.List;
import vigil.core.Config;
import vigil.core.ConfigException;
import vigil.core.RuleCompilationException;
import vigil.core.RuleError;
import vigil.core.RuleInfo;
import vigil.core.RuleSource;
import vigil.core.Vigil;

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
            return Exit.OK.code;
        } catch (RuleCompilationException e) {
            errors = e.errors();
        }
        for (RuleError e : errors) {
            err.println(e);
        }
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
        return Exit.FOUND.code;
    }
}
