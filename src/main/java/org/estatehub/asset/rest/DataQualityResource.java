package org.estatehub.asset.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.DataQualityApi;
import org.estatehub.api.model.DataQualityScope;
import org.estatehub.asset.service.DataQualityReports;
import org.estatehub.authority.service.LocalAuthorities;

import io.quarkus.security.Authenticated;

@Authenticated
public class DataQualityResource implements DataQualityApi {

    @Inject
    DataQualityReports reports;

    @Inject
    LocalAuthorities authorities;

    @Override
    public Response getDataQuality(String partner, DataQualityScope scope, String localAuthority,
            Integer staleAfterDays, Integer listLimit) {
        var request = new DataQualityReports.Request(partner, scope == null ? DataQualityScope.PARTNER : scope,
                localAuthority, authorities.filterArea("localAuthority", localAuthority),
                staleAfterDays == null ? 365 : staleAfterDays, listLimit == null ? 50 : listLimit);
        return Response.ok(reports.report(request)).build();
    }
}
