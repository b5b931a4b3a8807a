package org.estatehub.mou;

import java.time.LocalDate;


public final class MouMapper {

    private MouMapper() {
    }

    public static org.estatehub.api.model.Mou toApi(Mou m, LocalDate today) {
        return new org.estatehub.api.model.Mou()
                .id(m.id).partnerId(m.partnerId).status(m.expired(today) ? org.estatehub.api.model.MouStatus.EXPIRED : toApi(m.status))
                .issuedOn(m.issuedOn).signedOn(m.signedOn).signatory(m.signatory)
                .documentReference(m.documentReference).expiresOn(m.expiresOn).terminatedOn(m.terminatedOn)
                .terminationReason(m.terminationReason).version(m.version);
    }

    // Exhaustive switches: a status added on one side without the other fails to compile.

    public static org.estatehub.api.model.MouStatus toApi(MouStatus s) {
        return switch (s) {
            case DRAFT -> org.estatehub.api.model.MouStatus.DRAFT;
            case ISSUED -> org.estatehub.api.model.MouStatus.ISSUED;
            case SIGNED -> org.estatehub.api.model.MouStatus.SIGNED;
            case TERMINATED -> org.estatehub.api.model.MouStatus.TERMINATED;
        };
    }

    public static MouStatus fromApi(org.estatehub.api.model.MouStatusChange.ToStatusEnum s) {
        return switch (s) {
            case ISSUED -> MouStatus.ISSUED;
            case SIGNED -> MouStatus.SIGNED;
            case TERMINATED -> MouStatus.TERMINATED;
        };
    }
}
