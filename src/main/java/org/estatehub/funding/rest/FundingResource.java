package org.estatehub.funding.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.FundingApi;
import org.estatehub.api.model.AwardPage;
import org.estatehub.api.model.BidDecision;
import org.estatehub.api.model.BidInput;
import org.estatehub.api.model.BidPage;
import org.estatehub.api.model.BidStatus;
import org.estatehub.api.model.ClaimInput;
import org.estatehub.api.model.ClaimPage;
import org.estatehub.api.model.ClaimRejection;
import org.estatehub.api.model.FundingRoundInput;
import org.estatehub.api.model.FundingRoundPage;
import org.estatehub.api.model.GivingPackage;
import org.estatehub.api.model.PaymentInput;
import org.estatehub.api.model.PaymentPage;
import org.estatehub.api.model.Programme;
import org.estatehub.api.model.ProgrammeInfo;
import org.estatehub.api.model.ProgrammeList;
import org.estatehub.api.model.RoundStatus;
import org.estatehub.common.http.ETags;
import org.estatehub.common.http.IdempotentResponses;
import org.estatehub.common.http.MediaTypes;
import org.estatehub.common.idempotency.Idempotency;
import org.estatehub.funding.Bid;
import org.estatehub.funding.Claim;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.mapping.FundingMapper;
import org.estatehub.funding.service.AwardQueries;
import org.estatehub.funding.service.BidService;
import org.estatehub.funding.service.BidViews;
import org.estatehub.funding.service.FundingSummaryService;
import org.estatehub.funding.service.GivingCsv;
import org.estatehub.funding.service.GivingExport;
import org.estatehub.funding.service.ReleaseService;
import org.estatehub.funding.service.RoundService;

import io.quarkus.security.Authenticated;

/** HTTP for rounds, bids, awards, claims, payments and the summary; mapping runs in the same transaction. */
@Authenticated
@Transactional
public class FundingResource implements FundingApi {

    @Inject
    RoundService rounds;

    @Inject
    BidService bids;

    @Inject
    ReleaseService releases;

    @Inject
    AwardQueries awards;

    @Inject
    FundingSummaryService summary;

    @Inject
    Idempotency idempotency;

    @Inject
    BidViews bidViews;

    @Inject
    GivingExport giving;

    @Context
    HttpHeaders headers;

    static final MediaType CSV = MediaType.valueOf("text/csv");

    @Override
    public Response listProgrammes() {
        return Response.ok(new ProgrammeList().items(rounds.programmes().stream()
                .map(p -> new ProgrammeInfo().code(p.code()).name(p.name())
                        .paidVia(ProgrammeInfo.PaidViaEnum.fromValue(p.paidVia())))
                .toList())).build();
    }

