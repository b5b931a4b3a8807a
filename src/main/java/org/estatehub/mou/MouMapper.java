package org.estatehub.mou;

import java.time.LocalDate;

import org.estatehub.api.model.MouStatus;

public final class MouMapper {

    private MouMapper() {
    }

    public static org.estatehub.api.model.Mou toApi(Mou m, LocalDate today) {
        return new org.estatehub.api.model.Mou()
                .id(m.id).partnerId(m.partnerId).status(MouStatus.fromValue(m.effectiveStatus(today)))
                .issuedOn(m.issuedOn).signedOn(m.signedOn).signatory(m.signatory)
                .documentReference(m.documentReference).expiresOn(m.expiresOn).terminatedOn(m.terminatedOn)
                .terminationReason(m.terminationReason).version(m.version);
    }
}
