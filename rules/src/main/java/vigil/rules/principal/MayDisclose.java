package vigil.rules.principal;

/**
 * The principal lets its agents tell others about {@code predicate}. A principal with at least one such
 * fact allows nothing else to be told to anyone but itself; a principal with none restricts nothing.
 */
public record MayDisclose(String principal, String predicate) {
}
