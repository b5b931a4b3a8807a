package org.estatehub.disposal.mapping;

import java.time.LocalDate;
import java.util.Set;

import org.estatehub.api.model.Address;
import org.estatehub.api.model.DisposalAsset;
import org.estatehub.api.model.DisposalContact;
import org.estatehub.api.model.DisposalIntendedUse;
import org.estatehub.api.model.DisposalInterestStatus;
import org.estatehub.api.model.DisposalOfferType;
import org.estatehub.api.model.Location;
import org.estatehub.common.money.Moneys;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.disposal.DisposalStatus;
import org.estatehub.disposal.IntendedUse;
import org.estatehub.disposal.InterestStatus;
import org.estatehub.disposal.OfferType;
import org.estatehub.disposal.PublishedSite;

/** Disposals and expressions of interest to and from the contract's shapes. */
public final class DisposalMapper {

    private DisposalMapper() {
    }

    /** The published representation, the same for every caller. */
    public static org.estatehub.api.model.Disposal toApi(Disposal d, PublishedSite site, String localAuthorityName,
            LocalDate today) {
        return new org.estatehub.api.model.Disposal()
                .id(d.id).status(toApi(d.status)).asset(site(site, localAuthorityName)).ownerPartnerId(d.ownerPartnerId)
                .reason(d.reason).availableFrom(d.availableFrom)
                .offerTypes(d.offerTypes.stream().map(DisposalOfferType::fromValue).toList())
                .guidePrice(d.guidePrice == null ? null : Moneys.gbp(d.guidePrice))
                .siteAreaHectares(d.siteAreaHectares).knownConstraints(d.knownConstraints)
                .contact(new DisposalContact().name(d.contactName).email(d.contactEmail).phone(d.contactPhone))
                .declaredOn(d.declaredOn).interestWindowWorkingDays(d.interestWindowWorkingDays)
                .interestClosesOn(d.interestClosesOn).windowOpen(d.windowOpen(today))
                .receivingPartnerId(d.receivingPartnerId).agreedOn(d.agreedOn).releasedOn(d.releasedOn)
                .withdrawnOn(d.withdrawnOn).withdrawalReason(d.withdrawalReason).completedOn(d.completedOn)
                .capitalReceipt(d.capitalReceipt == null ? null : Moneys.gbp(d.capitalReceipt))
                .hectaresReleased(d.hectaresReleased).housingCapacity(d.housingCapacity).projectId(d.projectId)
                .createdAt(d.createdAt).updatedAt(d.updatedAt).version(d.version);
    }

    private static DisposalAsset site(PublishedSite s, String localAuthorityName) {
        Address address = s.street() == null && s.town() == null && s.postcode() == null ? null
                : new Address().street(s.street()).town(s.town()).postcode(s.postcode());
        return new DisposalAsset().id(s.id()).name(s.name()).address(address).localAuthority(s.localAuthority())
                .localAuthorityName(localAuthorityName)
                .location(s.latitude() == null ? null : new Location().latitude(s.latitude()).longitude(s.longitude()));
    }

    public static org.estatehub.api.model.DisposalInterest toApi(DisposalInterest i) {
        return new org.estatehub.api.model.DisposalInterest()
                .id(i.id).disposalId(i.disposalId).partnerId(i.partnerId).status(toApi(i.status))
                .intendedUse(toApi(i.intendedUse)).proposal(i.proposal).timing(i.timing).fundingSource(i.fundingSource)
                .contact(new DisposalContact().name(i.contactName).email(i.contactEmail).phone(i.contactPhone))
                .registeredOn(i.registeredOn).createdAt(i.createdAt).updatedAt(i.updatedAt).version(i.version);
    }

    // Exhaustive switches: a value added on one side without the other fails to compile.

    public static org.estatehub.api.model.DisposalStatus toApi(DisposalStatus s) {
        return switch (s) {
            case OFFERED -> org.estatehub.api.model.DisposalStatus.OFFERED;
            case TRANSFER_AGREED -> org.estatehub.api.model.DisposalStatus.TRANSFER_AGREED;
            case ON_OPEN_MARKET -> org.estatehub.api.model.DisposalStatus.ON_OPEN_MARKET;
            case TRANSFERRED -> org.estatehub.api.model.DisposalStatus.TRANSFERRED;
            case SOLD -> org.estatehub.api.model.DisposalStatus.SOLD;
            case WITHDRAWN -> org.estatehub.api.model.DisposalStatus.WITHDRAWN;
        };
    }

    public static DisposalStatus fromApi(org.estatehub.api.model.DisposalStatus s) {
        return s == null ? null : switch (s) {
            case OFFERED -> DisposalStatus.OFFERED;
            case TRANSFER_AGREED -> DisposalStatus.TRANSFER_AGREED;
            case ON_OPEN_MARKET -> DisposalStatus.ON_OPEN_MARKET;
            case TRANSFERRED -> DisposalStatus.TRANSFERRED;
            case SOLD -> DisposalStatus.SOLD;
            case WITHDRAWN -> DisposalStatus.WITHDRAWN;
        };
    }

    public static DisposalInterestStatus toApi(InterestStatus s) {
        return switch (s) {
            case REGISTERED -> DisposalInterestStatus.REGISTERED;
            case SHORTLISTED -> DisposalInterestStatus.SHORTLISTED;
            case ACCEPTED -> DisposalInterestStatus.ACCEPTED;
            case DECLINED -> DisposalInterestStatus.DECLINED;
            case WITHDRAWN -> DisposalInterestStatus.WITHDRAWN;
        };
    }

    public static DisposalIntendedUse toApi(IntendedUse u) {
        return switch (u) {
            case CO_LOCATION -> DisposalIntendedUse.CO_LOCATION;
            case SERVICE_DELIVERY -> DisposalIntendedUse.SERVICE_DELIVERY;
            case HOUSING -> DisposalIntendedUse.HOUSING;
            case REGENERATION -> DisposalIntendedUse.REGENERATION;
        };
    }

    public static IntendedUse fromApi(DisposalIntendedUse u) {
        return switch (u) {
            case CO_LOCATION -> IntendedUse.CO_LOCATION;
            case SERVICE_DELIVERY -> IntendedUse.SERVICE_DELIVERY;
            case HOUSING -> IntendedUse.HOUSING;
            case REGENERATION -> IntendedUse.REGENERATION;
        };
    }

    public static OfferType fromApi(DisposalOfferType t) {
        return switch (t) {
            case FREEHOLD_SALE -> OfferType.FREEHOLD_SALE;
            case LEASEHOLD -> OfferType.LEASEHOLD;
            case LICENCE -> OfferType.LICENCE;
        };
    }

    /** Stored in the contract's order (FREEHOLD_SALE, LEASEHOLD, LICENCE), whatever order the request gave. */
    public static java.util.List<String> offerTypes(Set<DisposalOfferType> types) {
        return java.util.Arrays.stream(OfferType.values())
                .filter(t -> types.stream().map(DisposalMapper::fromApi).anyMatch(t::equals)).map(Enum::name).toList();
    }
}
