package org.estatehub.partner.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.PartnersApi;
import org.estatehub.api.model.PartnerCreate;
import org.estatehub.api.model.PartnerPage;
import org.estatehub.api.model.PartnerType;
import org.estatehub.api.model.PartnerUpdate;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.partner.Partner;
import org.estatehub.partner.mapping.PartnerMapper;
import org.estatehub.partner.service.PartnerService;

import io.quarkus.security.Authenticated;

@Authenticated
public class PartnerResource implements PartnersApi {

    @Inject
    PartnerService partners;

    @Inject
    org.estatehub.partner.service.PartnerOnboarding onboarding;

    @Inject
    LocalAuthorities authorities;

    @Override
    public Response listPartners(PartnerType type, Integer limit, Integer offset) {
        var slice = partners.list(type, limit, offset);
        PartnerPage page = new PartnerPage()
                .items(slice.items().stream().map(p -> PartnerMapper.toApi(p, authorities)).toList())
                .total(slice.total())
                .limit(limit)
                .offset(offset);
        return Response.ok(page).build();
    }

    @Override
    public Response getPartner(String partnerId) {
        return withETag(Response.ok(), partners.get(partnerId));
    }

    @Override
    @RolesAllowed(Roles.PMO_ADMIN)
    public Response createPartner(PartnerCreate partnerCreate) {
        Partner created = onboarding.create(partnerCreate);
        return withETag(Response.created(URI.create("/partners/" + created.id)), created);
    }

    @Override
    @RolesAllowed(Roles.PMO_ADMIN)
    public Response updatePartner(String partnerId, PartnerUpdate partnerUpdate, String ifMatch) {
        return withETag(Response.ok(), partners.update(partnerId, partnerUpdate, ifMatch));
    }

    private Response withETag(Response.ResponseBuilder builder, Partner partner) {
        return builder.entity(PartnerMapper.toApi(partner, authorities)).header("ETag", ETags.of(partner.version)).build();
    }
}
