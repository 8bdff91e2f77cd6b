package vigil.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the rules come from (the configured locations plus sources given in code); compiles them anew on each call. */
final class RuleSet {

    private final Config config;
    private final List<RuleSource> extra;
    private final ClassLoader loader;

    RuleSet(Config config, ClassLoader loader) {
        this.config = config;
        this.extra = config.sources();
        this.loader = loader;
    }

    List<RuleSource> sources() {
        List<RuleSource> out = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        for (String location : config.rules()) {
            if (location.equals(Config.CLASSPATH)) {
                List<RuleSource> found = RuleLoader.fromClasspath(loader);
                if (found.isEmpty() && extra.isEmpty() && config.rules().size() == 1) {
                    errors.add(new RuleError("classpath", 0, "no rule packs on the classpath (no META-INF/kmodule.xml"
                            + " with .drl files): add the vigil-rules jar or give rule files with --rules"));
                }
                out.addAll(found);
            } else {
                try {
                    out.addAll(RuleLoader.fromPath(Path.of(location)));
                } catch (RuleCompilationException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        out.addAll(extra);
        return out;
    }

    CompiledRules compile() {
        return SanctionKinds.with(loader, () -> RuleCompiler.compile(sources(), config.params(), config.origins(), config.engineExpiry()));
    }

    /** The folders to watch for hot reload: each folder location, and the folder of each file location. */
    List<Path> folders() {
        List<Path> out = new ArrayList<>();
        for (String location : config.rules()) {
            if (location.equals(Config.CLASSPATH)) {
                continue;
            }
            Path p = Path.of(location).toAbsolutePath();
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            if (dir != null && !out.contains(dir)) {
                out.add(dir);
            }
        }
        return out;
    }
}
