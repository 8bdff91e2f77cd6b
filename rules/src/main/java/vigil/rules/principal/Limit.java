package vigil.rules.principal;

/** The principal allows no single {@code action} with an amount above {@code max}, e.g. buy at most 100. */
public record Limit(String principal, String action, double max) {
}
