package org.estatehub.asset.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AssetDisposalRequest;
import org.estatehub.api.model.AssetInput;
import org.estatehub.api.model.FieldError;
import org.estatehub.asset.Asset;
import org.estatehub.asset.AssetStatus;
import org.estatehub.asset.AssetStatusChange;
import org.estatehub.asset.mapping.AssetMapper;
import org.estatehub.asset.mapping.Postcodes;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.geo.BoundaryMeasures;
import org.estatehub.common.geo.SiteBoundaries;
import org.estatehub.common.http.ETags;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AssetService {

    @Inject
    Clock clock;

    @Inject
    AssetAccess access;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    @Inject
    BoundaryMeasures boundaries;

    /** The contract's name for the boundary, which problems name. */
    private static final String BOUNDARY = "boundary";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Asset get(UUID id) {
        return access.requireReadable(Asset.findById(id), id);
    }

    public Asset create(AssetInput input) {
        String owner = access.ownerFor(input.getOwnerPartnerId());
        if (Partner.findById(owner) == null) {
            throw ProblemException.invalid(List.of(Problems.fieldError("ownerPartnerId", "no partner '" + owner + "'")));
        }
        AssetStatus status = AssetMapper.fromApi(input.getStatus());
        if (status != null && !AssetLifecycle.initial(status)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("status",
                    "a new asset cannot be DISPOSED; record disposals with POST /assets/{assetId}/disposal")));
        }
        validate(input);
        SiteBoundaries.Change boundary = boundaries.read(input.getBoundary(), BOUNDARY);
        authorities.requireAssignable("localAuthority", input.getLocalAuthority(), null);
        Asset asset = new Asset();
        asset.id = UUID.randomUUID();
        asset.ownerPartnerId = owner;
        requireUniqueKeys(asset, input);
        BoundaryMeasures.Measures measures = measure(boundary, null);
        AssetMapper.apply(input, asset);
        applyBoundary(asset, boundary, measures, input, null);
        asset.createdAt = PartnershipCalendar.timestamp(clock);
        asset.updatedAt = asset.createdAt;
        asset.persist();
        recordStatus(asset, null, "Registered");
        asset.flush();
        audit.record(AssetAuditScope.subject(asset), AuditActions.CREATED, null, snapshot(asset));
        return asset;
    }

    public Asset update(UUID id, AssetInput input, String ifMatch) {
        Asset asset = get(id);
        access.requireWritable(asset);
        ETags.requireMatch(ifMatch, asset.version);
        if (input.getOwnerPartnerId() != null && !input.getOwnerPartnerId().equals(asset.ownerPartnerId)) {
            throw ProblemException.conflict("An update never changes an asset's owner (it is '" + asset.ownerPartnerId
                    + "'); a completed disposal transfer does (POST /disposals/{disposalId}/completion).");
        }
        if (AssetLifecycle.terminal(asset.status)) {
            throw ProblemException.conflict("The asset was disposed on " + asset.disposedOn + " and can no longer change.");
        }
        AssetStatus to = AssetMapper.fromApi(input.getStatus());
        if (to != null && AssetLifecycle.byDisposalOnly(to)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("status",
                    "record disposals with POST /assets/{assetId}/disposal")));
        }
        if (to != null && to != asset.status) {
            requireNoLiveDisposal(asset, "its status stays " + asset.status + " until the disposal completes"
                    + " (POST /disposals/{disposalId}/completion) or is withdrawn; its other fields may change");
        }
        validate(input);
        SiteBoundaries.Change boundary = boundaries.read(input.getBoundary(), BOUNDARY);
        authorities.requireAssignable("localAuthority", input.getLocalAuthority(), asset.localAuthority);
        // Checked before the entity changes: the queries would otherwise flush it early.
        requireUniqueKeys(asset, input);
        BoundaryMeasures.Measures measures = measure(boundary, asset.boundary);
        JsonNode previous = snapshot(asset);
        AssetStatus before = asset.status;
        BigDecimal hectaresBefore = asset.landAreaHectares;
        AssetMapper.apply(input, asset);
        applyBoundary(asset, boundary, measures, input, hectaresBefore);
        asset.updatedAt = PartnershipCalendar.timestamp(clock);
        if (before != asset.status) {
            recordStatus(asset, before, null);
        }
        asset.flush();
        audit.record(AssetAuditScope.subject(asset), AuditActions.UPDATED, previous, snapshot(asset));
        return asset;
    }

    public Asset dispose(UUID id, AssetDisposalRequest request, String ifMatch) {
        Asset asset = get(id);
        access.requireWritable(asset);
        ETags.requireMatch(ifMatch, asset.version);
        if (!AssetLifecycle.allowed(asset.status, AssetStatus.DISPOSED)) {
            throw ProblemException.conflict("The asset was already disposed on " + asset.disposedOn + ".");
        }
        requireNoLiveDisposal(asset, "complete the disposal (a sale) or withdraw it there");
        if (request.getDisposedOn().isAfter(PartnershipCalendar.today(clock))) {
            throw ProblemException.invalid(List.of(Problems.fieldError("disposedOn", "must not be in the future")));
        }
        JsonNode previous = snapshot(asset);
        AssetStatus before = asset.status;
        asset.status = AssetStatus.DISPOSED;
        asset.disposedOn = request.getDisposedOn();
        asset.disposalReason = request.getReason().strip();
        asset.updatedAt = PartnershipCalendar.timestamp(clock);
        recordStatus(asset, before, asset.disposalReason);
        asset.flush();
        audit.record(AssetAuditScope.subject(asset), AuditActions.DISPOSED, previous, snapshot(asset));
        return asset;
    }

    /**
     * The asset as its disposal declares it surplus (the disposal feature has checked who may): SURPLUS, in
     * the status history and the asset's history; nothing when it already is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markSurplus(Asset asset, String reason) {
        if (asset.status == AssetStatus.SURPLUS) {
            return;
        }
        AssetLifecycle.require(asset.status, AssetStatus.SURPLUS);
        JsonNode previous = snapshot(asset);
        AssetStatus before = asset.status;
        asset.status = AssetStatus.SURPLUS;
        asset.updatedAt = PartnershipCalendar.timestamp(clock);
        recordStatus(asset, before, reason);
        asset.flush();
        audit.record(AssetAuditScope.subject(asset), AuditActions.UPDATED, previous, snapshot(asset), reason);
    }

    /**
     * A completed disposal transfer: the asset becomes `toPartner`'s, in its use (OPERATIONAL). The event is
     * recorded under the former owner's partner, so that the former owner still reads it (and the rest of
     * its ownership's events, AssetAuditScope) once the asset is someone else's; the new owner reads the whole
     * history as the owner does. 409 when the receiver already holds an asset with the same UPRN or reference.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transfer(Asset asset, String toPartner, String reason) {
        if (asset.uprn != null && Asset.count("ownerPartnerId = ?1 and uprn = ?2", toPartner, asset.uprn) > 0) {
            throw ProblemException.conflict(toPartner + " already holds an asset with UPRN " + asset.uprn
                    + "; merge or correct its record before the transfer completes.");
        }
        if (asset.ownReference != null
                && Asset.count("ownerPartnerId = ?1 and ownReference = ?2", toPartner, asset.ownReference) > 0) {
            throw ProblemException.conflict(toPartner + " already has an asset with reference '" + asset.ownReference
                    + "'; change one of the references before the transfer completes.");
        }
        String formerOwner = asset.ownerPartnerId;
        JsonNode previous = snapshot(asset);
        AssetStatus before = asset.status;
        asset.ownerPartnerId = toPartner;
        asset.status = AssetStatus.OPERATIONAL;
        asset.updatedAt = PartnershipCalendar.timestamp(clock);
        recordStatus(asset, before, reason);
        asset.flush();
        audit.record(org.estatehub.history.AuditSubject.of(AssetAuditScope.TYPE, asset.id, formerOwner),
                AuditActions.TRANSFERRED, previous, snapshot(asset), reason);
    }

    /** A completed sale: DISPOSED on `on`, as through POST /assets/{assetId}/disposal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disposeBySale(Asset asset, java.time.LocalDate on, String reason) {
        AssetLifecycle.require(asset.status, AssetStatus.DISPOSED);
        JsonNode previous = snapshot(asset);
        AssetStatus before = asset.status;
        asset.status = AssetStatus.DISPOSED;
        asset.disposedOn = on;
        asset.disposalReason = reason;
        asset.updatedAt = PartnershipCalendar.timestamp(clock);
        recordStatus(asset, before, reason);
        asset.flush();
        audit.record(AssetAuditScope.subject(asset), AuditActions.DISPOSED, previous, snapshot(asset));
    }

    /**
     * An asset on offer changes status (and owner) through its disposal only, not here: the disposal would
     * otherwise stay live on a disposed asset, or offer a site its owner has put back into use. The
     * disposal table is read by SQL, so that assets depend on no other feature; V35's trigger refuses the
     * same changes whatever writes them. A 409 naming the live disposal and its status, and `instead`.
     */
    private void requireNoLiveDisposal(Asset asset, String instead) {
        List<?> live = Asset.getEntityManager().createNativeQuery("select cast(id as text) || ' (' || status || ')'"
                + " from disposal where asset_id = ?1 and status in ('OFFERED', 'TRANSFER_AGREED', 'ON_OPEN_MARKET')")
                .setParameter(1, asset.id).getResultList();
        if (!live.isEmpty()) {
            throw ProblemException.conflict("The asset is on offer as disposal /disposals/" + live.get(0) + "; "
                    + instead + ".");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssetStatusChange> history(UUID id) {
        get(id);
        return AssetStatusChange.list("assetId", Sort.by("id"), id);
    }

    /** Rules the contract cannot express; every broken one is reported at once. */
    static void validate(AssetInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.getAddress() != null && input.getAddress().getPostcode() != null
                && !Postcodes.isValid(Postcodes.normalise(input.getAddress().getPostcode()))) {
            errors.add(Problems.fieldError("address.postcode", "is not a UK postcode"));
        }
        if (Boolean.TRUE.equals(input.getLandOnly()) && input.getSharedWorkspaceDesks() != null
                && input.getSharedWorkspaceDesks() > 0) {
            errors.add(Problems.fieldError("sharedWorkspaceDesks", "land without buildings has no desks"));
        }
        if (input.getUprn() == null && input.getOwnReference() == null) {
            errors.add(Problems.fieldError("uprn", "give a UPRN or the owner's own reference (ownReference)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * The boundary the asset will have, measured by PostGIS (a new one also checked for validity); null when
     * it will have none. Before the entity changes, as the other checks.
     */
    private BoundaryMeasures.Measures measure(SiteBoundaries.Change change, String stored) {
        if (change instanceof SiteBoundaries.Replace replace) {
            return boundaries.measure(replace.geoJson(), BOUNDARY);
        }
        return change instanceof SiteBoundaries.Keep && stored != null ? boundaries.measure(stored, BOUNDARY) : null;
    }

    /**
     * A boundary is the truth about the site's extent: while there is one, the land area is its area and a
     * missing location is its point on surface. Removing it leaves the area as it was (unless the body gives
     * one); a body without the member keeps the stored boundary (a 3.0.0 client knows nothing of it).
     */
    private static void applyBoundary(Asset asset, SiteBoundaries.Change change, BoundaryMeasures.Measures measures,
            AssetInput input, BigDecimal hectaresBefore) {
        if (change instanceof SiteBoundaries.Replace replace) {
            asset.boundary = replace.geoJson();
        } else if (change instanceof SiteBoundaries.Clear) {
            asset.boundary = null;
            if (input.getLandAreaHectares() == null) {
                asset.landAreaHectares = hectaresBefore;
            }
        }
        if (measures == null) {
            return;
        }
        asset.landAreaHectares = measures.hectares();
        if (asset.latitude == null) {
            asset.latitude = measures.latitude();
            asset.longitude = measures.longitude();
            asset.coordinateSystem = "EPSG:4326";
        }
    }

    /** Friendly 409 before the unique indexes would refuse the row anyway. */
    private static void requireUniqueKeys(Asset asset, AssetInput input) {
        String uprn = input.getUprn();
        String reference = input.getOwnReference() == null ? null : input.getOwnReference().strip();
        if (uprn != null && Asset.count("ownerPartnerId = ?1 and uprn = ?2 and id <> ?3",
                asset.ownerPartnerId, uprn, asset.id) > 0) {
            throw ProblemException.conflict(asset.ownerPartnerId + " already has an asset with UPRN " + uprn + ".");
        }
        if (reference != null && Asset.count("ownerPartnerId = ?1 and ownReference = ?2 and id <> ?3",
                asset.ownerPartnerId, reference, asset.id) > 0) {
            throw ProblemException.conflict(asset.ownerPartnerId + " already has an asset with reference '"
                    + reference + "'.");
        }
    }

    private JsonNode snapshot(Asset asset) {
        return audit.snapshot(AssetMapper.toApi(asset, null, authorities));
    }

    private void recordStatus(Asset asset, AssetStatus from, String reason) {
        AssetStatusChange change = new AssetStatusChange();
        change.assetId = asset.id;
        change.fromStatus = from;
        change.toStatus = asset.status;
        change.changedAt = PartnershipCalendar.timestamp(clock);
        change.changedBy = access.username();
        change.partnerId = access.callerPartner();
        change.reason = reason;
        change.persist();
    }
}
