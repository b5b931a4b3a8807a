package org.estatehub.disposal.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.LandReleaseApi;
import org.estatehub.api.model.HomesDeliveredInput;
import org.estatehub.common.http.ETags;
import org.estatehub.disposal.mapping.HomesDeliveryMapper;
import org.estatehub.disposal.service.HomesDeliveryService;

import io.quarkus.security.Authenticated;

@Authenticated
public class HomesDeliveredResource implements LandReleaseApi {

    @Inject
    HomesDeliveryService homes;

    @Override
    public Response getHomesDelivered(UUID disposalId) {
        var disposal = homes.disposal(disposalId);
        return Response.ok(HomesDeliveryMapper.toApi(disposalId, disposal.completed() ? disposal.housingCapacity() : null,
                homes.years(disposalId))).build();
    }

    @Override
    public Response recordHomesDelivered(UUID disposalId, String financialYear, HomesDeliveredInput input,
            String ifMatch) {
        var recorded = homes.record(disposalId, financialYear, input, ifMatch);
        return Response.status(recorded.created() ? 201 : 200).entity(HomesDeliveryMapper.toApi(recorded.year()))
                .header("ETag", ETags.of(recorded.year().version)).build();
    }
}
