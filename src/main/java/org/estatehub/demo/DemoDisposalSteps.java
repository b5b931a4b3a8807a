package org.estatehub.demo;

import java.util.ArrayList;
import java.util.List;

import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.disposal.DisposalStatus;
import org.estatehub.disposal.InterestStatus;

/**
 * The states a demo disposal, loaded straight in its last state, went through to get there by the API's
 * steps (DisposalLifecycle): declared as OFFERED, then agreed with a partner and transferred, or released to
 * the open market and sold, or withdrawn. Each state holds only the facts known by then (the constraints of
 * V28 hold for every one), so the history reads as if each step had been taken. Detached copies: the
 * loaded rows are not touched.
 */
final class DemoDisposalSteps {

    private DemoDisposalSteps() {
    }

    /** From the declaration to `loaded` itself, in order. */
    static List<Disposal> of(Disposal loaded) {
        Disposal offered = copy(loaded);
        offered.status = DisposalStatus.OFFERED;
        offered.agreedInterestId = null;
        offered.receivingPartnerId = null;
        offered.agreedOn = null;
        offered.releasedOn = null;
        offered.withdrawnOn = null;
        offered.withdrawalReason = null;
        offered.completedOn = null;
        offered.capitalReceipt = null;
        offered.hectaresReleased = null;
        offered.housingCapacity = null;
        offered.projectId = null;
        List<Disposal> steps = new ArrayList<>(List.of(offered));
        switch (loaded.status) {
            case OFFERED -> {
                return List.of(loaded);
            }
            case TRANSFERRED -> {
                Disposal agreed = copy(offered);
                agreed.status = DisposalStatus.TRANSFER_AGREED;
                agreed.agreedInterestId = loaded.agreedInterestId;
                agreed.receivingPartnerId = loaded.receivingPartnerId;
                agreed.agreedOn = loaded.agreedOn;
                steps.add(agreed);
            }
            case SOLD -> {
                Disposal released = copy(offered);
                released.status = DisposalStatus.ON_OPEN_MARKET;
                released.releasedOn = loaded.releasedOn;
                steps.add(released);
            }
            case TRANSFER_AGREED, ON_OPEN_MARKET, WITHDRAWN -> {
                // One step from the declaration.
            }
        }
        steps.add(loaded);
        return steps;
    }

    /** The interest as registered, before the owner shortlisted, accepted or declined it. */
    static DisposalInterest registered(DisposalInterest loaded) {
        DisposalInterest i = new DisposalInterest();
        i.id = loaded.id;
        i.disposalId = loaded.disposalId;
        i.partnerId = loaded.partnerId;
        i.status = InterestStatus.REGISTERED;
        i.intendedUse = loaded.intendedUse;
        i.proposal = loaded.proposal;
        i.timing = loaded.timing;
        i.fundingSource = loaded.fundingSource;
        i.contactName = loaded.contactName;
        i.contactEmail = loaded.contactEmail;
        i.contactPhone = loaded.contactPhone;
        i.registeredOn = loaded.registeredOn;
        i.createdAt = loaded.createdAt;
        i.updatedAt = loaded.createdAt;
        i.version = loaded.version;
        return i;
    }

    private static Disposal copy(Disposal d) {
        Disposal c = new Disposal();
        c.id = d.id;
        c.assetId = d.assetId;
        c.ownerPartnerId = d.ownerPartnerId;
        c.status = d.status;
        c.reason = d.reason;
        c.availableFrom = d.availableFrom;
        c.offerTypes = new ArrayList<>(d.offerTypes);
        c.guidePrice = d.guidePrice;
        c.siteAreaHectares = d.siteAreaHectares;
        c.knownConstraints = d.knownConstraints;
        c.contactName = d.contactName;
        c.contactEmail = d.contactEmail;
        c.contactPhone = d.contactPhone;
        c.declaredOn = d.declaredOn;
        c.interestWindowWorkingDays = d.interestWindowWorkingDays;
        c.interestClosesOn = d.interestClosesOn;
        c.agreedInterestId = d.agreedInterestId;
        c.receivingPartnerId = d.receivingPartnerId;
        c.agreedOn = d.agreedOn;
        c.releasedOn = d.releasedOn;
        c.withdrawnOn = d.withdrawnOn;
        c.withdrawalReason = d.withdrawalReason;
        c.completedOn = d.completedOn;
        c.capitalReceipt = d.capitalReceipt;
        c.hectaresReleased = d.hectaresReleased;
        c.housingCapacity = d.housingCapacity;
        c.projectId = d.projectId;
        c.createdAt = d.createdAt;
        c.updatedAt = d.createdAt;
        c.version = d.version;
        return c;
    }
}
