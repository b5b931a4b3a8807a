package org.estatehub.occupation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.service.AuditLog;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * Announces in the change feed each occupation's end or break date when it first falls within
 * `estatehub.occupation.lease-events.feed-months` of today: one event per occupation, kind and date, under
 * the occupation's own scope, so the feed shows it to exactly those who read the occupation. The row in
 * occupation_lease_event and the event are written in one transaction; its primary key makes a second
 * replica running at the same time wait and then write nothing (V36).
 */
@ApplicationScoped
public class LeaseEventsFeed {

    public static final String END_APPROACHING = "OCCUPATION_END_APPROACHING";
    public static final String BREAK_APPROACHING = "OCCUPATION_BREAK_APPROACHING";

    /** The actor of events no caller made (as the demo data's). */
    static final String ACTOR = "lease-events";

    private static final Logger LOG = Logger.getLogger(LeaseEventsFeed.class);

    /**
     * Rows are inserted in key order, so two replicas inserting the same rows wait on each other in the
     * same order and never deadlock.
     */
    private static final NamedSql ANNOUNCE = NamedSql.of("with due as ("
            + " select id as occupation_id, 'END' as kind, ends_on as due_on from occupation"
            + " where ends_on between :from and :to"
            + " union all select id, 'BREAK', break_on from occupation where break_on between :from and :to),"
            + " fresh as (insert into occupation_lease_event (occupation_id, kind, due_on, announced_at)"
            + " select occupation_id, kind, due_on, :now from due order by occupation_id, kind, due_on"
            + " on conflict do nothing returning occupation_id, kind, due_on)"
            + " select f.occupation_id, f.kind, f.due_on, a.owner_partner_id from fresh f"
            + " join occupation o on o.id = f.occupation_id join asset a on a.id = o.asset_id"
            + " order by f.due_on, f.occupation_id, f.kind");

    @ConfigProperty(name = "estatehub.occupation.lease-events.feed-months", defaultValue = "12")
    int feedMonths;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Scheduled(identity = "occupation-lease-events", every = "{estatehub.occupation.lease-events.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int announced = announce();
        if (announced > 0) {
            LOG.infof("Announced %d lease events in the change feed", announced);
        }
    }

    /** @return the number of events written (dates not announced before) */
    @Transactional
    public int announce() {
        LocalDate today = PartnershipCalendar.today(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("from", today);
        params.put("to", today.plusMonths(feedMonths));
        params.put("now", PartnershipCalendar.timestamp(clock));
        record Fresh(UUID occupation, String kind, LocalDate dueOn, String owner) {
        }
        List<Fresh> fresh = em.unwrap(Session.class).doReturningWork(c -> ANNOUNCE.list(c, params,
                r -> new Fresh(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, LocalDate.class),
                        r.getString(4))));
        for (Fresh f : fresh) {
            boolean end = "END".equals(f.kind());
            var after = json.createObjectNode().put(end ? "endsOn" : "breakOn", f.dueOn().toString());
            AuditSubject subject = AuditSubject.of(OccupationAuditScope.TYPE, f.occupation(), f.owner());
            audit.recordWithoutCaller(ACTOR, subject, end ? END_APPROACHING : BREAK_APPROACHING, null, after,
                    "Within " + feedMonths + " months");
        }
        return fresh.size();
    }
}
