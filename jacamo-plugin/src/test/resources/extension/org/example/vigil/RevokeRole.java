package org.example.vigil;

import java.util.List;
import vigil.core.AppliedSanction;
import vigil.core.Platform;
import vigil.core.Sanction;
import vigil.core.SanctionKind;
import vigil.core.Term;

/** A user's own sanction, {@code revoke_role ROLE}: the agent is told it lost a role of its organisation. */
public final class RevokeRole implements SanctionKind {

    @Override
    public String word() {
        return "revoke_role";
    }

    @Override
    public String form() {
        return "revoke_role ROLE";
    }

    @Override
    public Sanction parse(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("expected 'revoke_role ROLE', got " + args);
        }
        return new Revoked(args.get(0));
    }

    /** The sanction itself: a belief {@code role_revoked(Role)} for the agent. */
    public record Revoked(String role) implements Sanction {
        @Override
        public void carryOut(AppliedSanction applied, Platform platform) {
            platform.believe(applied.agent(), Term.struct("role_revoked", Term.atom(role)));
        }

        @Override
        public String toString() {
            return "revoke_role " + role;
        }
    }
}
