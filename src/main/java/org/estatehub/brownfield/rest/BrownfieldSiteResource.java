package org.estatehub.brownfield.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.estatehub.api.BrownfieldSitesApi;
import org.estatehub.api.model.BrownfieldCoordinateCount;
import org.estatehub.api.model.BrownfieldImportReport;
import org.estatehub.api.model.BrownfieldOwnershipStatus;
import org.estatehub.api.model.BrownfieldPlanningStatus;
import org.estatehub.api.model.BrownfieldSiteFeatureCollection;
import org.estatehub.api.model.BrownfieldSiteLinks;
import org.estatehub.api.model.BrownfieldSitePage;
import org.estatehub.asset.csv.ImportSlots;
import org.estatehub.asset.csv.ImportSpool;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.brownfield.csv.BrownfieldExporter;
import org.estatehub.brownfield.csv.BrownfieldImporter;
import org.estatehub.brownfield.mapping.BrownfieldMapper;
import org.estatehub.brownfield.service.BrownfieldQuery;
import org.estatehub.brownfield.service.BrownfieldSearch;
import org.estatehub.brownfield.service.BrownfieldService;
import org.estatehub.common.http.ETags;
import org.estatehub.common.http.MediaTypes;
import org.estatehub.common.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;

@Authenticated
public class BrownfieldSiteResource implements BrownfieldSitesApi {

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");

    /** The contract's name for the authority filter, which problems name. */
    private static final String LOCAL_AUTHORITY = "localAuthority";

    @Inject
    BrownfieldService sites;

    @Inject
    BrownfieldSearch search;

    @Inject
    BrownfieldImporter importer;

    @Inject
    ImportSpool spool;

    @Inject
    ImportSlots importSlots;

    @Inject
    LocalAuthorities authorities;

    @Context
    HttpHeaders headers;

    @Override
    public Response searchBrownfieldSites(String partner, String localAuthority, BrownfieldPlanningStatus planningStatus,
            BrownfieldOwnershipStatus ownershipStatus, Boolean deliverable, String q, String bbox, Integer limit,
            Integer offset) {
        boolean map = MediaTypes.prefers(headers, GEO_JSON);
        BrownfieldQuery query = BrownfieldQuery.of(partner, authorities.filterArea(LOCAL_AUTHORITY, localAuthority),
                BrownfieldMapper.fromApi(planningStatus), BrownfieldMapper.fromApi(ownershipStatus), deliverable, q,
                bbox, map, limit, offset);
        BrownfieldSearch.Result result = search.search(query);
        if (map) {
            var collection = new BrownfieldSiteFeatureCollection()
                    .type(BrownfieldSiteFeatureCollection.TypeEnum.FEATURE_COLLECTION)
                    .features(result.sites().stream().map(s -> BrownfieldMapper.toFeature(s, authorities)).toList())
                    .total(result.total())
                    .limit(limit)
                    .offset(offset);
            return Response.ok(collection, GEO_JSON).build();
        }
        BrownfieldSitePage page = new BrownfieldSitePage()
                .items(result.sites().stream().map(s -> BrownfieldMapper.toApi(s, authorities)).toList())
                .total(result.total())
                .limit(limit)
                .offset(offset);
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response getBrownfieldSite(UUID siteId) {
        return withETag(Response.ok(), sites.get(siteId));
    }

    @Override
    public Response updateBrownfieldSiteLinks(UUID siteId, BrownfieldSiteLinks links, String ifMatch) {
        return withETag(Response.ok(), sites.updateLinks(siteId, links, ifMatch));
    }

    @Override
    public Response setBrownfieldSiteBoundary(UUID siteId, JsonNode geometry, String ifMatch) {
        return withETag(Response.ok(), sites.setBoundary(siteId, geometry, ifMatch));
    }

    @Override
    public Response deleteBrownfieldSiteBoundary(UUID siteId, String ifMatch) {
        return withETag(Response.ok(), sites.deleteBoundary(siteId, ifMatch));
    }

    @Override
    public Response importBrownfieldSites(InputStream body, String ownerPartnerId, Boolean dryRun) {
        Charset declared = declaredCharset();
        BrownfieldImporter.Report report;
        // As for the asset import: the place is taken before the body is read, and the file is received onto
        // disk first so that the transaction lasts as long as the import, not the upload.
        try (ImportSlots.Slot slot = importSlots.acquire(importer.ownerFor(ownerPartnerId));
                ImportSpool.Spooled file = spool.receive(body)) {
            report = importer.importFile(file::open, declared, ownerPartnerId, Boolean.TRUE.equals(dryRun));
        }
        var answer = new BrownfieldImportReport()
                .ownerPartnerId(report.ownerPartnerId())
                .dryRun(report.dryRun())
                .layout(BrownfieldImportReport.LayoutEnum.valueOf(report.layout().name()))
                .encoding(report.encoding().charset().name())
                .encodingSource(BrownfieldImportReport.EncodingSourceEnum.valueOf(report.encoding().source().name()))
                .rows(report.rows())
                .created(report.created())
                .updated(report.updated())
                .unchanged(report.unchanged())
                .rowsWithoutLocation(report.rowsWithoutLocation())
                .coordinateSystems(report.coordinateSystems().entrySet().stream().map(e -> {
                    String[] key = e.getKey().split("/");
                    return new BrownfieldCoordinateCount()
                            .system(BrownfieldCoordinateCount.SystemEnum.valueOf(key[0]))
                            .source(BrownfieldCoordinateCount.SourceEnum.valueOf(key[1]))
                            .rows(e.getValue());
                }).toList())
                .warnings(report.warnings())
                .errors(report.errors())
                .errorCount(report.errorCount())
                .invalidRowCount(report.invalidRowCount());
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response exportBrownfieldSites(String partner, String localAuthority, BrownfieldPlanningStatus planningStatus,
            BrownfieldOwnershipStatus ownershipStatus) {
        BrownfieldQuery query = BrownfieldQuery.of(partner, authorities.filterArea(LOCAL_AUTHORITY, localAuthority),
                BrownfieldMapper.fromApi(planningStatus), BrownfieldMapper.fromApi(ownershipStatus), null, null, null,
                false, Integer.MAX_VALUE, 0);
        BrownfieldSearch.Export export = search.export(query);
        StreamingOutput body = (OutputStream out) -> BrownfieldExporter.write(export.sites(), export.ownerNames(), out);
        return Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"brownfield-sites.csv\"")
                .build();
    }

    /** The charset the Content-Type declares, or null: then the importer decides from the bytes. */
    private Charset declaredCharset() {
        MediaType type = headers.getMediaType();
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The Content-Type names a charset this service does not know: '"
                    + name + "'.");
        }
    }

    private Response withETag(Response.ResponseBuilder builder, BrownfieldSite site) {
        return builder.entity(BrownfieldMapper.toApi(site, authorities)).header("ETag", ETags.of(site.version)).build();
    }
}
