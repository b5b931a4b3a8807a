package org.estatehub.asset.rest;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.estatehub.api.AssetsApi;
import org.estatehub.api.model.AssetDisposalRequest;
import org.estatehub.api.model.AssetImportCoordinateSystem;
import org.estatehub.api.model.AssetImportResult;
import org.estatehub.api.model.AssetInput;
import org.estatehub.api.model.AssetPage;
import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetStatusHistory;
import org.estatehub.api.model.AssetType;
import org.estatehub.asset.Asset;
import org.estatehub.asset.csv.AssetExporter;
import org.estatehub.asset.csv.ExportLayout;
import org.estatehub.asset.csv.AssetImporter;
import org.estatehub.asset.csv.ImportSlots;
import org.estatehub.asset.csv.ImportSpool;
import org.estatehub.asset.mapping.AssetMapper;
import org.estatehub.asset.mapping.CoLocationMapper;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.asset.service.AssetQuery;
import org.estatehub.asset.service.AssetSearch;
import org.estatehub.asset.service.AssetService;
import org.estatehub.asset.service.CoLocationFinder;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.http.MediaTypes;
import org.estatehub.common.problem.ProblemException;

import io.quarkus.security.Authenticated;

@Authenticated
public class AssetResource implements AssetsApi {

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");

    /** The contract's name for the authority filter, which problems name. */
    private static final String LOCAL_AUTHORITY = "localAuthority";

    @Inject
    AssetService assets;

    @Inject
    AssetSearch search;

    @Inject
    AssetFeatureStream featureStream;

    @Inject
    CoLocationFinder coLocation;

    @Inject
    AssetImporter importer;

    @Inject
    ImportSpool spool;

    @Inject
    AssetExporter exporter;

    @Inject
    ImportSlots importSlots;

    @Inject
    AssetAccess access;

    @Inject
    LocalAuthorities authorities;

    @Context
    HttpHeaders headers;

    @Override
    public Response searchAssets(String partner, String localAuthority, AssetStatus status, AssetType type, String q,
            String bbox, BigDecimal nearLat, BigDecimal nearLon, Integer radiusM, Boolean includeDisposed, String sort,
            String total, Integer limit, Integer offset) {
        AssetQuery query = AssetQuery.of(partner, authorities.filterArea(LOCAL_AUTHORITY, localAuthority), status, type, q, bbox, nearLat, nearLon, radiusM,
                includeDisposed, sort, total, limit, offset);
        if (MediaTypes.prefers(headers, GEO_JSON)) {
            return Response.ok(featureStream.stream(query), GEO_JSON).build();
        }
        AssetSearch.Result result = search.search(query);
        AssetPage page = new AssetPage()
                .items(result.hits().stream().map(h -> AssetMapper.toApi(h.asset(), h.distanceM(), authorities)).toList())
                .total(result.total())
                .totalExact(result.totalExact())
                .limit(limit)
                .offset(offset);
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response createAsset(AssetInput input) {
        Asset created = assets.create(input);
        return withETag(Response.created(URI.create("/assets/" + created.id)), created);
    }

    @Override
    public Response getAsset(UUID assetId) {
        return withETag(Response.ok(), assets.get(assetId));
    }

    @Override
    public Response updateAsset(UUID assetId, AssetInput input, String ifMatch) {
        return withETag(Response.ok(), assets.update(assetId, input, ifMatch));
    }

    @Override
    public Response disposeAsset(UUID assetId, AssetDisposalRequest request, String ifMatch) {
        return withETag(Response.ok(), assets.dispose(assetId, request, ifMatch));
    }

    @Override
    public Response getAssetStatusHistory(UUID assetId) {
        var history = new AssetStatusHistory()
                .assetId(assetId)
                .items(assets.history(assetId).stream().map(AssetMapper::toApi).toList());
        return Response.ok(history).build();
    }

    @Override
    public Response findCoLocationOpportunities(Integer distanceM, String localAuthority, Integer minPartners,
            String bbox, Integer limit, Integer offset) {
        var query = CoLocationFinder.Query.of(distanceM, authorities.filterArea(LOCAL_AUTHORITY, localAuthority), bbox,
                minPartners, limit, offset);
        return Response.ok(CoLocationMapper.toApi(query, coLocation.find(query))).build();
    }

    @Override
    public Response importAssets(InputStream body, String ownerPartnerId, Boolean dryRun) {
        boolean dry = Boolean.TRUE.equals(dryRun);
        Charset declared = charset();
        // The place is taken before the body is read and held until the import has committed or rolled back.
        // A dry run takes only a place in the service's bound: it waits for no other import of the owner.
        AssetImporter.Outcome outcome;
        // The file is received onto disk first, so that the import's transaction lasts as long as the
        // import, not as long as the upload (ImportSpool).
        try (ImportSlots.Slot slot = dry ? importSlots.acquireDryRun() : importSlots.acquire(access.ownerFor(ownerPartnerId));
                ImportSpool.Spooled file = spool.receive(body)) {
            long started = System.nanoTime();
            try {
                outcome = importer.importFile(file, declared, ownerPartnerId, dry);
            } catch (RuntimeException e) {
                ProblemException timedOut = importer.timedOut(e, started);
                throw timedOut == null ? e : timedOut;
            }
        }
        var result = new AssetImportResult()
                .ownerPartnerId(outcome.ownerPartnerId())
                .dryRun(outcome.dryRun())
                .valid(outcome.valid())
                .rows(outcome.rows())
                .created(outcome.created())
                .updated(outcome.updated())
                .unchanged(outcome.unchanged())
                .encoding(outcome.encoding())
                .encodingDeclared(outcome.encodingDeclared())
                .coordinateSystems(outcome.coordinateSystems().stream().map(c -> new AssetImportCoordinateSystem()
                        .system(AssetImportCoordinateSystem.SystemEnum.fromValue(c.system())).stated(c.stated())
                        .rows(c.rows())).toList())
                .warningCount(outcome.warningCount())
                .warnings(outcome.warnings());
        if (outcome.valid()) {
            // Absent rather than an empty list: the contract has errors only for a dry run that found some.
            result.setErrors(null);
        } else {
            result.errorCount(outcome.errorCount()).invalidRowCount(outcome.invalidRowCount()).errors(outcome.errors());
        }
        return Response.ok(result).build();
    }

    @Override
    public Response exportAssets(String layout, String partner, String localAuthority, AssetStatus status,
            Boolean includeDisposed) {
        AssetQuery query = AssetQuery.of(partner, authorities.filterArea(LOCAL_AUTHORITY, localAuthority), status, null, null, null, null, null, null,
                includeDisposed, "name", Integer.MAX_VALUE, 0);
        ExportLayout exportLayout = ExportLayout.of(layout);
        AssetExporter.Export export = exporter.export(query, exportLayout);
        StreamingOutput body = export::writeTo;
        return Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + exportLayout.fileName() + "\"")
                .build();
    }

    /** The charset the Content-Type names, null when it names none (the import then detects it). */
    private Charset charset() {
        MediaType type = headers.getMediaType();
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? null : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The Content-Type names a charset this service does not know: '"
                    + name + "'.");
        }
    }

    private Response withETag(Response.ResponseBuilder builder, Asset asset) {
        return builder.entity(AssetMapper.toApi(asset, null, authorities)).header("ETag", ETags.of(asset.version)).build();
    }
}
