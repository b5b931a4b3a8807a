package org.estatehub.workspace.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;
import org.estatehub.workspace.Workspace;

/** A workspace's events (set-up, allocations) are read by whoever reads the workspace, as it is now. */
@ApplicationScoped
public class WorkspaceAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.WORKSPACE;

    @Inject
    WorkspaceService workspaces;

    public static AuditSubject subject(Workspace w, String assetOwnerPartnerId) {
        return AuditSubject.of(TYPE, w.id, assetOwnerPartnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        workspaces.get(UUID.fromString(scopeId));
    }

    @Override
    public String visibleSql(Caller caller) {
        return caller.readsEverything() ? "true"
                : "exists (select 1 from workspace w join asset a on a.id = w.asset_id where w.id = cast(e.scope_id as uuid)"
                        + " and (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :callerPartner"
                        + " or exists (select 1 from workspace_allocation wa where wa.workspace_id = w.id"
                        + " and wa.partner_id = :callerPartner)))";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
