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
                .emailDomains(new java.util.ArrayList<>(new java.util.TreeSet<>(entity.emailDomains)))
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
        entity.emailDomains = domains(request.getEmailDomains());
        return entity;
    }

    public static void apply(PartnerUpdate request, Partner entity) {
        entity.name = request.getName().strip();
        entity.shortName = stripped(request.getShortName());
        entity.type = request.getType();
        entity.localAuthority = request.getLocalAuthority();
        entity.organisationUri = stripped(request.getOrganisationUri());
        // Replaced in place: Hibernate tracks the collection it loaded.
        entity.emailDomains.clear();
        entity.emailDomains.addAll(domains(request.getEmailDomains()));
    }

    /** Email domains as stored: lower case (the contract's pattern already refuses upper case), sorted. */
    public static java.util.TreeSet<String> domains(java.util.Collection<String> requested) {
        java.util.TreeSet<String> domains = new java.util.TreeSet<>();
        if (requested != null) {
            requested.forEach(d -> domains.add(d.toLowerCase(java.util.Locale.ROOT)));
        }
        return domains;
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
