package org.estatehub.partner.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.PartnerCreate;
import org.estatehub.api.model.PartnerType;
import org.estatehub.api.model.PartnerUpdate;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;
import org.estatehub.partner.mapping.PartnerMapper;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PartnerService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    public record PartnerSlice(List<Partner> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerSlice list(PartnerType type, int limit, int offset) {
        var query = type == null ? Partner.<Partner>findAll(Sort.by("id"))
                : Partner.<Partner>find("type", Sort.by("id"), type);
        List<Partner> items = query.range(offset, offset + limit - 1).list();
        return new PartnerSlice(items, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Partner> find(String id) {
        return Partner.findByIdOptional(id);
    }

    public Partner get(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("No partner with id '" + id + "'."));
    }

    public Partner create(PartnerCreate request) {
        if (Partner.findById(request.getId()) != null) {
            throw ProblemException.conflict("A partner with id '" + request.getId() + "' already exists.");
        }
        authorities.requireAssignable("localAuthority", request.getLocalAuthority(), null);
        Partner entity = PartnerMapper.newEntity(request);
        entity.createdAt = PartnershipCalendar.timestamp(clock);
        entity.updatedAt = entity.createdAt;
        entity.persistAndFlush();
        audit.record(PartnerAuditScope.subject(entity), AuditActions.CREATED, null, snapshot(entity));
        return entity;
    }

    public Partner update(String id, PartnerUpdate request, String ifMatch) {
        Partner entity = get(id);
        ETags.requireMatch(ifMatch, entity.version);
        authorities.requireAssignable("localAuthority", request.getLocalAuthority(), entity.localAuthority);
        JsonNode before = snapshot(entity);
        PartnerMapper.apply(request, entity);
        entity.updatedAt = PartnershipCalendar.timestamp(clock);
        entity.flush();
        audit.record(PartnerAuditScope.subject(entity), AuditActions.UPDATED, before, snapshot(entity));
        return entity;
    }

    private JsonNode snapshot(Partner entity) {
        return audit.snapshot(PartnerMapper.toApi(entity, authorities));
    }

}
