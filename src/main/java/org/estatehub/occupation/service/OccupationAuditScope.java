package org.estatehub.occupation.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;
import org.estatehub.occupation.Occupation;

/**
 * An occupation's events follow its read rules as they are now (OccupationService): the owner, the
 * occupier and the readers of everything see every change; other partners see the events of a
 * PARTNERSHIP asset's occupations with the changes to everything but the commercial terms; nobody else
 * sees them at all.
 */
@ApplicationScoped
public class OccupationAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.OCCUPATION;

    /** Every path of the representation that is not a commercial term (rent, service charge, landlord). */
    private static final List<String> SUMMARY = List.of("assetId", "assetOwnerPartnerId", "occupierPartnerId",
            "occupierName", "basis", "areaM2", "desks", "startsOn", "endsOn", "breakOn", "rentReviewOn");

    @Inject
    OccupationService occupations;

    public static AuditSubject subject(Occupation o, String assetOwnerPartnerId) {
        return AuditSubject.of(TYPE, o.id, assetOwnerPartnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Who other than the readers of everything reads an occupation (OccupationService.get), as SQL over the
     * occupation `o` and its asset `a`: a PARTNERSHIP asset's occupations, the owner's and the occupier's.
     * The history, the lease-event lists and the occupation dashboard all use this one rule.
     */
    static final String READS = "(a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :callerPartner"
            + " or o.occupier_partner_id = :callerPartner)";

    /** Who other than the readers of everything reads an occupation's commercial terms: owner and occupier. */
    static final String READS_IN_FULL = "(a.owner_partner_id = :callerPartner or o.occupier_partner_id = :callerPartner)";

    @Override
    public void requireReadable(String scopeId) {
        occupations.get(UUID.fromString(scopeId));
    }

    @Override
    public String visibleSql(Caller caller) {
        return caller.readsEverything() ? "true"
                : "exists (select 1 from occupation o join asset a on a.id = o.asset_id where o.id = cast(e.scope_id as uuid)"
                        + " and " + READS + ")";
    }

    @Override
    public String detailsSql(Caller caller) {
        return caller.readsEverything() ? "true"
                : "exists (select 1 from occupation o join asset a on a.id = o.asset_id where o.id = cast(e.scope_id as uuid)"
                        + " and " + READS_IN_FULL + ")";
    }

    @Override
    public List<String> summaryPaths() {
        return SUMMARY;
    }
}
