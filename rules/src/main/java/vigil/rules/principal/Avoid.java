package vigil.rules.principal;

/** The principal wants no dealings with {@code partner}: no messages to it, no actions naming it. */
public record Avoid(String principal, String partner) {
}
