package org.estatehub.funding.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.Programme;
import org.estatehub.common.money.Money;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.funding.FundingRoundStatus;
import org.hibernate.Session;

/**
 * Requested, awarded and released money by round, rolled up by programme and overall.
 * <p>
 * Every caller gets the same figures, and adding up every line and award of every round is the
 * database's heaviest read (about 6 ms with 4,000 lines, bench/bench.sh). The last answer is therefore
 * reused until {@code funding_version} (migration V12), bumped by each committed funding change, moves on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FundingSummaryService {

    private record Cached(long version, Summary summary) {
    }

    /** Shared with the benchmark, so pgbench measures exactly the SQL the endpoint runs. */
    static final String SUMMARY_SQL = sql("funding/summary.sql");

    private static final NamedSql SUMMARY = NamedSql.of(SUMMARY_SQL);

    private static final NamedSql VERSION = NamedSql.of("select version from funding_version");

    @Inject
    EntityManager em;

    @Inject
    TransactionManager transactions;

    private volatile Cached cached;

    public record Figures(Money requested, Money awarded, Money released, Money awaiting, int bids,
            int successfulBids, int lines) {

        static final Figures ZERO = new Figures(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0, 0, 0);

        Figures plus(Figures o) {
            return new Figures(requested.plus(o.requested), awarded.plus(o.awarded), released.plus(o.released),
                    awaiting.plus(o.awaiting), bids + o.bids, successfulBids + o.successfulBids, lines + o.lines);
        }
    }

    public record RoundFigures(UUID roundId, String name, Programme programme, FundingRoundStatus status,
            Figures figures) {
    }

    public record Summary(Map<Programme, Figures> programmes, List<RoundFigures> rounds, Figures total) {
    }

    public Summary summary() {
        if (insideTransaction()) {
            // The transaction may hold funding changes of its own that the counter does not show yet, and
            // that could still roll back: never reuse an answer here, nor keep this one.
            return compute();
        }
        // The counter is read before the figures, so the figures are never older than the version they
        // are kept under; at worst newer, and then the next change replaces them anyway.
        long version = em.unwrap(Session.class)
                .doReturningWork(connection -> VERSION.one(connection, Map.of(), row -> row.getLong("version")));
        Cached last = cached;
        if (last != null && last.version() == version) {
            return last.summary();
        }
        Summary summary = compute();
        if (last == null || last.version() < version) {
            cached = new Cached(version, summary);
        }
        return summary;
    }

    private boolean insideTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    private Summary compute() {
        if (insideTransaction()) {
            // Plain JDBC does not flush the session first, as a Hibernate query would: the transaction's
            // own pending changes must be in the figures.
            em.flush();
        }
        List<RoundFigures> rows = em.unwrap(Session.class).doReturningWork(connection -> SUMMARY.list(connection,
                Map.of(), row -> new RoundFigures(row.getObject("id", UUID.class), row.getString("name"),
                        Programme.fromValue(row.getString("programme")),
                        FundingRoundStatus.valueOf(row.getString("status")),
                        new Figures(Money.of(row.getBigDecimal("requested")), Money.of(row.getBigDecimal("awarded")),
                                Money.of(row.getBigDecimal("released")), Money.of(row.getBigDecimal("awaiting")),
                                row.getInt("bids"), row.getInt("successful"), row.getInt("lines")))));
        Map<Programme, Figures> programmes = new LinkedHashMap<>();
        for (Programme programme : Programme.values()) {
            programmes.put(programme, Figures.ZERO);
        }
        Figures total = Figures.ZERO;
        for (RoundFigures round : rows) {
            programmes.merge(round.programme(), round.figures(), Figures::plus);
            total = total.plus(round.figures());
        }
        return new Summary(Collections.unmodifiableMap(programmes), List.copyOf(rows), total);
    }

    private static String sql(String resource) {
        try (var in = FundingSummaryService.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("Missing SQL resource " + resource, e);
        }
    }
}
