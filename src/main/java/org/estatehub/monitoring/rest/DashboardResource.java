package org.estatehub.monitoring.rest;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.DashboardsApi;
import org.estatehub.api.model.CountByKey;
import org.estatehub.api.model.LandReleaseDashboard;
import org.estatehub.api.model.MouCoverageDashboard;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.service.LandRelease;
import org.estatehub.funding.mapping.FundingMapper;
import org.estatehub.funding.service.FundingSummaryService;
import org.estatehub.monitoring.service.Dashboards;
import org.estatehub.mou.service.MouService;
import org.estatehub.occupation.service.OccupationDashboard;

import io.quarkus.security.Authenticated;

@Authenticated
public class DashboardResource implements DashboardsApi {

    @Inject
    Clock clock;

    @Inject
    Dashboards dashboards;

    @Inject
    FundingSummaryService funding;

    @Inject
    MouService mous;

    @Inject
    LocalAuthorities authorities;

    @Inject
    LandRelease landRelease;

    @Inject
    OccupationDashboard occupations;

    @Override
    public Response getFundingDashboard() {
        return Response.ok(FundingMapper.toApi(funding.summary())).build();
    }

    @Override
    public Response getPipelineDashboard(String localAuthority) {
        return Response.ok(dashboards.pipeline(authorities.filterArea("localAuthority", localAuthority))).build();
    }

    @Override
    public Response getAssetDashboard(String localAuthority) {
        return Response.ok(dashboards.assets(authorities.filterArea("localAuthority", localAuthority))).build();
    }

    @Override
    public Response getMouCoverageDashboard() {
        LocalDate today = PartnershipCalendar.today(clock);
        var counts = mous.coverageCounts(90, today);
        return Response.ok(new MouCoverageDashboard().asOf(today)
                .partners(counts.values().stream().mapToInt(Integer::intValue).sum())
                .byState(counts.entrySet().stream().map(e -> new CountByKey().key(e.getKey()).count(e.getValue()))
                        .toList())).build();
    }

    @Override
    public Response getLandReleaseDashboard(String localAuthority) {
        var area = authorities.filterArea("localAuthority", localAuthority);
        LocalDate today = PartnershipCalendar.today(clock);
        var figures = landRelease.figures(area, today);
        return Response.ok(new LandReleaseDashboard().asOf(today).byYearAndPartner(figures.getByYearAndPartner())
                .totals(figures.getTotals()).live(landRelease.live(area))).build();
    }

    @Override
    public Response getOccupationDashboard(String localAuthority) {
        return Response.ok(occupations.figures(authorities.filterArea("localAuthority", localAuthority))).build();
    }
}
