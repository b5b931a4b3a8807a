package org.estatehub.monitoring.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.MonitoringApi;
import org.estatehub.api.model.MonitoringReturn;
import org.estatehub.api.model.MonitoringReturnPage;
import org.estatehub.api.model.MonitoringReturnRequest;
import org.estatehub.api.model.MonitoringReturnSummary;
import org.estatehub.common.http.MediaTypes;
import org.estatehub.monitoring.Quarter;
import org.estatehub.monitoring.service.MonitoringCsv;
import org.estatehub.monitoring.service.MonitoringReturns;
import org.estatehub.project.service.ProjectDisclosure;

import io.quarkus.security.Authenticated;

@Authenticated
public class MonitoringResource implements MonitoringApi {

    static final MediaType CSV = MediaType.valueOf("text/csv");

    @Inject
    MonitoringReturns returns;

    @Inject
    ProjectDisclosure disclosure;

    @Context
    HttpHeaders headers;

    @Override
    public Response listMonitoringReturns(Integer limit, Integer offset) {
        return Response.ok(new MonitoringReturnPage()
                .items(returns.list(limit, offset).stream().map(r -> new MonitoringReturnSummary().period(r.period())
                        .generatedAt(r.generatedAt()).submittedBy(r.submittedBy()).awarded(r.awarded().toApi())
                        .released(r.released().toApi())).toList())
                .total(returns.count()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response submitMonitoringReturn(MonitoringReturnRequest request) {
        MonitoringReturn submitted = returns.submit(request);
        return Response.created(URI.create("/monitoring-returns/" + submitted.getPeriod())).entity(submitted).build();
    }

    @Override
    public Response previewMonitoringReturn(String period) {
        return represent(returns.generate(Quarter.parse(period)));
    }

    @Override
    public Response getMonitoringReturn(String period) {
        return represent(returns.get(period));
    }

    /** Preview and stored return alike, JSON and CSV alike: each caller reads what the one rule allows. */
    private Response represent(MonitoringReturn full) {
        MonitoringReturn r = disclosure.disclose(full);
        if (MediaTypes.prefers(headers, CSV)) {
            return Response.ok(MonitoringCsv.write(r), CSV)
                    .header("Content-Disposition", "attachment; filename=\"monitoring-" + r.getPeriod() + ".csv\"")
                    .build();
        }
        return Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
