package org.estatehub.funding.service;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.GivingGrant;
import org.estatehub.api.model.GivingLocation;
import org.estatehub.api.model.GivingOrganization;
import org.estatehub.api.model.GivingProgramme;
import org.estatehub.api.model.Programme;
import org.estatehub.common.money.Money;
import org.estatehub.common.sql.NamedSql;
import org.hibernate.Session;

/**
 * The partnership's awards as 360Giving grants (GET /awards/export): one grant per award, i.e. per
 * awarded bid line. Awards and their released amounts are readable by every partner (AwardQueries), so
 * every caller gets the same grants.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GivingExport {

    private static final NamedSql GRANTS = NamedSql.of(sql("funding/giving.sql"));

    @Inject
    EntityManager em;

    @Inject
    GivingSettings settings;

    public List<GivingGrant> grants(Programme programme, UUID roundId) {
        Map<String, Object> params = new HashMap<>();
        params.put("programme", programme == null ? null : programme.toString());
        params.put("roundId", roundId);
        return em.unwrap(Session.class).doReturningWork(connection -> GRANTS.list(connection, params, this::grant));
    }

    private GivingGrant grant(ResultSet row) throws SQLException {
        Programme programme = Programme.fromValue(row.getString("programme"));
        String programmeName = row.getString("programme_name");
        String project = row.getString("project_name");
        String partnerId = row.getString("recipient_partner_id");
        GivingSettings.Funder funder = settings.funder(programme);
        GivingGrant grant = new GivingGrant()
                .id(GivingIdentifiers.grant(settings.prefix(), row.getObject("id", UUID.class)))
                .title(project)
                .description(description(programmeName, project, row.getString("project_description"),
                        activities(row.getArray("activities"))))
                .currency(GivingGrant.CurrencyEnum.GBP)
                .amountAppliedFor(pounds(row.getBigDecimal("amount_requested")))
                .amountAwarded(pounds(row.getBigDecimal("amount_awarded")))
                .amountDisbursed(pounds(row.getBigDecimal("released")))
                .awardDate(row.getObject("award_date", java.time.LocalDate.class))
                .recipientOrganization(List.of(new GivingOrganization()
                        .id(GivingIdentifiers.recipient(settings.prefix(), partnerId, row.getString("recipient_type"),
                                row.getString("recipient_la_code"), row.getString("recipient_nation"),
                                settings.recipientId(partnerId)))
                        .name(row.getString("recipient_name"))))
                .fundingOrganization(List.of(new GivingOrganization().id(funder.id()).name(funder.name())))
                .grantProgramme(List.of(new GivingProgramme().code(programme.toString())
                        .title(programmeName + ": " + row.getString("round_name"))))
                .dateModified(row.getObject("modified", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
        String gss = row.getString("project_la");
        // Without a location the field is left out, never an empty list: the standard's arrays hold items.
        grant.setBeneficiaryLocation(gss == null ? null : List.of(new GivingLocation().name(row.getString("project_la_name"))
                .countryCode(GivingLocation.CountryCodeEnum.GB).geoCode(gss)
                .geoCodeType(GivingIdentifiers.geoCodeType(gss).orElse(null))));
        settings.dataSource().ifPresent(url -> grant.setDataSource(URI.create(url)));
        return grant;
    }

    /** The standard requires a description; a project without one is described by what was funded. */
    static String description(String programmeName, String project, String projectDescription, List<String> activities) {
        List<String> parts = new ArrayList<>();
        if (projectDescription != null && !projectDescription.isBlank()) {
            parts.add(projectDescription.strip());
        } else {
            parts.add(programmeName + " funding for " + project + ".");
        }
        if (!activities.isEmpty()) {
            parts.add("Funded activities: " + String.join("; ", activities) + ".");
        }
        return String.join(" ", parts);
    }

    private static List<String> activities(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Exact pounds and pence, as the database holds them (Money fails on fractions of a penny). */
    private static BigDecimal pounds(BigDecimal amount) {
        return Money.of(amount).pounds();
    }

    private static String sql(String resource) {
        try (var in = GivingExport.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("Missing SQL resource " + resource, e);
        }
    }
}
