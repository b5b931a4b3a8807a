package org.estatehub.common.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.estatehub.common.problem.ProblemException;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, read from the verified access token only: a request parameter can never widen what a
 * caller sees. The partner is the Keycloak organization the caller belongs to, which the realm's
 * organization membership mapper puts into the token's `organization` claim as the organization's alias
 * (the partner id the API uses). Membership is the only way in: nobody hand-sets a partner on a user.
 * <p>
 * Exactly one organization names the partner. Two or more (listed when the token was asked for scope
 * `organization:*`, as Swagger UI, the CLI and the tests ask) are refused: which partner's records a change
 * belongs to would be a guess. None is refused too, except for those who act across partners by their
 * realm roles (programme office, board, S.151 officer: {@link #oversees()}), who may belong to no partner;
 * they then have no partner of their own, so what needs one ({@link #partnerId()}) still refuses them.
 */
@RequestScoped
public class Caller {

    /** The claim the organization membership mapper writes (realm file, client scope `organization`). */
    public static final String ORGANIZATION_CLAIM = "organization";
    /** Problem types of the two refusals, declared in the contract's Forbidden response. */
    public static final String NO_ORGANIZATION = "no-organization";
    public static final String SEVERAL_ORGANIZATIONS = "several-organizations";
    public static final String NO_ROLE = "no-role";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The caller's partner; 403 when the caller belongs to none or to several. */
    public String partnerId() {
        return partnerIdIfAny().orElseThrow(() -> new ProblemException(403, NO_ORGANIZATION,
                "Not a member of a partner's organization",
                "You act across partners by your roles but belong to no partner's organization, and this needs"
                        + " a partner of your own; ask the programme office to add you to one."));
    }

    /**
     * The caller's partner, or empty for one who acts across partners and belongs to no partner (where that
     * is no reason to refuse the request). Anyone else in no organization, and anyone in several, is refused
     * here: such a caller reads and changes nothing.
     */
    public Optional<String> partnerIdIfAny() {
        requireAuthenticated();
        List<String> organizations = organizations();
        if (organizations.size() > 1) {
            throw new ProblemException(403, SEVERAL_ORGANIZATIONS, "Member of several partners' organizations",
                    "Your account belongs to " + organizations.size() + " partners' organizations ("
                            + String.join(", ", organizations) + "), so which partner you act for is unclear;"
                            + " ask the programme office to leave you in one.");
        }
        if (organizations.isEmpty()) {
            if (oversees()) {
                return Optional.empty();
            }
            // Keycloak leaves the claim out both for a member of no organization and, unless the token was
            // asked for scope organization:*, for a member of several: the detail cannot tell them apart.
            throw new ProblemException(403, NO_ORGANIZATION, "Not a member of a partner's organization",
                    "Your token names no partner's organization: your account belongs to no partner's organization"
                            + " (or to several, and the token was not asked for scope organization:*), so it"
                            + " reads and changes nothing; ask your partner's administrator or the programme"
                            + " office to add you to your partner's organization.");
        }
        return Optional.of(organizations.get(0));
    }

    /**
     * Refuses, with the reason, a caller whose organizations name no single partner (and who does not act
     * across partners), and then one who holds no EstateHub role: checked on every request before anything
     * is read. A user's first login through their partner's own identity provider makes them a member of
     * its organization with no role, and membership alone must not open the register: the operations
     * themselves only check the roles that writes need.
     */
    public void requireMembership() {
        Optional<String> partner = partnerIdIfAny();
        if (roles().isEmpty()) {
            throw new ProblemException(403, NO_ROLE, "No EstateHub role",
                    "Your account" + partner.map(p -> " (partner " + p + ")").orElse("")
                            + " holds no EstateHub role yet, so it reads and changes nothing; ask your partner's"
                            + " administrator or the programme office to grant you one (such as partner-viewer).");
        }
    }

    /**
     * The aliases in the token's organization claim: a list of aliases as the realm's mapper writes it, or
     * an object keyed by alias (the mapper's form when it also adds the id or attributes).
     */
    List<String> organizations() {
        Object claim = jwt.getClaim(ORGANIZATION_CLAIM);
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof JsonObject object) {
            return List.copyOf(object.keySet());
        }
        if (claim instanceof JsonArray array) {
            return array.stream().map(Caller::text).filter(alias -> !alias.isBlank()).distinct().toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::text).filter(alias -> !alias.isBlank()).distinct().toList();
        }
        String alias = text(claim);
        return alias.isBlank() ? List.of() : List.of(alias);
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonValue json && json.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return String.valueOf(value);
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

    /**
     * A partner's own view with no role reaching across partners: who a webhook subscriber is when the
     * service reads the change feed for it, outside any request. Read rules given this caller answer
     * exactly as for one of the partner's editors calling GET /events.
     */
    public static Caller partnerView(String partnerId, String username) {
        return new Caller() {
            @Override
            public String partnerId() {
                return partnerId;
            }

            @Override
            public java.util.Optional<String> partnerIdIfAny() {
                return java.util.Optional.of(partnerId);
            }

            @Override
            public String username() {
                return username;
            }

            @Override
            public boolean hasRole(String role) {
                // Editing is not reading more: the feed's rules only widen for the cross-partner roles.
                return Roles.PARTNER_EDITOR.equals(role);
            }
        };
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
