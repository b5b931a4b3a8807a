package org.estatehub.history;

import org.estatehub.common.tenancy.Caller;

/** Read rules of records every partner reads in full (funding rounds, bids): all of their history. */
public abstract class PublicAuditScope implements AuditScope {

    @Override
    public String visibleSql(Caller caller) {
        return "true";
    }

    @Override
    public String detailsSql(Caller caller) {
        return "true";
    }
}
