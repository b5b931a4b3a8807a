package org.estatehub.brownfield.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.PublicAuditScope;

/** A site's history is as public as the register: every caller reads all of it. */
@ApplicationScoped
public class BrownfieldAuditScope extends PublicAuditScope {

    public static final String TYPE = "BROWNFIELD_SITE";

    public static AuditSubject subject(BrownfieldSite site) {
        return AuditSubject.of(TYPE, site.id, site.ownerPartnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        // Every site is readable by every caller; an unknown id has no events to read.
    }
}
