package org.estatehub.funding.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.Programme;
import org.estatehub.api.model.RoundStatus;

/** Requested, awarded and released money by round, rolled up by programme and overall. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FundingSummaryService {

    @Inject
    EntityManager em;

    public record Figures(BigDecimal requested, BigDecimal awarded, BigDecimal released, BigDecimal awaiting, int bids,
            int successfulBids, int lines) {

        static final Figures ZERO = new Figures(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 0, 0);

        Figures plus(Figures o) {
            return new Figures(requested.add(o.requested), awarded.add(o.awarded), released.add(o.released),
                    awaiting.add(o.awaiting), bids + o.bids, successfulBids + o.successfulBids, lines + o.lines);
        }
    }

    public record RoundFigures(UUID roundId, String name, Programme programme, RoundStatus status, Figures figures) {
    }

    public record Summary(Map<Programme, Figures> programmes, List<RoundFigures> rounds, Figures total) {
    }

    public Summary summary() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with line_figures as (
                    select b.round_id,
                           coalesce(sum(l.amount_requested) filter (where b.status in ('SUBMITTED', 'DECIDED')), 0) requested,
                           coalesce(sum(l.amount_awarded) filter (where b.status = 'DECIDED'), 0) awarded,
                           coalesce(sum(l.amount_requested) filter (where b.status = 'SUBMITTED'), 0) awaiting,
                           count(distinct b.id) filter (where b.status in ('SUBMITTED', 'DECIDED')) bids,
                           count(distinct b.id) filter (where b.status = 'DECIDED' and l.amount_awarded > 0) successful,
                           count(l.id) filter (where b.status in ('SUBMITTED', 'DECIDED')) lines
                      from bid b join bid_line l on l.bid_id = b.id
                     group by b.round_id),
                released as (
                    select b.round_id, sum(a.released) released
                      from award a join bid_line l on l.id = a.bid_line_id join bid b on b.id = l.bid_id
                     group by b.round_id)
                select r.id, r.name, r.programme, r.status,
                       coalesce(f.requested, 0), coalesce(f.awarded, 0), coalesce(x.released, 0), coalesce(f.awaiting, 0),
                       coalesce(f.bids, 0), coalesce(f.successful, 0), coalesce(f.lines, 0)
                  from funding_round r
                  left join line_figures f on f.round_id = r.id
                  left join released x on x.round_id = r.id
                 order by r.opens_on, r.name""", Object[].class).getResultList();
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
            rounds.add(new RoundFigures((UUID) r[0], (String) r[1], programme, RoundStatus.fromValue((String) r[3]),
                    figures));
            programmes.merge(programme, figures, Figures::plus);
            total = total.plus(figures);
        }
        return new Summary(programmes, rounds, total);
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2);
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }

}
