package vigil.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
                check RULES... [--config FILE] [--list]
                    compiles rule files or folders (or 'classpath', the packs on the class path); prints each
                    error as file:line: message, and each rule shape whose memory grows without bound as a warning;
                    --list prints every rule with its value, level, severity, path, sanction, cooldown and parameters
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--config=", "--list");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
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
            if (args.flag("--list")) {
                list(check.rules(), out);
            }
            for (RuleError w : MemoryLint.warnings(sources)) {
                err.println(w);
            }
            out.println(sources.size() + (sources.size() == 1 ? " file, " : " files, ") + rules
                    + (rules == 1 ? " judging rule: ok" : " judging rules: ok"));
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

    /** One line a rule, by pack and name: what it protects, how seriously, where it runs, what it asks for. */
    static void list(List<RuleInfo> rules, PrintStream out) {
        List<RuleInfo> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing((RuleInfo r) -> String.valueOf(r.pack())).thenComparing(RuleInfo::name));
        for (RuleInfo r : sorted) {
            StringBuilder sb = new StringBuilder();
            sb.append(r.pack()).append(": \"").append(r.name()).append('"');
            if (!r.judges()) {
                sb.append("  (helper: judges nothing)");
            } else {
                sb.append("  value ").append(r.value())
                        .append(", level ").append(r.level() == null ? "-" : r.level().name().toLowerCase(Locale.ROOT))
                        .append(", severity ").append(r.severity() == null ? "-" : r.severity().name().toLowerCase(Locale.ROOT))
                        .append(", path ").append(r.path() == null ? "-" : r.path().name().toLowerCase(Locale.ROOT))
                        .append(", sanction ").append(r.sanctions().isEmpty() ? "none"
                                : r.sanctions().stream().map(Object::toString).collect(Collectors.joining(", ")))
                        .append(r.cooldown() == null || r.cooldown().isZero() ? "" : ", cooldown " + Config.formatDuration(r.cooldown()));
            }
            if (!r.params().isEmpty()) {
                sb.append("; params ").append(new TreeMap<>(r.params()).entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
            }
            sb.append("  (").append(r.origin()).append(')');
            out.println(sb);
        }
    }
}
