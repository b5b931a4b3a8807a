package org.estatehub.asset.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;

import org.estatehub.api.model.Address;
import org.estatehub.api.model.AssetDisposal;
import org.estatehub.api.model.AssetFeature;
import org.estatehub.api.model.AssetFeatureProperties;
import org.estatehub.api.model.AssetInput;
import org.estatehub.api.model.Location;
import org.estatehub.asset.Asset;
import org.estatehub.asset.AssetStatus;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.geo.SiteBoundaries;
import org.estatehub.common.money.Moneys;

public final class AssetMapper {

    private AssetMapper() {
    }

    /** The stored status as the contract names it; exhaustive, so a new status fails to compile until mapped. */
    public static org.estatehub.api.model.AssetStatus toApi(AssetStatus status) {
        return switch (status) {
            case OPERATIONAL -> org.estatehub.api.model.AssetStatus.OPERATIONAL;
            case UNDER_UTILISED -> org.estatehub.api.model.AssetStatus.UNDER_UTILISED;
            case SURPLUS -> org.estatehub.api.model.AssetStatus.SURPLUS;
            case DISPOSED -> org.estatehub.api.model.AssetStatus.DISPOSED;
        };
    }

    /** The contract's status as stored; null (none given) stays null. */
    public static AssetStatus fromApi(org.estatehub.api.model.AssetStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case OPERATIONAL -> AssetStatus.OPERATIONAL;
            case UNDER_UTILISED -> AssetStatus.UNDER_UTILISED;
            case SURPLUS -> AssetStatus.SURPLUS;
            case DISPOSED -> AssetStatus.DISPOSED;
        };
    }

    /** The asset as the contract shows it; {@code authorities} names its local authority. */
    public static org.estatehub.api.model.Asset toApi(Asset a, Double distanceM, LocalAuthorities authorities) {
        var api = new org.estatehub.api.model.Asset()
                .id(a.id)
                .ownerPartnerId(a.ownerPartnerId)
                .name(a.name)
                .assetType(a.assetType)
                .landOnly(a.landOnly)
                .address(address(a))
                .localAuthority(a.localAuthority)
                .localAuthorityName(authorities.name(a.localAuthority))
                .uprn(a.uprn)
                .ownReference(a.ownReference)
                .epimsReference(a.epimsReference)
                .location(a.latitude == null ? null : new Location().latitude(a.latitude).longitude(a.longitude))
                .tenure(a.tenure)
                .occupancy(a.occupancy)
                .holding(a.holding)
                .landAreaHectares(a.landAreaHectares)
                .boundary(a.boundary == null ? null : SiteBoundaries.json(a.boundary))
                .epcBand(a.epcBand)
                .effectiveDate(a.effectiveDate)
                .grossInternalAreaM2(a.grossInternalAreaM2)
                .annualRunningCost(Moneys.gbp(a.annualRunningCost))
                .utilisationPercent(a.utilisationPercent)
                .status(toApi(a.status))
                .sharedWorkspaceDesks(a.sharedWorkspaceDesks)
                .visibility(a.visibility)
                .createdAt(a.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(a.updatedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .version(a.version);
        if (a.sourceColumns != null) {
            api.sourceColumns(SourceColumns.read(a.sourceColumns));
        }
        if (a.disposedOn != null) {
            api.disposal(new AssetDisposal().disposedOn(a.disposedOn).reason(a.disposalReason));
        }
        if (distanceM != null) {
            api.distanceM(metres(distanceM));
        }
        return api;
    }

    /**
     * A located asset as a map feature (maps select only assets with a location, AssetSearch.streamed): its
     * boundary where it has one, else its point.
     */
    public static AssetFeature toFeature(Asset a, Double distanceM, LocalAuthorities authorities) {
        var properties = new AssetFeatureProperties()
                .name(a.name)
                .ownerPartnerId(a.ownerPartnerId)
                .assetType(a.assetType)
                .status(toApi(a.status))
                .localAuthority(a.localAuthority)
                .localAuthorityName(authorities.name(a.localAuthority))
                .town(a.town)
                .postcode(a.postcode)
                .tenure(a.tenure)
                .grossInternalAreaM2(a.grossInternalAreaM2)
                .annualRunningCost(a.annualRunningCost == null ? null : Moneys.gbp(a.annualRunningCost).getAmount())
                .utilisationPercent(a.utilisationPercent)
                .sharedWorkspaceDesks(a.sharedWorkspaceDesks);
        if (distanceM != null) {
            properties.distanceM(metres(distanceM));
        }
        return new AssetFeature()
                .type(AssetFeature.TypeEnum.FEATURE)
                .id(a.id)
                .geometry(a.boundary == null ? SiteBoundaries.point(a.longitude, a.latitude)
                        : SiteBoundaries.json(a.boundary))
                .properties(properties);
    }

    /** Copies a caller's input onto the entity, normalising free text and the postcode. */
    public static void apply(AssetInput in, Asset a) {
        a.name = in.getName().strip();
        a.assetType = in.getAssetType();
        a.landOnly = in.getLandOnly();
        Address address = in.getAddress();
        a.street = address == null ? null : blankToNull(address.getStreet());
        a.town = address == null ? null : blankToNull(address.getTown());
        a.postcode = address == null ? null : Postcodes.normalise(address.getPostcode());
        a.localAuthority = in.getLocalAuthority();
        a.uprn = in.getUprn();
        a.ownReference = blankToNull(in.getOwnReference());
        a.epimsReference = blankToNull(in.getEpimsReference());
        Location location = in.getLocation();
        a.latitude = location == null ? null : coordinate(location.getLatitude());
        a.longitude = location == null ? null : coordinate(location.getLongitude());
        if (location == null) {
            a.coordinateSystem = null;
        } else if (a.coordinateSystem == null) {
            a.coordinateSystem = "EPSG:4326";
        }
        dropStaleWording(a, in);
        a.tenure = in.getTenure();
        a.occupancy = in.getOccupancy();
        a.holding = in.getHolding();
        a.landAreaHectares = in.getLandAreaHectares() == null ? null
                : in.getLandAreaHectares().setScale(4, RoundingMode.HALF_UP);
        a.epcBand = in.getEpcBand();
        a.effectiveDate = in.getEffectiveDate();
        a.grossInternalAreaM2 = scale2(in.getGrossInternalAreaM2());
        a.annualRunningCost = Moneys.amount(in.getAnnualRunningCost());
        a.utilisationPercent = scale2(in.getUtilisationPercent());
        a.sharedWorkspaceDesks = in.getSharedWorkspaceDesks() == null ? 0 : in.getSharedWorkspaceDesks();
        a.visibility = in.getVisibility();
        a.status = fromApi(in.getStatus());
    }

    /**
     * A register's own wording of tenure, occupancy or holding (kept in the source columns by an import)
     * describes the value the file gave: once an update changes that value, the export would write the old
     * word over the new value, so the wording of each changed field goes. Other source columns stay.
     */
    private static void dropStaleWording(Asset a, AssetInput in) {
        if (a.sourceColumns == null) {
            return;
        }
        java.util.EnumSet<PublishedWording> changed = java.util.EnumSet.noneOf(PublishedWording.class);
        if (a.tenure != in.getTenure()) {
            changed.add(PublishedWording.TENURE);
        }
        if (a.occupancy != in.getOccupancy()) {
            changed.add(PublishedWording.OCCUPANCY);
        }
        if (a.holding != in.getHolding()) {
            changed.add(PublishedWording.HOLDING);
        }
        if (changed.isEmpty()) {
            return;
        }
        var columns = SourceColumns.read(a.sourceColumns);
        var kept = columns.stream().filter(c -> !changed.contains(PublishedWording.of(c.getName()))).toList();
        if (kept.size() != columns.size()) {
            a.sourceColumns = SourceColumns.write(kept);
        }
    }

    private static Address address(Asset a) {
        if (a.street == null && a.town == null && a.postcode == null) {
            return null;
        }
        return new Address().street(a.street).town(a.town).postcode(a.postcode);
    }

    /** Six decimals of a degree is about 10 cm: more precision than any register records. */
    public static BigDecimal coordinate(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale2(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal metres(double distance) {
        return BigDecimal.valueOf(distance).setScale(1, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static org.estatehub.api.model.AssetStatusChange toApi(org.estatehub.asset.AssetStatusChange change) {
        return new org.estatehub.api.model.AssetStatusChange()
                .fromStatus(change.fromStatus == null ? null : toApi(change.fromStatus))
                .toStatus(toApi(change.toStatus))
                .changedAt(change.changedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .changedBy(change.changedBy)
                .partnerId(change.partnerId)
                .reason(change.reason);
    }
}
