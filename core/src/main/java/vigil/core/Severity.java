package vigil.core;

/**
 * How serious a violation is; it sets the default reputation penalty.
 * Constants: safe to share between threads.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses {@code low}, {@code medium}, {@code high} or {@code critical}, in any case. */
    public static Severity parse(String s) {
        return Severity.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
