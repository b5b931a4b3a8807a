package org.estatehub.history.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.HistoryApi;
import org.estatehub.api.model.AuditEventPage;
import org.estatehub.history.ScopeTypes;
import org.estatehub.history.service.AuditHistory;
import org.estatehub.history.service.ChangeFeed;

import io.quarkus.security.Authenticated;

@Authenticated
public class HistoryResource implements HistoryApi {

    @Inject
    AuditHistory history;

    @Inject
    ChangeFeed feed;

    @Override
    public Response getPartnerHistory(String partnerId, Integer limit, Integer offset) {
        return page(ScopeTypes.PARTNER, partnerId, limit, offset);
    }

    @Override
    public Response getAssetHistory(UUID assetId, Integer limit, Integer offset) {
        return page(ScopeTypes.ASSET, assetId.toString(), limit, offset);
    }

    @Override
    public Response getProjectHistory(UUID projectId, Integer limit, Integer offset) {
        return page(ScopeTypes.PROJECT, projectId.toString(), limit, offset);
    }

    @Override
    public Response getFundingRoundHistory(UUID roundId, Integer limit, Integer offset) {
        return page(ScopeTypes.FUNDING_ROUND, roundId.toString(), limit, offset);
    }

    @Override
    public Response getBidHistory(UUID bidId, Integer limit, Integer offset) {
        return page(ScopeTypes.BID, bidId.toString(), limit, offset);
    }

    @Override
    public Response getAwardHistory(UUID awardId, Integer limit, Integer offset) {
        return page(ScopeTypes.AWARD, awardId.toString(), limit, offset);
    }

    @Override
    public Response getMouHistory(UUID mouId, Integer limit, Integer offset) {
        return page(ScopeTypes.MOU, mouId.toString(), limit, offset);
    }

    @Override
    public Response getDisposalHistory(UUID disposalId, Integer limit, Integer offset) {
        return page(ScopeTypes.DISPOSAL, disposalId.toString(), limit, offset);
    }

    @Override
    public Response getOccupationHistory(UUID occupationId, Integer limit, Integer offset) {
        return page(ScopeTypes.OCCUPATION, occupationId.toString(), limit, offset);
    }

    @Override
    public Response listChangeEvents(String after, Integer limit) {
        return Response.ok(feed.read(after, limit)).build();
    }

    private Response page(String scopeType, String scopeId, int limit, int offset) {
        AuditHistory.Page page = history.page(scopeType, scopeId, limit, offset);
        return Response.ok(new AuditEventPage().items(page.items()).total(page.total()).limit(limit).offset(offset))
                .build();
    }
}
