package org.estatehub.history;

import org.estatehub.common.tenancy.Caller;

/**
 * The read rules of one kind of audited record, contributed by its feature as a CDI bean. History and
 * the change feed judge every event by the rules of its scope record as it is now (not as it was when
 * the event was written), so a record that becomes hidden takes its whole history with it.
 * Events of a scope type without a bean are shown to nobody.
 */
public interface AuditScope {

    /** The scope type this bean judges, e.g. `ASSET`. */
    String type();

    /**
     * Fails exactly as reading the record would (404 unknown or hidden, 403 not allowed), so a history
     * never reveals more than the record itself.
     */
    void requireReadable(String scopeId);

    /**
     * SQL condition over `e` (an audit_event row of this scope type): the caller may learn that the
     * record changed. May bind `:callerPartner` (the caller's partner id) and nothing else.
     */
    String visibleSql(Caller caller);

    /** SQL condition over `e`, as {@link #visibleSql}: the caller may also read the changed values. */
    String detailsSql(Caller caller);

    /**
     * Paths of `changes` (`name`, `rag.status`) in the scope record's own events that everyone who may
     * see the event reads even without {@link #detailsSql}: the record's summary, so that the feed shows
     * what a list of such records shows everyone. Parts' events (a project's milestones) and the note
     * stay withheld. Empty (the default): without details, no changes at all.
     */
    default java.util.List<String> summaryPaths() {
        return java.util.List.of();
    }
}
