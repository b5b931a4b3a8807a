package org.estatehub.partner.mapping;

import org.estatehub.api.model.PartnerCreate;
import org.estatehub.api.model.PartnerUpdate;
import org.estatehub.partner.Partner;

public final class PartnerMapper {

    private PartnerMapper() {
    }

    public static org.estatehub.api.model.Partner toApi(Partner entity) {
        return new org.estatehub.api.model.Partner()
                .id(entity.id)
                .name(entity.name)
                .shortName(entity.shortName)
                .type(entity.type)
                .district(entity.district)
                .accountableBody(entity.accountableBody)
                .version(entity.version);
    }

    public static Partner newEntity(PartnerCreate request) {
        Partner entity = new Partner();
        entity.id = request.getId();
        entity.name = request.getName().strip();
        entity.shortName = stripped(request.getShortName());
        entity.type = request.getType();
        entity.district = request.getDistrict();
        return entity;
    }

    public static void apply(PartnerUpdate request, Partner entity) {
        entity.name = request.getName().strip();
        entity.shortName = stripped(request.getShortName());
        entity.type = request.getType();
        entity.district = request.getDistrict();
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
