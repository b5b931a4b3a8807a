package org.estatehub.partner.mapping;

import org.estatehub.api.model.PartnerCreate;
import org.estatehub.api.model.PartnerUpdate;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.partner.Partner;

public final class PartnerMapper {

    private PartnerMapper() {
    }

    /** The partner as the contract shows it; the authorities give its authority's name. */
    public static org.estatehub.api.model.Partner toApi(Partner entity, LocalAuthorities authorities) {
        return new org.estatehub.api.model.Partner()
                .id(entity.id)
                .name(entity.name)
                .shortName(entity.shortName)
                .type(entity.type)
                .localAuthority(entity.localAuthority)
                .localAuthorityName(authorities.find(entity.localAuthority).map(a -> a.name).orElse(null))
                .organisationUri(entity.organisationUri)
                .accountableBody(entity.accountableBody)
                .version(entity.version);
    }

    public static Partner newEntity(PartnerCreate request) {
        Partner entity = new Partner();
        entity.id = request.getId();
        entity.name = request.getName().strip();
        entity.shortName = stripped(request.getShortName());
        entity.type = request.getType();
        entity.localAuthority = request.getLocalAuthority();
        entity.organisationUri = stripped(request.getOrganisationUri());
        return entity;
    }

    public static void apply(PartnerUpdate request, Partner entity) {
        entity.name = request.getName().strip();
        entity.shortName = stripped(request.getShortName());
        entity.type = request.getType();
        entity.localAuthority = request.getLocalAuthority();
        entity.organisationUri = stripped(request.getOrganisationUri());
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
