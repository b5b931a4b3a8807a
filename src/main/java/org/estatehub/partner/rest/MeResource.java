package org.estatehub.partner.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.MeApi;
import org.estatehub.api.model.Me;
import org.estatehub.api.model.SubjectType;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.partner.mapping.PartnerMapper;
import org.estatehub.partner.service.PartnerService;

import io.quarkus.security.Authenticated;

@Authenticated
public class MeResource implements MeApi {

    @Inject
    Caller caller;

    @Inject
    PartnerService partners;

    @Inject
    LocalAuthorities authorities;

    @Override
    public Response getMe() {
        String partnerId = caller.partnerId();
        var partner = partners.find(partnerId).orElseThrow(() -> ProblemException.forbidden(
                "Your token names partner '" + partnerId + "', which is not in the partnership."));
        Me me = new Me()
                .username(caller.username())
                .subjectType(caller.isServiceAccount() ? SubjectType.SERVICE_ACCOUNT : SubjectType.USER)
                .partnerId(partnerId)
                .partner(PartnerMapper.toApi(partner, authorities))
                .roles(caller.roles().stream().map(Me.RolesEnum::fromValue).toList());
        return Response.ok(me).build();
    }
}
