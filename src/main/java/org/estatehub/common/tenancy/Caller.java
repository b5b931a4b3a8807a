package org.estatehub.common.tenancy;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.estatehub.common.problem.ProblemException;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, read from the verified access token only. The partner comes from the token's
 * `partner_id` claim: a request parameter can never widen what a caller sees.
 */
@RequestScoped
public class Caller {

    public static final String PARTNER_CLAIM = "partner_id";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public String partnerId() {
        requireAuthenticated();
        Object claim = jwt.getClaim(PARTNER_CLAIM);
        String partner = claim == null ? null : claim.toString();
        if (partner == null || partner.isBlank()) {
            throw ProblemException.forbidden(
                    "Your token carries no partner_id claim; ask the programme office to link your account to a partner.");
        }
        return partner;
    }

    /** The token's partner, or empty when it carries none (where that is no reason to refuse the request). */
    public java.util.Optional<String> partnerIdIfAny() {
        requireAuthenticated();
        Object claim = jwt.getClaim(PARTNER_CLAIM);
        return claim == null || claim.toString().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(claim.toString());
    }

    public String username() {
        requireAuthenticated();
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public boolean isServiceAccount() {
        return username().startsWith(SERVICE_ACCOUNT_PREFIX);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Readers across every partner: the programme office and the board. */
    public boolean readsEverything() {
        return hasRole(Roles.PMO_ADMIN) || hasRole(Roles.BOARD_MEMBER);
    }

    /**
     * Those overseeing the whole programme: every reader across partners plus the accountable body's
     * S.151 officer, who answers for the money. They see every project, MOU, claim and payment.
     */
    public boolean oversees() {
        return readsEverything() || hasRole(Roles.S151_OFFICER);
    }

    /**
     * Who onboards a partner's staff and identity provider: the programme office for every partner, a
     * partner's own partner-admin for that partner only (its partner from the token, as everywhere).
     */
    public boolean administers(String partnerId) {
        return hasRole(Roles.PMO_ADMIN)
                || hasRole(Roles.PARTNER_ADMIN) && partnerIdIfAny().map(partnerId::equals).orElse(false);
    }

    public List<String> roles() {
        return Roles.ALL.stream().filter(identity::hasRole).toList();
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
