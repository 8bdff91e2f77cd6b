package vigil.core;

import java.util.Objects;

/**
 * The text of one DRL file and where it came from: {@code origin} is what error messages print before
 * {@code :line} (a file path, or {@code classpath:vigil/rules/honesty.drl}).
 */
public record RuleSource(String origin, String text) {

    public RuleSource {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }
}
