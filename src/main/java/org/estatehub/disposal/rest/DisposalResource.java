package org.estatehub.disposal.rest;

import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.estatehub.api.DisposalsApi;
import org.estatehub.api.model.AuditEventPage;
import org.estatehub.api.model.DisposalCompletion;
import org.estatehub.api.model.DisposalDeclaration;
import org.estatehub.api.model.DisposalInterestInput;
import org.estatehub.api.model.DisposalInterestPage;
import org.estatehub.api.model.DisposalPage;
import org.estatehub.api.model.DisposalStatus;
import org.estatehub.api.model.DisposalTransferAgreement;
import org.estatehub.api.model.DisposalWithdrawal;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.disposal.mapping.DisposalCsv;
import org.estatehub.disposal.mapping.DisposalMapper;
import org.estatehub.disposal.service.DisposalInterestService;
import org.estatehub.disposal.service.DisposalReads;
import org.estatehub.disposal.service.DisposalService;
import org.estatehub.history.ScopeTypes;
import org.estatehub.history.service.AuditHistory;

import io.quarkus.security.Authenticated;

@Authenticated
public class DisposalResource implements DisposalsApi {

    private static final String LOCAL_AUTHORITY = "localAuthority";

    @Inject
    Clock clock;

    @Inject
    DisposalService disposals;

    @Inject
    DisposalInterestService interests;

    @Inject
    LocalAuthorities authorities;

    @Inject
    AuditHistory history;

    @Override
    public Response listDisposals(DisposalStatus status, String ownerPartnerId, String localAuthority, Boolean windowOpen,
            Integer limit, Integer offset) {
        var slice = disposals.list(filter(status, ownerPartnerId, localAuthority, windowOpen), limit, offset);
        LocalDate today = today();
        return Response.ok(new DisposalPage().items(slice.items().stream()
                .map(r -> toApi(r.disposal(), r.site(), today)).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response exportDisposals(DisposalStatus status, String ownerPartnerId, String localAuthority, Boolean windowOpen) {
        var rows = disposals.export(filter(status, ownerPartnerId, localAuthority, windowOpen));
        LocalDate today = today();
        StreamingOutput body = (OutputStream out) -> DisposalCsv.write(
                rows.stream().map(r -> new DisposalCsv.Line(r.disposal(), r.site())).toList(), authorities::name, today, out);
        return Response.ok(body, "text/csv").header("Content-Disposition", "attachment; filename=\"disposals.csv\"")
                .build();
    }

    @Override
    public Response declareDisposal(DisposalDeclaration input) {
        var p = disposals.declare(input);
        return Response.created(URI.create("/disposals/" + p.disposal().id)).entity(toApi(p))
                .header("ETag", ETags.of(p.disposal().version)).build();
    }

    @Override
    public Response getDisposal(UUID disposalId) {
        return ok(disposals.published(disposalId));
    }

    @Override
    public Response agreeDisposalTransfer(UUID disposalId, DisposalTransferAgreement input, String ifMatch) {
        return ok(disposals.agreeTransfer(disposalId, input, ifMatch));
    }

    @Override
    public Response releaseDisposalToOpenMarket(UUID disposalId, String ifMatch) {
        return ok(disposals.releaseToOpenMarket(disposalId, ifMatch));
    }

    @Override
    public Response withdrawDisposal(UUID disposalId, DisposalWithdrawal input, String ifMatch) {
        return ok(disposals.withdraw(disposalId, input, ifMatch));
    }

    @Override
    public Response completeDisposal(UUID disposalId, DisposalCompletion input, String ifMatch) {
        return ok(disposals.complete(disposalId, input, ifMatch));
    }

    @Override
    public Response listDisposalInterests(UUID disposalId, Integer limit, Integer offset) {
        var slice = interests.list(disposalId, limit, offset);
        return Response.ok(new DisposalInterestPage().items(slice.items().stream().map(DisposalMapper::toApi).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response registerDisposalInterest(UUID disposalId, DisposalInterestInput input) {
        DisposalInterest i = interests.register(disposalId, input);
        return Response.created(URI.create("/disposals/" + disposalId + "/interests/" + i.id))
                .entity(DisposalMapper.toApi(i)).header("ETag", ETags.of(i.version)).build();
    }

    @Override
    public Response getDisposalInterest(UUID disposalId, UUID interestId) {
        return ok(interests.get(disposalId, interestId));
    }

    @Override
    public Response shortlistDisposalInterest(UUID disposalId, UUID interestId, String ifMatch) {
        return ok(interests.shortlist(disposalId, interestId, ifMatch));
    }

    @Override
    public Response declineDisposalInterest(UUID disposalId, UUID interestId, String ifMatch) {
        return ok(interests.decline(disposalId, interestId, ifMatch));
    }

    @Override
    public Response withdrawDisposalInterest(UUID disposalId, UUID interestId, String ifMatch) {
        return ok(interests.withdraw(disposalId, interestId, ifMatch));
    }

    @Override
    public Response getDisposalInterestHistory(UUID disposalId, UUID interestId, Integer limit, Integer offset) {
        // The interest must be this disposal's and readable (404 otherwise), before its history is paged.
        interests.get(disposalId, interestId);
        AuditHistory.Page page = history.page(ScopeTypes.DISPOSAL_INTEREST, interestId.toString(), limit, offset);
        return Response.ok(new AuditEventPage().items(page.items()).total(page.total()).limit(limit).offset(offset))
                .build();
    }

    private DisposalReads.Filter filter(DisposalStatus status, String owner, String localAuthority, Boolean windowOpen) {
        return new DisposalReads.Filter(DisposalMapper.fromApi(status), owner,
                authorities.filterArea(LOCAL_AUTHORITY, localAuthority), windowOpen);
    }

    private Response ok(DisposalService.Published p) {
        return Response.ok(toApi(p)).header("ETag", ETags.of(p.disposal().version)).build();
    }

    private static Response ok(DisposalInterest i) {
        return Response.ok(DisposalMapper.toApi(i)).header("ETag", ETags.of(i.version)).build();
    }

    private org.estatehub.api.model.Disposal toApi(DisposalService.Published p) {
        return toApi(p.disposal(), p.site(), today());
    }

    private org.estatehub.api.model.Disposal toApi(org.estatehub.disposal.Disposal d, org.estatehub.disposal.PublishedSite site,
            LocalDate today) {
        return DisposalMapper.toApi(d, site, authorities.name(site.localAuthority()), today);
    }

    private LocalDate today() {
        return PartnershipCalendar.today(clock);
    }
}
