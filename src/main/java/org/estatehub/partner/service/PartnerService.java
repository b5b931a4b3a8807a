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

    @Inject
    PartnerOrganizations organizations;

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

    /** What {@link #create} would refuse, checked without writing (before Keycloak is asked). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireCreatable(PartnerCreate request) {
        if (Partner.findById(request.getId()) != null) {
            throw ProblemException.conflict("A partner with id '" + request.getId() + "' already exists.");
        }
        authorities.requireAssignable("localAuthority", request.getLocalAuthority(), null);
        requireDomainsFree(PartnerMapper.domains(request.getEmailDomains()), request.getId());
    }

    /**
     * Stores a new partner; its organization exists already ({@link PartnerOnboarding#create}, the only
     * caller). Commits when it returns.
     */
    public Partner create(PartnerCreate request) {
        requireCreatable(request);
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
        requireDomainsFree(PartnerMapper.domains(request.getEmailDomains()), id);
        JsonNode before = snapshot(entity);
        PartnerMapper.apply(request, entity);
        entity.updatedAt = PartnershipCalendar.timestamp(clock);
        entity.flush();
        audit.record(PartnerAuditScope.subject(entity), AuditActions.UPDATED, before, snapshot(entity));
        // Last, inside the transaction: when Keycloak fails the update rolls back and both stay as they were.
        // (Only a failed commit after this could leave the organization ahead: the repair check finds that.)
        organizations.sync(entity.id, entity.name, entity.emailDomains);
        return entity;
    }

    /** The partners of all partners (the consistency check), with their domains. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Partner> all() {
        return Partner.<Partner>findAll(Sort.by("id")).list();
    }

    private record DomainHolder(String domain, String partnerId) {
    }

    private static final org.estatehub.common.sql.NamedSql OTHER_PARTNERS_DOMAINS = org.estatehub.common.sql.NamedSql.of(
            "select domain, partner_id from partner_email_domain where partner_id <> :partner order by domain");

    /** A domain belongs to one partner (V40's key): 409 naming the field rather than a constraint failure. */
    private void requireDomainsFree(java.util.Set<String> domains, String partnerId) {
        if (domains.isEmpty()) {
            return;
        }
        List<DomainHolder> taken = Partner.getEntityManager().unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> OTHER_PARTNERS_DOMAINS.list(connection, java.util.Map.of("partner", partnerId),
                        row -> new DomainHolder(row.getString("domain"), row.getString("partner_id"))))
                .stream().filter(held -> domains.contains(held.domain())).toList();
        if (!taken.isEmpty()) {
            DomainHolder first = taken.get(0);
            throw new ProblemException(409, "conflict", "Conflict", "Email domain '" + first.domain()
                    + "' belongs to partner '" + first.partnerId() + "'.",
                    List.of(org.estatehub.common.problem.Problems.fieldError("emailDomains",
                            "'" + first.domain() + "' belongs to partner '" + first.partnerId() + "'")));
        }
    }

    private JsonNode snapshot(Partner entity) {
        return audit.snapshot(PartnerMapper.toApi(entity, authorities));
    }

}
