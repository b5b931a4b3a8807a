package org.estatehub.occupation.mapping;

import java.time.LocalDate;

import org.estatehub.common.money.Money;
import org.estatehub.occupation.Occupation;
import org.estatehub.occupation.OccupationBasis;

/** Occupation entity ↔ contract model. */
public final class OccupationMapper {

    private OccupationMapper() {
    }

    /**
     * The occupation as the caller may read it: without `full`, the commercial terms (rent, service
     * charge, landlord) are left out and flagged as withheld.
     */
    public static org.estatehub.api.model.Occupation toApi(Occupation o, String assetOwnerPartnerId, boolean full,
            LocalDate today) {
        var api = new org.estatehub.api.model.Occupation()
                .id(o.id).assetId(o.assetId).assetOwnerPartnerId(assetOwnerPartnerId)
                .occupierPartnerId(o.occupierPartnerId).occupierName(o.occupierName).basis(toApi(o.basis))
                .areaM2(o.areaM2).desks(o.desks).startsOn(o.startsOn).endsOn(o.endsOn).breakOn(o.breakOn)
                .rentReviewOn(o.rentReviewOn).current(o.current(today)).commercialTermsWithheld(!full)
                .version(o.version);
        if (full) {
            api.yearlyRent(Money.toApi(o.yearlyRent)).yearlyServiceCharge(Money.toApi(o.yearlyServiceCharge))
                    .landlordName(o.landlordName).projectId(o.projectId);
        }
        return api;
    }

    // Exhaustive switches: a basis added on one side without the other fails to compile.

    public static org.estatehub.api.model.OccupationBasis toApi(OccupationBasis b) {
        return switch (b) {
            case OWNER_OCCUPIED -> org.estatehub.api.model.OccupationBasis.OWNER_OCCUPIED;
            case LEASE -> org.estatehub.api.model.OccupationBasis.LEASE;
            case LICENCE -> org.estatehub.api.model.OccupationBasis.LICENCE;
            case MOTO -> org.estatehub.api.model.OccupationBasis.MOTO;
            case SUB_LET -> org.estatehub.api.model.OccupationBasis.SUB_LET;
        };
    }

    public static OccupationBasis fromApi(org.estatehub.api.model.OccupationBasis b) {
        return switch (b) {
            case OWNER_OCCUPIED -> OccupationBasis.OWNER_OCCUPIED;
            case LEASE -> OccupationBasis.LEASE;
            case LICENCE -> OccupationBasis.LICENCE;
            case MOTO -> OccupationBasis.MOTO;
            case SUB_LET -> OccupationBasis.SUB_LET;
        };
    }
}
