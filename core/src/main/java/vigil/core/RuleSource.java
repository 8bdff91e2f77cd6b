package vigil.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The text of one DRL file and where it came from: {@code origin} is what error messages print before
 * {@code :line} (a file path, or {@code classpath:vigil/rules/honesty.drl}). Give rules as text with
 * {@code Config.builder().rules(new RuleSource("mine.drl", text))}. An immutable value.
 */
public record RuleSource(String origin, String text) {

    public RuleSource {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    /** The DRL files of every rule pack on the class path (roots with {@code META-INF/kmodule.xml}). */
    public static List<RuleSource> classpath(ClassLoader loader) {
        return RuleLoader.fromClasspath(loader);
    }

    /**
     * The DRL file at {@code path}, or the DRL files in a folder and its sub-folders; a problem (no such file,
     * a file that is not DRL) is a {@link RuleCompilationException} naming the path.
     */
    public static List<RuleSource> from(Path path) {
        return RuleLoader.fromPath(path);
    }
}
