package org.estatehub.common.tenancy;

/** Realm roles of the partnership's Keycloak realm. */
public final class Roles {

    public static final String PMO_ADMIN = "pmo-admin";
    /** A partner's own administrator: onboards its staff and identity provider (issue #18). */
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String PARTNER_EDITOR = "partner-editor";
    public static final String PARTNER_VIEWER = "partner-viewer";
    public static final String S151_OFFICER = "s151-officer";
    public static final String BOARD_MEMBER = "board-member";

    public static final java.util.List<String> ALL =
            java.util.List.of(PMO_ADMIN, PARTNER_ADMIN, PARTNER_EDITOR, PARTNER_VIEWER, S151_OFFICER, BOARD_MEMBER);

    /** The roles a partner grants its own staff (onboarding); never a programme role. */
    public static final java.util.List<String> PARTNER_ROLES = java.util.List.of(PARTNER_ADMIN, PARTNER_EDITOR, PARTNER_VIEWER);

    /** Roles of the whole programme, which only the programme office manages. */
    public static final java.util.List<String> PROGRAMME_ROLES = java.util.List.of(PMO_ADMIN, S151_OFFICER, BOARD_MEMBER);

    private Roles() {
    }
}
