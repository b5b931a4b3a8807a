package org.estatehub.history;

/**
 * Scope types of the records with their own history (audit_event.scope_type holds these strings); each
 * has an AuditScope bean in its feature, and GET /…/{id}/history pages by them.
 */
public final class ScopeTypes {

    public static final String PARTNER = "PARTNER";
    public static final String ASSET = "ASSET";
    public static final String PROJECT = "PROJECT";
    public static final String FUNDING_ROUND = "FUNDING_ROUND";
    public static final String BID = "BID";
    public static final String AWARD = "AWARD";
    public static final String MOU = "MOU";
    public static final String DISPOSAL = "DISPOSAL";
    public static final String DISPOSAL_INTEREST = "DISPOSAL_INTEREST";
    public static final String OCCUPATION = "OCCUPATION";
    public static final String WORKSPACE = "WORKSPACE";
    public static final String DESK_BOOKING = "DESK_BOOKING";
    /** Who may act for a partner: its members, their roles, its identity provider (issue #18). */
    public static final String PARTNER_ACCESS = "PARTNER_ACCESS";

    private ScopeTypes() {
    }
}