    @Override
    public Response listFundingRounds(Programme programme, RoundStatus status, Integer limit, Integer offset) {
        var slice = rounds.list(programme, FundingMapper.fromApi(status), limit, offset);
        return Response.ok(new FundingRoundPage().items(slice.items().stream().map(FundingMapper::toApi).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response createFundingRound(FundingRoundInput input) {
        FundingRound round = rounds.create(input);
        return Response.created(URI.create("/funding-rounds/" + round.id)).entity(FundingMapper.toApi(round))
                .header("ETag", ETags.of(round.version)).build();
    }

    @Override
    public Response getFundingRound(UUID roundId) {
        FundingRound round = rounds.get(roundId);
        return Response.ok(FundingMapper.toApi(round)).header("ETag", ETags.of(round.version)).build();
    }

    @Override
    public Response updateFundingRound(UUID roundId, FundingRoundInput input, String ifMatch) {
        FundingRound round = rounds.update(roundId, input, ifMatch);
        return Response.ok(FundingMapper.toApi(round)).header("ETag", ETags.of(round.version)).build();
    }

    @Override
    public Response listBids(UUID roundId, BidStatus status, UUID projectId, Programme programme, Integer limit,
            Integer offset) {
        var slice = bids.list(roundId, FundingMapper.fromApi(status), projectId, programme, limit, offset);
        return Response.ok(new BidPage().items(slice.items().stream().map(bidViews::view).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response createBid(BidInput input) {
        Bid bid = bids.create(input);
        return Response.created(URI.create("/bids/" + bid.id)).entity(bidViews.view(bid)).header("ETag", ETags.of(bid.version))
                .build();
    }

    @Override
    public Response getBid(UUID bidId) {
        return bidResponse(bids.get(bidId));
    }

    @Override
    public Response updateBid(UUID bidId, BidInput input, String ifMatch) {
        return bidResponse(bids.update(bidId, input, ifMatch));
    }

    @Override
    public Response signOffBid(UUID bidId, String ifMatch) {
        return bidResponse(bids.signOff(bidId, ifMatch));
    }

    @Override
    public Response submitBid(UUID bidId, String ifMatch) {
        return bidResponse(bids.submit(bidId, ifMatch));
    }

    @Override
    public Response decideBid(UUID bidId, BidDecision decision, String ifMatch) {
        return bidResponse(bids.decide(bidId, decision, ifMatch));
    }

    @Override
    public Response listAwards(Programme programme, UUID roundId, UUID projectId, String recipient, Integer limit,
            Integer offset) {
        var slice = awards.list(programme, roundId, projectId, recipient, limit, offset);
        return Response.ok(new AwardPage().items(slice.items().stream().map(awards::view).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response exportAwards(Programme programme, UUID roundId, String format) {
        boolean csv = format == null ? MediaTypes.prefers(headers, CSV) : format.equals("csv");
        MediaType type = csv ? CSV : MediaType.APPLICATION_JSON_TYPE;
        // format= only chooses among what Accept allows: an answer the client said it cannot take is 406.
        if (format != null && headers.getAcceptableMediaTypes().stream().noneMatch(type::isCompatible)) {
            throw new NotAcceptableException();
        }
        var grants = giving.grants(programme, roundId);
        if (csv) {
            return Response.ok(GivingCsv.write(grants), CSV)
                    .header("Content-Disposition", "attachment; filename=\"360giving-awards.csv\"").build();
        }
        return Response.ok(new GivingPackage().grants(grants), type).build();
    }

    @Override
    public Response getAward(UUID awardId) {
        return Response.ok(awards.view(awards.get(awardId))).build();
    }

    @Override
    public Response listClaims(UUID awardId, Integer limit, Integer offset) {
        var slice = releases.claims(awardId, limit, offset);
        return Response.ok(new ClaimPage().items(slice.items().stream().map(FundingMapper::toApi).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response getClaim(UUID claimId) {
        Claim claim = releases.readClaim(claimId);
        return Response.ok(FundingMapper.toApi(claim)).header("ETag", ETags.of(claim.version)).build();
    }

    @Override
    public Response submitClaim(UUID awardId, ClaimInput input, String idempotencyKey) {
        Idempotency.Answer submitted = idempotency.run(idempotencyKey, "submitClaim:" + awardId, input, () -> {
            Claim claim = releases.submitClaim(awardId, input);
            return new Idempotency.Outcome(201, FundingMapper.toApi(claim), null);
        });
        Response answer = IdempotentResponses.of(submitted);
        // The ETag approvers need for If-Match; a replay repeats the first answer's, read from its body.
        Long version = answer.getEntity() instanceof org.estatehub.api.model.Claim claim ? claim.getVersion()
                : Idempotency.longField(answer.getEntity(), "version");
        return version == null ? answer
                : Response.fromResponse(answer).header("ETag", ETags.of(version)).build();
    }

    @Override
    public Response approveClaim(UUID claimId, String ifMatch) {
        Claim claim = releases.approve(claimId, ifMatch);
        return Response.ok(FundingMapper.toApi(claim)).header("ETag", ETags.of(claim.version)).build();
    }

    @Override
    public Response rejectClaim(UUID claimId, ClaimRejection rejection, String ifMatch) {
        Claim claim = releases.reject(claimId, rejection.getReason(), ifMatch);
        return Response.ok(FundingMapper.toApi(claim)).header("ETag", ETags.of(claim.version)).build();
    }

    @Override
    public Response listPayments(UUID awardId, Integer limit, Integer offset) {
        var slice = releases.payments(awardId, limit, offset);
        return Response.ok(new PaymentPage().items(slice.items().stream().map(FundingMapper::toApi).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response recordPayment(UUID awardId, PaymentInput input, String idempotencyKey) {
        return IdempotentResponses.of(idempotency.run(idempotencyKey, "recordPayment:" + awardId, input,
                () -> new Idempotency.Outcome(201, FundingMapper.toApi(releases.recordPayment(awardId, input)), null)));
    }

    /** Outside a transaction, where the summary may be answered from FundingSummaryService's cache. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response getFundingSummary() {
        return Response.ok(FundingMapper.toApi(summary.summary())).build();
    }

    private Response bidResponse(Bid bid) {
        return Response.ok(bidViews.view(bid)).header("ETag", ETags.of(bid.version)).build();
    }
}
