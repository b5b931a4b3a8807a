package org.estatehub.funding.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.estatehub.funding.Award;
import org.estatehub.funding.Bid;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.mapping.FundingMapper;
import org.estatehub.project.Project;

/** A bid as the API shows it: its round, its lines' projects and their awards. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BidViews {

    public org.estatehub.api.model.Bid view(Bid bid) {
        FundingRound round = FundingRound.findById(bid.roundId);
        List<UUID> projectIds = bid.lines.stream().map(l -> l.projectId).toList();
        Map<UUID, Project> projects = new HashMap<>();
        if (!projectIds.isEmpty()) {
            Project.<Project>list("id in ?1", projectIds).forEach(p -> projects.put(p.id, p));
        }
        Map<UUID, UUID> awardIds = new HashMap<>();
        List<UUID> lineIds = bid.lines.stream().map(l -> l.id).toList();
        if (!lineIds.isEmpty()) {
            Award.<Award>list("bidLineId in ?1", lineIds).forEach(a -> awardIds.put(a.bidLineId, a.id));
        }
        return FundingMapper.toApi(bid, round, projects, awardIds);
    }
}
