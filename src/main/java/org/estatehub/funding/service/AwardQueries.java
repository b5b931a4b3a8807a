package org.estatehub.funding.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.Programme;
import org.estatehub.common.paging.NativePaging;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.sql.Where;
import org.estatehub.funding.Award;
import org.estatehub.funding.BidLine;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.mapping.FundingMapper;
import org.estatehub.project.Project;

/** Awards with their balances; readable by every partner. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AwardQueries {

    @Inject
    EntityManager em;

    public Slice<Award> list(Programme programme, UUID roundId, UUID projectId, String recipient, int limit, int offset) {
        Where where = new Where();
        if (programme != null) {
            where.and("a.programme = :programme", "programme", programme.toString());
        }
        if (roundId != null) {
            where.and("b.round_id = :roundId", "roundId", roundId);
        }
        if (projectId != null) {
            where.and("a.project_id = :projectId", "projectId", projectId);
        }
        if (recipient != null) {
            where.and("a.recipient_partner_id = :recipient", "recipient", recipient);
        }
        String from = "from award a join bid_line l on l.id = a.bid_line_id join bid b on b.id = l.bid_id"
                + " join funding_round r on r.id = b.round_id join project p on p.id = a.project_id " + where.sql();
        return NativePaging.page(em, Award.class, "a", from, "r.opens_on, p.name, a.id", where.params(), limit,
                offset);
    }

    public Award get(UUID id) {
        Award award = Award.findById(id);
        if (award == null) {
            throw ProblemException.notFound("No award with id '" + id + "'.");
        }
        return award;
    }

    public org.estatehub.api.model.Award view(Award award) {
        BidLine line = BidLine.findById(award.bidLineId);
        FundingRound round = FundingRound.findById(line.bid.roundId);
        Project project = Project.findById(award.projectId);
        return FundingMapper.toApi(award, line, round, project);
    }
}
