package org.estatehub.brownfield.mapping;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;

import org.estatehub.api.model.BrownfieldOwnershipStatus;
import org.estatehub.api.model.BrownfieldPlanningStatus;
import org.estatehub.api.model.BrownfieldSiteFeature;
import org.estatehub.api.model.BrownfieldSiteFeatureProperties;
import org.estatehub.api.model.Location;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.brownfield.OwnershipStatus;
import org.estatehub.brownfield.PlanningStatus;
import org.estatehub.common.geo.SiteBoundaries;

/** Brownfield sites as the contract shows them; the stored enums mapped exhaustively, so a new value fails to compile. */
public final class BrownfieldMapper {

    private BrownfieldMapper() {
    }

    public static org.estatehub.api.model.BrownfieldSite toApi(BrownfieldSite s, LocalAuthorities authorities) {
        return new org.estatehub.api.model.BrownfieldSite()
                .id(s.id)
                .ownerPartnerId(s.ownerPartnerId)
                .siteReference(s.siteReference)
                .previouslyPartOf(s.previouslyPartOf)
                .name(s.name)
                .siteAddress(s.siteAddress)
                .sitePlanUrl(s.sitePlanUrl)
                .localAuthority(s.localAuthority)
                .localAuthorityName(authorities.name(s.localAuthority))
                .location(s.latitude == null ? null : new Location().latitude(s.latitude).longitude(s.longitude))
                .hectares(hectares(s.hectares))
                .boundary(s.boundary == null ? null : SiteBoundaries.json(s.boundary))
                .ownershipStatus(toApi(s.ownershipStatus))
                .deliverable(s.deliverable)
                .planningStatus(toApi(s.planningStatus))
                .permissionType(s.permissionType)
                .permissionDate(s.permissionDate)
                .planningHistory(s.planningHistory == null ? List.of() : List.copyOf(s.planningHistory))
                .proposedForPip(s.proposedForPip)
                .minNetDwellings(s.minNetDwellings)
                .maxNetDwellings(s.maxNetDwellings)
                .developmentDescription(s.developmentDescription)
                .nonHousingDevelopment(s.nonHousingDevelopment)
                .part2(s.part2)
                .hazardousSubstances(s.hazardousSubstances)
                .siteInformation(s.siteInformation)
                .notes(s.notes)
                .firstAddedDate(s.firstAddedDate)
                .lastUpdatedDate(s.lastUpdatedDate)
                .endDate(s.endDate)
                .assetId(s.assetId)
                .projectId(s.projectId)
                .createdAt(s.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(s.updatedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .version(s.version);
    }

    /** A located site on the map: its boundary where it has one, else its point. */
    public static BrownfieldSiteFeature toFeature(BrownfieldSite s, LocalAuthorities authorities) {
        return new BrownfieldSiteFeature()
                .type(BrownfieldSiteFeature.TypeEnum.FEATURE)
                .id(s.id)
                .geometry(s.boundary == null ? SiteBoundaries.point(s.longitude, s.latitude)
                        : SiteBoundaries.json(s.boundary))
                .properties(new BrownfieldSiteFeatureProperties()
                        .name(s.name)
                        .ownerPartnerId(s.ownerPartnerId)
                        .siteReference(s.siteReference)
                        .localAuthority(s.localAuthority)
                        .localAuthorityName(authorities.name(s.localAuthority))
                        .hectares(hectares(s.hectares))
                        .ownershipStatus(toApi(s.ownershipStatus))
                        .planningStatus(toApi(s.planningStatus))
                        .deliverable(s.deliverable)
                        .minNetDwellings(s.minNetDwellings)
                        .maxNetDwellings(s.maxNetDwellings));
    }

    /** Hectares as the exact decimal the register gave, without the column's padding zeros (0.62, not 0.620000). */
    public static String hectares(BigDecimal hectares) {
        if (hectares == null) {
            return null;
        }
        BigDecimal stripped = hectares.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    public static BrownfieldOwnershipStatus toApi(OwnershipStatus status) {
        return switch (status) {
            case OWNED_BY_PUBLIC_AUTHORITY -> BrownfieldOwnershipStatus.OWNED_BY_PUBLIC_AUTHORITY;
            case NOT_OWNED_BY_PUBLIC_AUTHORITY -> BrownfieldOwnershipStatus.NOT_OWNED_BY_PUBLIC_AUTHORITY;
            case MIXED_OWNERSHIP -> BrownfieldOwnershipStatus.MIXED_OWNERSHIP;
            case UNKNOWN_OWNERSHIP -> BrownfieldOwnershipStatus.UNKNOWN_OWNERSHIP;
        };
    }

    public static BrownfieldPlanningStatus toApi(PlanningStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case PERMISSIONED -> BrownfieldPlanningStatus.PERMISSIONED;
            case NOT_PERMISSIONED -> BrownfieldPlanningStatus.NOT_PERMISSIONED;
            case PENDING_DECISION -> BrownfieldPlanningStatus.PENDING_DECISION;
        };
    }

    public static OwnershipStatus fromApi(BrownfieldOwnershipStatus status) {
        return status == null ? null : switch (status) {
            case OWNED_BY_PUBLIC_AUTHORITY -> OwnershipStatus.OWNED_BY_PUBLIC_AUTHORITY;
            case NOT_OWNED_BY_PUBLIC_AUTHORITY -> OwnershipStatus.NOT_OWNED_BY_PUBLIC_AUTHORITY;
            case MIXED_OWNERSHIP -> OwnershipStatus.MIXED_OWNERSHIP;
            case UNKNOWN_OWNERSHIP -> OwnershipStatus.UNKNOWN_OWNERSHIP;
        };
    }

    public static PlanningStatus fromApi(BrownfieldPlanningStatus status) {
        return status == null ? null : switch (status) {
            case PERMISSIONED -> PlanningStatus.PERMISSIONED;
            case NOT_PERMISSIONED -> PlanningStatus.NOT_PERMISSIONED;
            case PENDING_DECISION -> PlanningStatus.PENDING_DECISION;
        };
    }
}
