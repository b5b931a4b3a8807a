package org.estatehub.occupation.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.estatehub.api.model.OccupationOpportunity;
import org.estatehub.api.model.OccupationOpportunityFeature;
import org.estatehub.api.model.OccupationOpportunityFeatureProperties;
import org.estatehub.api.model.OpportunityCandidate;
import org.estatehub.api.model.PointGeometry;
import org.estatehub.common.money.Money;
import org.estatehub.occupation.service.OpportunityFinder.Candidate;
import org.estatehub.occupation.service.OpportunityFinder.Opportunity;

/** The opportunity finder's answer as the contract's list and as GeoJSON features (one per listed candidate). */
public final class OpportunityMapper {

    private OpportunityMapper() {
    }

    public static OccupationOpportunity toApi(Opportunity o) {
        return new OccupationOpportunity()
                .occupationId(o.occupationId())
                .assetId(o.assetId())
                .assetName(o.assetName())
                .occupierPartnerId(o.occupierPartnerId())
                .occupierName(o.occupierName())
                .basis(OccupationMapper.toApi(o.basis()))
                .areaM2(o.areaM2())
                .desks(o.desks())
                .endsOn(o.endsOn())
                .breakOn(o.breakOn())
                .eventOn(o.eventOn())
                .event(OccupationOpportunity.EventEnum.fromValue(o.event().name()))
                .yearlyRent(Money.toApi(o.yearlyRent()))
                .yearlyServiceCharge(Money.toApi(o.yearlyServiceCharge()))
                .runningCostShare(Money.toApi(o.runningCostShare()))
                .yearlyCostEnding(o.yearlyCostEnding().toApi())
                .candidateCount(o.candidateCount())
                .candidates(o.candidates().stream().map(OpportunityMapper::toApi).toList());
    }

    private static OpportunityCandidate toApi(Candidate c) {
        return new OpportunityCandidate()
                .assetId(c.assetId())
                .name(c.name())
                .ownerPartnerId(c.ownerPartnerId())
                .assetType(c.assetType())
                .status(c.status())
                .latitude(c.latitude())
                .longitude(c.longitude())
                .distanceM(metres(c.distanceM()))
                .freeAreaM2(c.freeAreaM2())
                .freeDesks(c.freeDesks())
                .runningCostShare(Money.toApi(c.runningCostShare()))
                .yearlySaving(c.yearlySaving().toApi());
    }

    /** One Point feature per listed candidate, in the list's order. */
    public static List<OccupationOpportunityFeature> toFeatures(List<Opportunity> opportunities) {
        List<OccupationOpportunityFeature> features = new ArrayList<>();
        for (Opportunity o : opportunities) {
            for (Candidate c : o.candidates()) {
                features.add(new OccupationOpportunityFeature()
                        .type(OccupationOpportunityFeature.TypeEnum.FEATURE)
                        .id(o.occupationId() + ":" + c.assetId())
                        .geometry(new PointGeometry().type(PointGeometry.TypeEnum.POINT)
                                .coordinates(List.of(c.longitude(), c.latitude())))
                        .properties(new OccupationOpportunityFeatureProperties()
                                .occupationId(o.occupationId())
                                .occupationAssetId(o.assetId())
                                .occupierPartnerId(o.occupierPartnerId())
                                .occupierName(o.occupierName())
                                .eventOn(o.eventOn())
                                .event(OccupationOpportunityFeatureProperties.EventEnum.fromValue(o.event().name()))
                                .yearlyCostEnding(o.yearlyCostEnding().toApi())
                                .assetId(c.assetId())
                                .name(c.name())
                                .ownerPartnerId(c.ownerPartnerId())
                                .status(c.status())
                                .distanceM(metres(c.distanceM()))
                                .freeAreaM2(c.freeAreaM2())
                                .freeDesks(c.freeDesks())
                                .yearlySaving(c.yearlySaving().toApi())));
            }
        }
        return features;
    }

    /** Metres to the decimetre, as the asset search gives distances. */
    private static BigDecimal metres(double distance) {
        return BigDecimal.valueOf(distance).setScale(1, RoundingMode.HALF_UP);
    }
}
