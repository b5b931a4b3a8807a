package org.estatehub.funding.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.FundingRoundInput;
import org.estatehub.api.model.Programme;
import org.estatehub.common.http.ETags;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.FundingRoundStatus;
import org.estatehub.funding.mapping.FundingMapper;
import org.hibernate.Session;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RoundService {

    @Inject
    Clock clock;

    @Inject
    FundingAccess access;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<FundingRound> list(Programme programme, FundingRoundStatus status, int limit, int offset) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (programme != null) {
            conditions.add("programme = :programme");
            params.put("programme", programme);
        }
        if (status != null) {
            conditions.add("status = :status");
            params.put("status", status);
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        var query = FundingRound.<FundingRound>find(where, Sort.by("opensOn").and("name").and("id"), params);
        return new Slice<>(query.range(offset, offset + limit - 1).list(), query.count());
    }

    private static final NamedSql PROGRAMMES = NamedSql.of("select code, name, paid_via from programme");

    public record ProgrammeRow(Programme code, String name, String paidVia) {
    }

    /** The programmes' reference rows (table programme), in the order of the Programme enum. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgrammeRow> programmes() {
        List<ProgrammeRow> rows = em.unwrap(Session.class).doReturningWork(connection -> PROGRAMMES.list(connection,
                Map.of(), row -> new ProgrammeRow(Programme.fromValue(row.getString("code")), row.getString("name"),
                        row.getString("paid_via"))));
        return rows.stream().sorted(java.util.Comparator.comparing(ProgrammeRow::code)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FundingRound get(UUID id) {
        FundingRound round = FundingRound.findById(id);
        if (round == null) {
            throw ProblemException.notFound("No funding round with id '" + id + "'.");
        }
        return round;
    }

    public FundingRound create(FundingRoundInput input) {
        access.requirePmo("add funding rounds");
        FundingRoundStatus status = input.getStatus() == null ? FundingRoundStatus.PLANNED
                : FundingMapper.fromApi(input.getStatus());
        List<FieldError> errors = validate(input);
        if (!FundingRoundLifecycle.initial(status)) {
            errors.add(Problems.fieldError("status", "a new round is PLANNED or OPEN"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireUniqueName(input.getName().strip(), null);
        FundingRound round = new FundingRound();
        round.id = UUID.randomUUID();
        round.programme = input.getProgramme();
        round.status = status;
        apply(input, round);
        round.createdAt = PartnershipCalendar.timestamp(clock);
        round.updatedAt = round.createdAt;
        round.persistAndFlush();
        audit.record(FundingAuditScopes.subject(round), AuditActions.CREATED, null, snapshot(round));
        return round;
    }

    public FundingRound update(UUID id, FundingRoundInput input, String ifMatch) {
        access.requirePmo("change funding rounds");
        FundingRound round = get(id);
        ETags.requireMatch(ifMatch, round.version);
        List<FieldError> errors = validate(input);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (input.getProgramme() != round.programme) {
            throw ProblemException.conflict("A round's programme never changes (it is " + round.programme + ").");
        }
        FundingRoundStatus to = input.getStatus() == null ? round.status : FundingMapper.fromApi(input.getStatus());
        FundingRoundLifecycle.requireChange(round.status, to);
        requireUniqueName(input.getName().strip(), id);
        var before = snapshot(round);
        round.status = to;
        apply(input, round);
        round.updatedAt = PartnershipCalendar.timestamp(clock);
        round.flush();
        audit.record(FundingAuditScopes.subject(round), AuditActions.UPDATED, before, snapshot(round));
        return round;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode snapshot(FundingRound round) {
        return audit.snapshot(FundingMapper.toApi(round));
    }

    private static List<FieldError> validate(FundingRoundInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.getClosesOn().isBefore(input.getOpensOn())) {
            errors.add(Problems.fieldError("closesOn", "must not be before opensOn"));
        }
        if (input.getDecisionDue() != null && input.getDecisionDue().isBefore(input.getClosesOn())) {
            errors.add(Problems.fieldError("decisionDue", "must not be before closesOn"));
        }
        return errors;
    }

    private static void requireUniqueName(String name, UUID except) {
        long clashes = except == null ? FundingRound.count("name", name)
                : FundingRound.count("name = ?1 and id <> ?2", name, except);
        if (clashes > 0) {
            throw ProblemException.conflict("A funding round named '" + name + "' already exists.");
        }
    }

    private static void apply(FundingRoundInput input, FundingRound round) {
        round.name = input.getName().strip();
        round.opensOn = input.getOpensOn();
        round.closesOn = input.getClosesOn();
        round.decisionDue = input.getDecisionDue();
    }

}
