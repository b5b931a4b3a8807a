package org.estatehub.mou.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.MousApi;
import org.estatehub.api.model.MouCoverage;
import org.estatehub.api.model.MouCoverageEntry;
import org.estatehub.api.model.MouCreate;
import org.estatehub.api.model.MouPage;
import org.estatehub.api.model.MouStatus;
import org.estatehub.api.model.MouStatusChange;
import org.estatehub.common.http.ETags;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.mou.Mou;
import org.estatehub.mou.MouMapper;
import org.estatehub.mou.service.MouService;

import io.quarkus.security.Authenticated;

@Authenticated
public class MouResource implements MousApi {

    @Inject
    Clock clock;

    @Inject
    MouService mous;

    @Override
    public Response listMous(String partner, MouStatus status, Integer limit, Integer offset) {
        var slice = mous.list(partner, status, limit, offset);
        LocalDate today = PartnershipCalendar.today(clock);
        return Response.ok(new MouPage().items(slice.items().stream().map(m -> toApi(m, today)).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response createMou(MouCreate input) {
        Mou mou = mous.create(input);
        return Response.created(URI.create("/mous/" + mou.id)).entity(toApi(mou, PartnershipCalendar.today(clock)))
                .header("ETag", ETags.of(mou.version)).build();
    }

    @Override
    public Response getMou(UUID mouId) {
        Mou mou = mous.get(mouId);
        return Response.ok(toApi(mou, PartnershipCalendar.today(clock))).header("ETag", ETags.of(mou.version)).build();
    }

    @Override
    public Response changeMouStatus(UUID mouId, MouStatusChange change, String ifMatch) {
        Mou mou = mous.changeStatus(mouId, change, ifMatch);
        return Response.ok(toApi(mou, PartnershipCalendar.today(clock))).header("ETag", ETags.of(mou.version)).build();
    }

    @Override
    public Response getMouCoverage(Integer withinDays, String scope, Boolean includeCovered) {
        LocalDate today = PartnershipCalendar.today(clock);
        var entries = mous.coverage(withinDays, "ALL".equals(scope), Boolean.TRUE.equals(includeCovered), today);
        return Response.ok(new MouCoverage().asOf(today).withinDays(withinDays).items(entries.stream()
                .map(c -> new MouCoverageEntry().partnerId(c.partner().id).partnerName(c.partner().name)
                        .state(MouCoverageEntry.StateEnum.fromValue(c.state()))
                        .mouId(c.mou() == null ? null : c.mou().id)
                        .expiresOn(c.mou() == null ? null : c.mou().expiresOn))
                .toList())).build();
    }

    private static org.estatehub.api.model.Mou toApi(Mou m, LocalDate today) {
        return MouMapper.toApi(m, today);
    }
}
