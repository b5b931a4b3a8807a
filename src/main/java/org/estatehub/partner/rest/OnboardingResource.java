package org.estatehub.partner.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.OnboardingApi;
import org.estatehub.api.model.AuditEventPage;
import org.estatehub.api.model.IdentityProviderSettings;
import org.estatehub.api.model.MemberInvitation;
import org.estatehub.api.model.MemberInvitationSent;
import org.estatehub.api.model.PartnerMemberPage;
import org.estatehub.api.model.PartnerRole;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.history.ScopeTypes;
import org.estatehub.history.service.AuditHistory;
import org.estatehub.partner.service.IdentityConsistencyCheck;
import org.estatehub.partner.service.PartnerIdentityProviders;
import org.estatehub.partner.service.PartnerMembers;

import io.quarkus.security.Authenticated;

/** Onboarding a partner's staff and identity provider; who may is decided in the services (per partner). */
@Authenticated
public class OnboardingResource implements OnboardingApi {

    @Inject
    PartnerMembers members;

    @Inject
    PartnerIdentityProviders providers;

    @Inject
    IdentityConsistencyCheck consistency;

    @Inject
    AuditHistory history;

    @Override
    public Response listPartnerMembers(String partnerId, Integer limit, Integer offset) {
        var page = members.list(partnerId, limit, offset);
        return Response.ok(new PartnerMemberPage().items(page.items()).total(page.total()).limit(limit).offset(offset))
                .build();
    }

    @Override
    public Response invitePartnerMember(String partnerId, MemberInvitation memberInvitation) {
        var invited = members.invite(partnerId, memberInvitation);
        if (invited.member().isPresent()) {
            return Response.created(URI.create("/partners/" + partnerId + "/members/" + invited.member().get().getId()))
                    .entity(invited.member().get()).build();
        }
        return Response.accepted(new MemberInvitationSent().email(invited.email())
                .status(MemberInvitationSent.StatusEnum.INVITED)).build();
    }

    @Override
    public Response getPartnerMember(String partnerId, UUID memberId) {
        return Response.ok(members.get(partnerId, memberId.toString())).build();
    }

    @Override
    public Response removePartnerMember(String partnerId, UUID memberId) {
        return Response.ok(members.remove(partnerId, memberId.toString())).build();
    }

    @Override
    public Response grantPartnerRole(String partnerId, UUID memberId, PartnerRole role) {
        return Response.ok(members.grant(partnerId, memberId.toString(), role)).build();
    }

    @Override
    public Response withdrawPartnerRole(String partnerId, UUID memberId, PartnerRole role) {
        return Response.ok(members.withdraw(partnerId, memberId.toString(), role)).build();
    }

    @Override
    public Response getPartnerIdentityProvider(String partnerId) {
        return Response.ok(providers.get(partnerId)).build();
    }

    @Override
    public Response setPartnerIdentityProvider(String partnerId, IdentityProviderSettings identityProviderSettings) {
        var saved = providers.set(partnerId, identityProviderSettings);
        if (saved.created()) {
            return Response.created(URI.create("/partners/" + partnerId + "/identity-provider")).entity(saved.provider())
                    .build();
        }
        return Response.ok(saved.provider()).build();
    }

    @Override
    public Response removePartnerIdentityProvider(String partnerId) {
        return Response.ok(providers.remove(partnerId)).build();
    }

    @Override
    public Response getPartnerAccessHistory(String partnerId, Integer limit, Integer offset) {
        AuditHistory.Page page = history.page(ScopeTypes.PARTNER_ACCESS, partnerId, limit, offset);
        return Response.ok(new AuditEventPage().items(page.items()).total(page.total()).limit(limit).offset(offset))
                .build();
    }

    @Override
    @RolesAllowed(Roles.PMO_ADMIN)
    public Response checkIdentityConsistency() {
        return Response.ok(consistency.check()).build();
    }

    @Override
    @RolesAllowed(Roles.PMO_ADMIN)
    public Response repairIdentityConsistency() {
        return Response.ok(consistency.repair()).build();
    }
}
