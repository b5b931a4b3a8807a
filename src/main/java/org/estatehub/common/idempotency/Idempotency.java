package org.estatehub.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a creating POST at most once per Idempotency-Key. The key's row is inserted in the same
 * transaction as the work: a concurrent retry waits on the primary key until the first commits and then
 * replays its answer; if the work fails, the row rolls back with it and a retry runs afresh.
 * <p>
 * A record counts for {@code estatehub.idempotency.retention} (24 hours by default) after the first
 * request: later, the key neither replays nor blocks a new request, which takes the record over.
 * {@link IdempotencyCleanup} deletes expired records so the table holds about one retention period.
 * <p>
 * The answer is stored and handed back as data ({@link Answer}); the rest layer turns it into the HTTP
 * response (common/http/IdempotentResponses).
 */
@ApplicationScoped
public class Idempotency {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "estatehub.idempotency.retention")
    Duration retention;

    private static final NamedSql STORED = NamedSql.of("""
            select request_hash, response_status, response_body, location from idempotency_record
             where partner_id = :partner and idempotency_key = :key""");

    /** The first run's request and answer, as stored under its key. */
    private record Stored(String requestHash, Integer status, String body, String location) {
    }

    /** A fresh answer: status, entity (serialised as JSON) and optional Location. */
    public record Outcome(int status, Object entity, String location) {
    }

    /**
     * What to answer: a fresh outcome (its entity as returned by the work), or the first run's stored
     * answer replayed (its entity the stored JSON text).
     */
    public record Answer(int status, Object entity, String location, boolean replayed) {

        static Answer fresh(Outcome outcome) {
            return new Answer(outcome.status(), outcome.entity(), outcome.location(), false);
        }
    }

    @Transactional
    public Answer run(String key, String operation, Object request, Supplier<Outcome> work) {
        if (key == null) {
            return Answer.fresh(work.get());
        }
        String partner = caller.partnerId();
        String hash = hash(operation, request);
        Instant now = clock.instant();
        // A live record (created after the cut-off) makes this 0 rows and the request a replay; an expired
        // one is taken over exactly as if it had been deleted, under the same row lock a concurrent retry
        // waits on.
        int inserted = em.createNativeQuery("""
                insert into idempotency_record (partner_id, idempotency_key, operation, request_hash, created_at)
                values (:partner, :key, :operation, :hash, :now)
                on conflict (partner_id, idempotency_key) do update
                   set operation = excluded.operation, request_hash = excluded.request_hash,
                       response_status = null, response_body = null, location = null,
                       created_at = excluded.created_at
                 where idempotency_record.created_at <= :expiredFrom""")
                .setParameter("partner", partner).setParameter("key", key)
                .setParameter("operation", operation).setParameter("hash", hash)
                .setParameter("now", utc(now)).setParameter("expiredFrom", utc(expiredFrom(now)))
                .executeUpdate();
        if (inserted == 0) {
            return replay(partner, key, hash);
        }
        Outcome outcome = work.get();
        String body = write(outcome.entity());
        em.createNativeQuery("""
                update idempotency_record set response_status = :status, response_body = :body, location = :location
                 where partner_id = :partner and idempotency_key = :key""")
                .setParameter("status", outcome.status()).setParameter("body", body)
                .setParameter("location", outcome.location())
                .setParameter("partner", partner).setParameter("key", key)
                .executeUpdate();
        return Answer.fresh(outcome);
    }

    /** Deletes the records that no longer count; returns how many. */
    @Transactional
    public int deleteExpired() {
        return em.createNativeQuery("delete from idempotency_record where created_at <= :expiredFrom")
                .setParameter("expiredFrom", utc(expiredFrom(clock.instant())))
                .executeUpdate();
    }

    /** Records created at or before this instant have expired. */
    private Instant expiredFrom(Instant now) {
        return now.minus(retention);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Answer replay(String partner, String key, String hash) {
        // The session's connection: the transaction whose insert just met the first run's committed key.
        Stored row = em.unwrap(Session.class).doReturningWork(connection -> STORED.one(connection,
                Map.of("partner", partner, "key", key),
                r -> new Stored(r.getString(1), r.getObject(2, Integer.class), r.getString(3), r.getString(4))));
        if (!hash.equals(row.requestHash())) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "The Idempotency-Key '" + key + "' was already used for a different request; nothing was done.");
        }
        return new Answer(row.status(), row.body(), row.location(), true);
    }

    /** A number field of a replayed answer's JSON body (a String), or of nothing else: null. */
    public static Long longField(Object replayedBody, String field) {
        if (!(replayedBody instanceof String body)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode value = READER.readTree(body).get(field);
            return value != null && value.canConvertToLong() ? value.asLong() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static final ObjectMapper READER = new ObjectMapper();

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
