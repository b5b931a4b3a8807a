package org.estatehub.authority.mapping;

import org.estatehub.api.model.LocalAuthorityType;
import org.estatehub.authority.LocalAuthority;

public final class LocalAuthorityMapper {

    private LocalAuthorityMapper() {
    }

    /** The authority as the contract shows it; whether it is in the partnership's area is configuration. */
    public static org.estatehub.api.model.LocalAuthority toApi(LocalAuthority a, boolean inPartnershipArea) {
        return new org.estatehub.api.model.LocalAuthority()
                .code(a.code)
                .name(a.name)
                .officialName(a.officialName)
                .type(LocalAuthorityType.fromValue(a.type))
                .typeName(a.typeName)
                .nation(org.estatehub.api.model.LocalAuthority.NationEnum.fromValue(a.nation))
                .region(a.region)
                .countyCode(a.countyCode)
                .startDate(a.startDate)
                .endDate(a.endDate)
                .replacedBy(a.replacedBy)
                .current(a.current)
                .inPartnershipArea(inPartnershipArea);
    }
}
