package vigil.core;

/**
 * One problem in a rule file, printed as {@code file:line: message} ({@code file: message}, line 0, when the problem has no line).
 * An immutable value, safe to share between threads.
 */
public record RuleError(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
