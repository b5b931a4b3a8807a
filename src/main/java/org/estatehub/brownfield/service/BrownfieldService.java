package org.estatehub.brownfield.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.BrownfieldSiteLinks;
import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.Visibility;
import org.estatehub.asset.Asset;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.brownfield.mapping.BrownfieldMapper;
import org.estatehub.common.geo.BoundaryMeasures;
import org.estatehub.common.geo.SiteBoundaries;
import org.estatehub.common.http.ETags;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.project.Project;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading one site and changing its links to an asset and a project, and its boundary. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BrownfieldService {

    @Inject
    BrownfieldAccess access;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    @Inject
    Clock clock;

    @Inject
    BoundaryMeasures boundaries;

    @Transactional(Transactional.TxType.SUPPORTS)
    public BrownfieldSite get(UUID id) {
        BrownfieldSite site = em.find(BrownfieldSite.class, id);
        if (site == null) {
            throw ProblemException.notFound("No brownfield site with id '" + id + "'.");
        }
        return site;
    }

    /**
     * Replaces the site's links. The asset must be one its owner may see (its own, or shared with the
     * partnership): a site is public, so linking an owner-only asset of another partner would reveal it.
     */
    public BrownfieldSite updateLinks(UUID id, BrownfieldSiteLinks links, String ifMatch) {
        BrownfieldSite site = get(id);
        access.requireWritable(site);
        ETags.requireMatch(ifMatch, site.version);
        List<FieldError> errors = new ArrayList<>();
        UUID assetId = links.getAssetId();
        if (assetId != null) {
            Asset asset = em.find(Asset.class, assetId);
            if (asset == null || !(asset.ownerPartnerId.equals(site.ownerPartnerId)
                    || asset.visibility == Visibility.PARTNERSHIP)) {
                errors.add(Problems.fieldError("assetId", "no asset with id '" + assetId + "' that "
                        + site.ownerPartnerId + " may see"));
            }
        }
        UUID projectId = links.getProjectId();
        if (projectId != null && em.find(Project.class, projectId) == null) {
            errors.add(Problems.fieldError("projectId", "no project with id '" + projectId + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (java.util.Objects.equals(site.assetId, assetId) && java.util.Objects.equals(site.projectId, projectId)) {
            return site;
        }
        JsonNode before = audit.snapshot(BrownfieldMapper.toApi(site, authorities));
        site.assetId = assetId;
        site.projectId = projectId;
        site.updatedAt = PartnershipCalendar.timestamp(clock);
        em.flush();
        audit.record(BrownfieldAuditScope.subject(site), AuditActions.UPDATED, before,
                audit.snapshot(BrownfieldMapper.toApi(site, authorities)));
        return site;
    }

    /**
     * Sets the site's outline (the body is the geometry itself, so problems name `coordinates...`). Its
     * area replaces the register's hectares; a site without a location gets the boundary's point on surface.
     */
    public BrownfieldSite setBoundary(UUID id, JsonNode geometry, String ifMatch) {
        BrownfieldSite site = get(id);
        access.requireWritable(site);
        ETags.requireMatch(ifMatch, site.version);
        String boundary = SiteBoundaries.parse(geometry, "", boundaries.maxVertices());
        BoundaryMeasures.Measures measures = boundaries.measure(boundary, "coordinates");
        JsonNode before = audit.snapshot(BrownfieldMapper.toApi(site, authorities));
        site.boundary = boundary;
        site.hectares = measures.hectares();
        if (site.latitude == null) {
            site.latitude = measures.latitude();
            site.longitude = measures.longitude();
        }
        site.updatedAt = PartnershipCalendar.timestamp(clock);
        em.flush();
        audit.record(BrownfieldAuditScope.subject(site), AuditActions.UPDATED, before,
                audit.snapshot(BrownfieldMapper.toApi(site, authorities)));
        return site;
    }

    /** Removes the site's outline; hectares and location stay. Without one, nothing changes. */
    public BrownfieldSite deleteBoundary(UUID id, String ifMatch) {
        BrownfieldSite site = get(id);
        access.requireWritable(site);
        ETags.requireMatch(ifMatch, site.version);
        if (site.boundary == null) {
            return site;
        }
        JsonNode before = audit.snapshot(BrownfieldMapper.toApi(site, authorities));
        site.boundary = null;
        site.updatedAt = PartnershipCalendar.timestamp(clock);
        em.flush();
        audit.record(BrownfieldAuditScope.subject(site), AuditActions.UPDATED, before,
                audit.snapshot(BrownfieldMapper.toApi(site, authorities)));
        return site;
    }
}
