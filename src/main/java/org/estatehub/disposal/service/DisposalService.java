package org.estatehub.disposal.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.DisposalCompletion;
import org.estatehub.api.model.DisposalContact;
import org.estatehub.api.model.DisposalDeclaration;
import org.estatehub.api.model.DisposalTransferAgreement;
import org.estatehub.api.model.DisposalWithdrawal;
import org.estatehub.api.model.FieldError;
import org.estatehub.asset.Asset;
import org.estatehub.asset.AssetStatus;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.asset.service.AssetService;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.money.Moneys;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.common.time.WorkingDays;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.disposal.DisposalStatus;
import org.estatehub.disposal.InterestStatus;
import org.estatehub.disposal.PublishedSite;
import org.estatehub.disposal.mapping.DisposalMapper;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.project.Project;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Declaring surplus land and the owner's decisions on it: agreeing a transfer, releasing to the open
 * market, withdrawing, completing. Every rule is checked before anything is written, and every step is
 * recorded (AuditLog) in its own transaction, so a refused step leaves nothing behind.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DisposalService {

    /** A disposal read with its asset's published fields. */
    public record Published(Disposal disposal, PublishedSite site) {
    }

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DisposalAccess access;

    @Inject
    AssetAccess assetAccess;

    @Inject
    AssetService assets;

    @Inject
    DisposalReads reads;

    @Inject
    DisposalSettings settings;

    @Inject
    DisposalInterestService interests;

    @Inject
    LocalAuthorities authorities;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<DisposalReads.Row> list(DisposalReads.Filter filter, int limit, int offset) {
        return reads.list(filter, today(), limit, offset);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisposalReads.Row> export(DisposalReads.Filter filter) {
        return reads.export(filter, today());
    }

    /** Every caller reads every disposal: 404 only for an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Disposal get(UUID id) {
        Disposal disposal = Disposal.findById(id);
        if (disposal == null) {
            throw ProblemException.notFound("No disposal with id '" + id + "'.");
        }
        return disposal;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Published published(UUID id) {
        Disposal disposal = get(id);
        return new Published(disposal, reads.site(disposal.assetId));
    }

    public Published declare(DisposalDeclaration input) {
        // 404 for an asset the caller cannot read, before saying whether it may change it.
        Asset asset = assets.get(input.getAssetId());
        assetAccess.requireWritable(asset);
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, input.getReason(), "reason");
        checkContact(errors, input.getContact(), "contact");
        BigDecimal siteArea = input.getSiteAreaHectares() != null ? input.getSiteAreaHectares() : asset.landAreaHectares;
        if (input.getSiteAreaHectares() != null) {
            checkHectares(errors, input.getSiteAreaHectares(), "siteAreaHectares", true);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // The asset's row, locked before the checks: an update of the asset's status racing this declaration
        // either committed first (the lock's version check fails, 412) or waits and then meets the live
        // disposal (V35's trigger). Without it, an asset already SURPLUS (which markSurplus leaves alone)
        // could be put back into use by a concurrent update and be offered all the same.
        Asset.getEntityManager().lock(asset, LockModeType.PESSIMISTIC_WRITE);
        if (asset.status == AssetStatus.DISPOSED) {
            throw ProblemException.conflict("The asset was disposed on " + asset.disposedOn + " and cannot be offered.");
        }
        Disposal live = Disposal.<Disposal>find("assetId = ?1 and status in ?2", asset.id, DisposalLifecycle.live())
                .firstResult();
        if (live != null) {
            throw ProblemException.conflict("The asset is already on offer as disposal /disposals/" + live.id + " ("
                    + live.status + ").");
        }
        LocalDate today = today();
        Disposal d = new Disposal();
        d.id = UUID.randomUUID();
        d.assetId = asset.id;
        d.ownerPartnerId = asset.ownerPartnerId;
        d.status = DisposalStatus.OFFERED;
        d.reason = input.getReason().strip();
        d.availableFrom = input.getAvailableFrom();
        d.offerTypes = DisposalMapper.offerTypes(input.getOfferTypes());
        d.guidePrice = Moneys.amount(input.getGuidePrice());
        d.siteAreaHectares = siteArea != null && siteArea.signum() > 0 ? siteArea : null;
        d.knownConstraints = blankToNull(input.getKnownConstraints());
        d.contactName = input.getContact().getName().strip();
        d.contactEmail = input.getContact().getEmail().strip();
        d.contactPhone = blankToNull(input.getContact().getPhone());
        d.declaredOn = today;
        d.interestWindowWorkingDays = settings.interestWindowWorkingDays();
        d.interestClosesOn = WorkingDays.after(today, d.interestWindowWorkingDays);
        d.createdAt = PartnershipCalendar.timestamp(clock);
        d.updatedAt = d.createdAt;
        // Surplus before the disposal exists: once it is live, V35 refuses any change of the asset's status.
        assets.markSurplus(asset, "Declared surplus: disposal " + d.id);
        d.persistAndFlush();
        Published published = new Published(d, reads.site(asset.id));
        audit.record(DisposalAuditScope.subject(d), AuditActions.CREATED, null, snapshot(published));
        return published;
    }

    public Published agreeTransfer(UUID id, DisposalTransferAgreement input, String ifMatch) {
        Published p = decision(id, ifMatch, DisposalStatus.TRANSFER_AGREED);
        Disposal d = p.disposal();
        DisposalInterest chosen = DisposalInterest.findById(input.getInterestId());
        if (chosen == null || !chosen.disposalId.equals(d.id)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("interestId",
                    "is not an expression of interest in this disposal")));
        }
        // The interest's state, not the request, is what is wrong: declined or withdrawn, possibly by a
        // decision that committed after this one read the disposal (two owners' editors agreeing at once).
        if (!DisposalInterestLifecycle.open().contains(chosen.status)) {
            throw ProblemException.conflict("The expression of interest " + chosen.id + " is " + chosen.status
                    + "; a transfer is agreed with a REGISTERED or SHORTLISTED one.");
        }
        JsonNode before = snapshot(p);
        LocalDate today = today();
        interests.settle(d, chosen, "A transfer was agreed with another partner");
        d.status = DisposalStatus.TRANSFER_AGREED;
        d.agreedInterestId = chosen.id;
        d.receivingPartnerId = chosen.partnerId;
        d.agreedOn = today;
        return changed(p, before, AuditActions.STATUS_CHANGED, null);
    }

    public Published releaseToOpenMarket(UUID id, String ifMatch) {
        Published p = decision(id, ifMatch, DisposalStatus.ON_OPEN_MARKET);
        Disposal d = p.disposal();
        LocalDate today = today();
        if (!today.isAfter(d.interestClosesOn)) {
            throw ProblemException.conflict("The interest window is open until " + d.interestClosesOn
                    + "; the site can be released to the open market from " + d.interestClosesOn.plusDays(1) + ".");
        }
        JsonNode before = snapshot(p);
        interests.settle(d, null, "Released to the open market");
        d.status = DisposalStatus.ON_OPEN_MARKET;
        d.releasedOn = today;
        return changed(p, before, AuditActions.STATUS_CHANGED, null);
    }

    public Published withdraw(UUID id, DisposalWithdrawal input, String ifMatch) {
        Published p = decision(id, ifMatch, DisposalStatus.WITHDRAWN);
        Disposal d = p.disposal();
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, input.getReason(), "reason");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        JsonNode before = snapshot(p);
        interests.settle(d, null, "The disposal was withdrawn");
        d.status = DisposalStatus.WITHDRAWN;
        // A called-off agreement leaves no receiving partner (V28's disposal_transfer_agreed); history keeps it.
        d.agreedInterestId = null;
        d.receivingPartnerId = null;
        d.agreedOn = null;
        d.withdrawnOn = today();
        d.withdrawalReason = input.getReason().strip();
        return changed(p, before, AuditActions.STATUS_CHANGED, d.withdrawalReason);
    }

    public Published complete(UUID id, DisposalCompletion input, String ifMatch) {
        Disposal current = get(id);
        DisposalStatus to = DisposalLifecycle.completionOf(current.status);
        Published p = decision(id, ifMatch, to == null ? DisposalStatus.TRANSFERRED : to);
        Disposal d = p.disposal();
        BigDecimal receipt = Moneys.amount(input.getCapitalReceipt());
        BigDecimal hectares = input.getHectaresReleased() != null ? input.getHectaresReleased() : d.siteAreaHectares;
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = input.getCompletedOn();
        LocalDate from = to == DisposalStatus.TRANSFERRED ? d.agreedOn : d.releasedOn;
        if (on.isAfter(today())) {
            errors.add(Problems.fieldError("completedOn", "must not be in the future"));
        } else if (on.isBefore(from)) {
            errors.add(Problems.fieldError("completedOn", "must not be before the "
                    + (to == DisposalStatus.TRANSFERRED ? "agreement" : "release") + " (" + from + ")"));
        }
        if (to == DisposalStatus.SOLD && receipt == null) {
            errors.add(Problems.fieldError("capitalReceipt", "a sale records its capital receipt"));
        }
        if (hectares == null) {
            errors.add(Problems.fieldError("hectaresReleased", "must be given: the disposal has no site area"));
        } else if (input.getHectaresReleased() != null) {
            checkHectares(errors, hectares, "hectaresReleased", false);
        }
        if (input.getProjectId() != null) {
            Project project = Project.findById(input.getProjectId());
            if (project == null) {
                errors.add(Problems.fieldError("projectId", "no project '" + input.getProjectId() + "'"));
            } else if (!project.involves(d.ownerPartnerId)
                    && (d.receivingPartnerId == null || !project.involves(d.receivingPartnerId))) {
                errors.add(Problems.fieldError("projectId", "neither " + d.ownerPartnerId
                        + (d.receivingPartnerId == null ? "" : " nor " + d.receivingPartnerId)
                        + " leads or takes part in the project"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        JsonNode before = snapshot(p);
        d.status = to;
        d.completedOn = on;
        d.capitalReceipt = receipt;
        d.hectaresReleased = hectares;
        d.housingCapacity = input.getHousingCapacity();
        d.projectId = input.getProjectId();
        d.updatedAt = PartnershipCalendar.timestamp(clock);
        // The disposal is complete (no longer live) before the asset changes hands or is disposed of: V35
        // refuses a change of a live disposal's asset's status or owner, whoever makes it. A refusal of the
        // asset's change below rolls both back.
        d.flush();
        Asset asset = Asset.findById(d.assetId);
        if (to == DisposalStatus.TRANSFERRED) {
            assets.transfer(asset, d.receivingPartnerId, "Transferred to " + d.receivingPartnerId + ": disposal " + d.id);
        } else {
            assets.disposeBySale(asset, on, "Sold on the open market: disposal " + d.id);
        }
        Published completed = new Published(d, reads.site(d.assetId));
        audit.record(DisposalAuditScope.subject(d), AuditActions.STATUS_CHANGED, before, snapshot(completed), null);
        return completed;
    }

    /**
     * The disposal as its history records it (the same snapshot as every step above), for a disposal in
     * whatever state `d` holds, managed or not: the demo data's history is written with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JsonNode recorded(Disposal d) {
        return snapshot(new Published(d, reads.site(d.assetId)));
    }

    /** The checks every owner's decision starts with: who, which version, which transition. */
    private Published decision(UUID id, String ifMatch, DisposalStatus to) {
        Disposal d = get(id);
        access.requireOwnerEditor(d);
        ETags.requireMatch(ifMatch, d.version);
        DisposalLifecycle.require(d.status, to);
        return new Published(d, reads.site(d.assetId));
    }

    private Published changed(Published p, JsonNode before, String action, String note) {
        Disposal d = p.disposal();
        d.updatedAt = PartnershipCalendar.timestamp(clock);
        d.flush();
        audit.record(DisposalAuditScope.subject(d), action, before, snapshot(p), note);
        return p;
    }

    /**
     * The published representation as recorded. `windowOpen` is left out: it changes with the date alone,
     * and a history entry must say what someone changed.
     */
    private JsonNode snapshot(Published p) {
        return audit.snapshot(DisposalMapper.toApi(p.disposal(), p.site(), authorities.name(p.site().localAuthority()),
                today()), "windowOpen");
    }

    private LocalDate today() {
        return PartnershipCalendar.today(clock);
    }

    static void requireText(List<FieldError> errors, String value, String field) {
        if (value == null || value.isBlank()) {
            errors.add(Problems.fieldError(field, "must not be blank"));
        }
    }

    static void checkContact(List<FieldError> errors, DisposalContact contact, String field) {
        requireText(errors, contact.getName(), field + ".name");
        if (contact.getPhone() != null && contact.getPhone().isBlank()) {
            errors.add(Problems.fieldError(field + ".phone", "must not be blank (leave it out instead)"));
        }
    }

    /** Four decimals, as the columns hold them: more would be silently rounded. */
    private static void checkHectares(List<FieldError> errors, BigDecimal hectares, String field, boolean positive) {
        if (hectares.stripTrailingZeros().scale() > 4) {
            errors.add(Problems.fieldError(field, "has more than four decimals"));
        }
        if (positive && hectares.signum() <= 0) {
            errors.add(Problems.fieldError(field, "must be more than 0"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
