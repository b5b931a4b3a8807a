package org.estatehub.funding.service;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.estatehub.funding.FundingRoundStatus;

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
        long version = ((Number) em.createNativeQuery("select version from funding_version", Long.class)
                .getSingleResult()).longValue();
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUMMARY_SQL, Object[].class).getResultList();
        Map<Programme, Figures> programmes = new LinkedHashMap<>();
        for (Programme programme : Programme.values()) {
            programmes.put(programme, Figures.ZERO);
        }
        List<RoundFigures> rounds = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Object[] r : rows) {
            Figures figures = new Figures(money(r[4]), money(r[5]), money(r[6]), money(r[7]), count(r[8]), count(r[9]),
                    count(r[10]));
            Programme programme = Programme.fromValue((String) r[2]);
            rounds.add(new RoundFigures((UUID) r[0], (String) r[1], programme, FundingRoundStatus.valueOf((String) r[3]),
                    figures));
            programmes.merge(programme, figures, Figures::plus);
            total = total.plus(figures);
        }
        return new Summary(Collections.unmodifiableMap(programmes), List.copyOf(rounds), total);
    }

    private static Money money(Object value) {
        return Money.of((BigDecimal) value);
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
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
