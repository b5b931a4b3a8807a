package org.estatehub.occupation.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.estatehub.api.OccupationsApi;
import org.estatehub.api.model.LeaseEventKind;
import org.estatehub.api.model.OccupationInput;
import org.estatehub.api.model.OccupationLeaseEventPage;
import org.estatehub.api.model.OccupationOpportunityFeatureCollection;
import org.estatehub.api.model.OccupationOpportunityPage;
import org.estatehub.api.model.OccupationPage;
import org.estatehub.api.model.UnderUsedOccupationPage;
import org.estatehub.common.http.ETags;
import org.estatehub.common.http.MediaTypes;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.occupation.mapping.LeaseEventsCsv;
import org.estatehub.occupation.mapping.LeaseEventsMapper;
import org.estatehub.occupation.mapping.OccupationMapper;
import org.estatehub.occupation.mapping.OpportunityMapper;
import org.estatehub.occupation.service.LeaseEvents;
import org.estatehub.occupation.service.OccupationService;
import org.estatehub.occupation.service.OccupationService.Shown;
import org.estatehub.occupation.service.OpportunityFinder;

import io.quarkus.security.Authenticated;

@Authenticated
public class OccupationResource implements OccupationsApi {

    @Inject
    Clock clock;

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");

    static final MediaType CSV = MediaType.valueOf("text/csv");

    @Inject
    OccupationService occupations;

    @Inject
    OpportunityFinder opportunities;

    @Inject
    LeaseEvents leaseEvents;

    @Context
    HttpHeaders headers;

    @Override
    public Response findOccupationOpportunities(Integer withinMonths, Integer distanceM, Integer candidates,
            Integer limit, Integer offset) {
        OpportunityFinder.Page page = opportunities.find(
                new OpportunityFinder.Query(withinMonths, distanceM, candidates, limit, offset));
        if (MediaTypes.prefers(headers, GEO_JSON)) {
            return Response.ok(new OccupationOpportunityFeatureCollection()
                    .type(OccupationOpportunityFeatureCollection.TypeEnum.FEATURE_COLLECTION)
                    .features(OpportunityMapper.toFeatures(page.items()))
                    .total(page.total()).limit(limit).offset(offset), GEO_JSON).build();
        }
        return Response.ok(new OccupationOpportunityPage()
                .withinMonths(withinMonths).distanceM(distanceM).horizon(page.horizon())
                .items(page.items().stream().map(OpportunityMapper::toApi).toList())
                .total(page.total()).limit(limit).offset(offset), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response listAssetOccupations(UUID assetId, Boolean current, Integer limit, Integer offset) {
        var page = occupations.list(assetId, Boolean.TRUE.equals(current), limit, offset);
        LocalDate today = PartnershipCalendar.today(clock);
        return Response.ok(new OccupationPage().items(page.items().stream().map(s -> toApi(s, today)).toList())
                .total(page.total()).limit(limit).offset(offset)
                .derivedUtilisationPercent(page.derivedUtilisationPercent())).build();
    }

    @Override
    public Response createOccupation(UUID assetId, OccupationInput input) {
        Shown shown = occupations.create(assetId, input);
        return Response.created(URI.create("/occupations/" + shown.occupation().id))
                .entity(toApi(shown, PartnershipCalendar.today(clock)))
                .header("ETag", ETags.of(shown.occupation().version)).build();
    }

    @Override
    public Response getOccupation(UUID occupationId) {
        return ok(occupations.get(occupationId));
    }

    @Override
    public Response updateOccupation(UUID occupationId, OccupationInput input, String ifMatch) {
        return ok(occupations.update(occupationId, input, ifMatch));
    }

    @Override
    public Response listOccupationLeaseEvents(Integer withinMonths, LeaseEventKind kind, String occupierPartnerId,
            Integer limit, Integer offset) {
        OccupationLeaseEventPage page = LeaseEventsMapper.dueToApi(leaseEvents.due(withinMonths,
                kind == null ? null : kind.name(), occupierPartnerId, limit, offset), limit, offset,
                PartnershipCalendar.today(clock));
        if (MediaTypes.prefers(headers, CSV)) {
            return csv((StreamingOutput) out -> LeaseEventsCsv.write(page, out), "lease-events.csv");
        }
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response listUnderUsedOccupations(BigDecimal belowPercent, String occupierPartnerId, Integer limit,
            Integer offset) {
        UnderUsedOccupationPage page = LeaseEventsMapper.underUsedToApi(leaseEvents.underUsed(belowPercent,
                occupierPartnerId, limit, offset), limit, offset, PartnershipCalendar.today(clock));
        if (MediaTypes.prefers(headers, CSV)) {
            return csv((StreamingOutput) out -> LeaseEventsCsv.write(page, out), "under-used-occupations.csv");
        }
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response csv(StreamingOutput body, String fileName) {
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private Response ok(Shown shown) {
        return Response.ok(toApi(shown, PartnershipCalendar.today(clock)))
                .header("ETag", ETags.of(shown.occupation().version)).build();
    }

    private static org.estatehub.api.model.Occupation toApi(Shown s, LocalDate today) {
        return OccupationMapper.toApi(s.occupation(), s.assetOwnerPartnerId(), s.full(), today);
    }
}
