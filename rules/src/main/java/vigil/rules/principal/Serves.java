package vigil.rules.principal;

/** The agent acts for the principal, whose preferences it must respect. */
public record Serves(String agent, String principal) {
}
