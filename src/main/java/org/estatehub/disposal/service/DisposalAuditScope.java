package org.estatehub.disposal.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.disposal.Disposal;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.PublicAuditScope;
import org.estatehub.history.ScopeTypes;
import org.hibernate.Session;

/**
 * A disposal opportunity is published to the whole partnership (first refusal is offered to every public
 * partner), so its history is everyone's too, even where the asset itself is OWNER_ONLY: the disposal's
 * representation holds only its published fields. Expressions of interest are not in it; they are their own
 * scope (DISPOSAL_INTEREST), confidential to their author, the owner and the overseers.
 */
@ApplicationScoped
public class DisposalAuditScope extends PublicAuditScope {

    public static final String TYPE = ScopeTypes.DISPOSAL;

    private static final NamedSql EXISTS = NamedSql.of("select count(*) from disposal where id = :id");

    @Inject
    EntityManager em;

    /** The owner partner is the event's partner: the disposal is that partner's declaration. */
    public static AuditSubject subject(Disposal disposal) {
        return AuditSubject.of(TYPE, disposal.id, disposal.ownerPartnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        UUID id = UUID.fromString(scopeId);
        long found = em.unwrap(Session.class).doReturningWork(connection -> EXISTS.count(connection, Map.of("id", id)));
        if (found == 0) {
            throw ProblemException.notFound("No disposal " + id + ".");
        }
    }
}
