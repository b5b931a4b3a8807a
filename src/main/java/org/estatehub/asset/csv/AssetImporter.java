package org.estatehub.asset.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.api.model.FieldError;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.asset.service.AssetAuditScope;
import org.estatehub.common.audit.AuditActions;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.partner.Partner;
import org.postgresql.PGConnection;

/**
 * Imports a Transparency Code assets file for one owner, all or nothing. Every row is checked before
 * anything is written; rows are then copied into a temporary table and merged into the register in
 * a few set-based statements, matching existing assets by (owner, UPRN) or else (owner, own reference).
 */
@ApplicationScoped
public class AssetImporter {

    /** Enough to list every bad row of any real register while keeping the problem document bounded. */
    static final int MAX_REPORTED_ERRORS = 10_000;

    @Inject
    AssetAccess access;

    @Inject
    DataSource dataSource;

    public record Outcome(String ownerPartnerId, int rows, int created, int updated, int unchanged) {
    }

    @Transactional
    public Outcome importFile(String csv, String requestedOwner) {
        String ownerId = access.ownerFor(requestedOwner);
        Partner owner = Partner.findById(ownerId);
        if (owner == null) {
            throw ProblemException.notFound("No partner with id '" + ownerId + "'.");
        }
        List<ImportRow> rows = parse(csv, owner);
        try {
            return save(rows, owner.id);
        } catch (SQLException e) {
            throw new IllegalStateException("Import into the register failed", e);
        }
    }

    private List<ImportRow> parse(String csv, Partner owner) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("The file is empty; send a header line and one line per asset.");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        List<ImportRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int lines = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(csv)), format)) {
            var records = parser.iterator();
            Map<TransparencyColumns, Integer> columns = header(records.next());
            ImportRowParser rowParser = new ImportRowParser(owner, columns);
            Map<String, Integer> keys = new HashMap<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = (int) record.getRecordNumber();
                lines++;
                ImportRow row = rowParser.parse(record, line, errors);
                if (row != null) {
                    String key = row.uprn() != null ? "UPRN " + row.uprn() : "Unique Asset ID " + row.ownReference();
                    Integer first = keys.putIfAbsent(key, line);
                    if (first != null) {
                        errors.add(new FieldError().row(line)
                                .field(row.uprn() != null ? "UPRN" : "Unique Asset ID")
                                .message(key + " also appears on line " + first));
                    } else {
                        rows.add(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badRequest("The file is not valid CSV: " + e.getMessage());
        }
        if (lines == 0) {
            throw ProblemException.badRequest("The file has a header but no asset rows.");
        }
        if (!errors.isEmpty()) {
            throw rowErrors(errors, lines);
        }
        return rows;
    }

    private static Map<TransparencyColumns, Integer> header(CSVRecord header) {
        Map<TransparencyColumns, Integer> columns = new EnumMap<>(TransparencyColumns.class);
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            TransparencyColumns column = TransparencyColumns.match(header.get(i));
            if (column != null && columns.putIfAbsent(column, i) != null) {
                duplicates.add(header.get(i));
            }
        }
        List<String> missing = new ArrayList<>();
        for (TransparencyColumns required : List.of(TransparencyColumns.NAME, TransparencyColumns.X,
                TransparencyColumns.Y, TransparencyColumns.TENURE)) {
            if (!columns.containsKey(required)) {
                missing.add(required.header());
            }
        }
        if (!columns.containsKey(TransparencyColumns.UPRN) && !columns.containsKey(TransparencyColumns.ASSET_ID)) {
            missing.add("UPRN or Unique Asset ID");
        }
        if (!missing.isEmpty() || !duplicates.isEmpty()) {
            throw ProblemException.badRequest("The header line "
                    + (missing.isEmpty() ? "" : "lacks the columns " + String.join(", ", missing))
                    + (missing.isEmpty() || duplicates.isEmpty() ? "" : " and ")
                    + (duplicates.isEmpty() ? "" : "repeats the columns " + String.join(", ", duplicates))
                    + ". See the README for the layout.");
        }
        return columns;
    }

    private static ProblemException rowErrors(List<FieldError> errors, int lines) {
        long badRows = errors.stream().map(FieldError::getRow).distinct().count();
        String detail = badRows + " of " + lines + " rows are invalid; nothing was saved."
                + (errors.size() > MAX_REPORTED_ERRORS ? " The first " + MAX_REPORTED_ERRORS + " errors are listed." : "");
        return new ProblemException(422, "invalid-rows", "Invalid rows", detail,
                errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors);
    }

    private Outcome save(List<ImportRow> rows, String owner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            exec(connection, "select pg_advisory_xact_lock(hashtext('asset-import:' || ?))", owner);
            exec(connection, """
                    create temp table asset_import (
                        line int not null, uprn varchar(12), own_reference varchar(60), name varchar(200) not null,
                        asset_type varchar(30) not null, land_only boolean not null, street varchar(200),
                        town varchar(100), postcode varchar(8), district varchar(30) not null,
                        latitude numeric(9,6) not null, longitude numeric(9,6) not null, tenure varchar(20) not null,
                        gross_internal_area_m2 numeric(12,2), annual_running_cost numeric(14,2),
                        utilisation_percent numeric(5,2), status varchar(20) not null,
                        shared_workspace_desks int not null, visibility varchar(20) not null,
                        epims_reference varchar(30), asset_id uuid, old_status varchar(20), changed boolean,
                        before_doc jsonb
                    ) on commit drop""");
            copy(connection, rows);
            exec(connection, "analyze asset_import");
            // Two equi-joins rather than one join on an OR, which PostgreSQL could only run as a nested loop.
            exec(connection, """
                    update asset_import s set asset_id = a.id, old_status = a.status
                      from asset a
                     where a.owner_partner_id = ? and s.uprn is not null and a.uprn = s.uprn""", owner);
            exec(connection, """
                    update asset_import s set asset_id = a.id, old_status = a.status
                      from asset a
                     where a.owner_partner_id = ? and s.uprn is null and a.own_reference = s.own_reference""",
                    owner);
            rejectConflicts(connection, owner);
            exec(connection, """
                    update asset_import s set changed = (a.name, a.asset_type, a.land_only, a.street, a.town,
                           a.postcode, a.district, a.uprn, a.own_reference, a.latitude, a.longitude, a.tenure,
                           a.gross_internal_area_m2, a.annual_running_cost, a.utilisation_percent, a.status,
                           a.shared_workspace_desks, a.visibility, a.epims_reference)
                           is distinct from (s.name, s.asset_type, s.land_only, s.street, s.town, s.postcode,
                           s.district, s.uprn, s.own_reference, s.latitude, s.longitude, s.tenure,
                           s.gross_internal_area_m2, s.annual_running_cost, s.utilisation_percent, s.status,
                           s.shared_workspace_desks, s.visibility, s.epims_reference)
                      from asset a where a.id = s.asset_id""");
            // The audit history needs each changed asset as it was (asset_audit_doc: its API representation).
            exec(connection, """
                    update asset_import s set before_doc = asset_audit_doc(a)
                      from asset a where a.id = s.asset_id and s.changed""");
            int updated = exec(connection, """
                    update asset a set name = s.name, asset_type = s.asset_type, land_only = s.land_only,
                           street = s.street, town = s.town, postcode = s.postcode, district = s.district,
                           uprn = s.uprn, own_reference = s.own_reference, latitude = s.latitude,
                           longitude = s.longitude, tenure = s.tenure, gross_internal_area_m2 = s.gross_internal_area_m2,
                           annual_running_cost = s.annual_running_cost, utilisation_percent = s.utilisation_percent,
                           status = s.status, shared_workspace_desks = s.shared_workspace_desks,
                           visibility = s.visibility, epims_reference = s.epims_reference,
                           updated_at = now(), version = a.version + 1
                      from asset_import s where s.asset_id = a.id and s.changed""");
            exec(connection, "update asset_import set asset_id = gen_random_uuid() where asset_id is null");
            int created = exec(connection, """
                    insert into asset (id, owner_partner_id, name, asset_type, land_only, street, town, postcode,
                           district, uprn, own_reference, epims_reference, latitude, longitude, tenure,
                           gross_internal_area_m2, annual_running_cost, utilisation_percent, status,
                           shared_workspace_desks, visibility)
                    select asset_id, ?, name, asset_type, land_only, street, town, postcode, district, uprn,
                           own_reference, epims_reference, latitude, longitude, tenure, gross_internal_area_m2,
                           annual_running_cost, utilisation_percent, status, shared_workspace_desks, visibility
                      from asset_import where old_status is null""", owner);
            // The status history's foreign key is checked row by row with a plan this pooled connection may
            // have cached while the register was small (a scan of the whole table per row: minutes for
            // 100,000 rows); fresh statistics, counting this transaction's own rows, make it replan.
            if (created > 0) {
                exec(connection, "analyze asset");
            }
            exec(connection, """
                    insert into asset_status_change (asset_id, from_status, to_status, changed_by, partner_id, reason)
                    select asset_id, old_status, status, ?, ?, 'CSV import'
                      from asset_import where old_status is distinct from status""",
                    access.username(), access.callerPartner());
            // One event per created or changed asset, as AuditLog records them for single changes.
            exec(connection, """
                    insert into audit_event (entity_type, entity_id, action, actor_username, actor_partner_id,
                           partner_id, scope_type, scope_id, note, before_doc, after_doc)
                    select ?, a.id::text, case when s.old_status is null then ? else ? end, ?, ?,
                           a.owner_partner_id, ?, a.id::text, 'CSV import', s.before_doc, asset_audit_doc(a)
                      from asset_import s
                      join asset a on a.id = s.asset_id
                     where s.old_status is null or s.changed
                     order by s.line""",
                    AssetAuditScope.TYPE, AuditActions.CREATED, AuditActions.UPDATED, access.username(),
                    access.callerPartner(), AssetAuditScope.TYPE);
            return new Outcome(owner, rows.size(), created, updated, rows.size() - created - updated);
        }
    }

    /** A row whose own reference belongs to a different existing asset would break the unique key. */
    private static void rejectConflicts(Connection connection, String owner) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select s.line, s.own_reference, a.uprn from asset_import s
                  join asset a on a.owner_partner_id = ? and a.own_reference = s.own_reference
                 where a.id is distinct from s.asset_id order by s.line""")) {
            statement.setString(1, owner);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    errors.add(new FieldError().row(rs.getInt(1)).field("Unique Asset ID")
                            .message("'" + rs.getString(2) + "' already belongs to another asset"
                                    + (rs.getString(3) == null ? "" : " (UPRN " + rs.getString(3) + ")")));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select line from asset_import where old_status = 'DISPOSED' order by line");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                errors.add(new FieldError().row(rs.getInt(1)).field("UPRN")
                        .message("matches an asset that has been disposed of; it can no longer change"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.getRow(), b.getRow()));
            throw new ProblemException(422, "invalid-rows", "Invalid rows",
                    errors.size() + " rows conflict with the register; nothing was saved.", errors);
        }
    }

    private static void copy(Connection connection, List<ImportRow> rows) throws SQLException {
        StringBuilder data = new StringBuilder(rows.size() * 200);
        for (ImportRow r : rows) {
            Object[] values = {r.line(), r.uprn(), r.ownReference(), r.name(), r.assetType(), r.landOnly(),
                r.street(), r.town(), r.postcode(), r.district(), r.latitude(), r.longitude(), r.tenure(),
                r.grossInternalAreaM2(), r.annualRunningCost(), r.utilisationPercent(), r.status(),
                r.sharedWorkspaceDesks(), r.visibility(), r.epimsReference()};
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    data.append('\t');
                }
                appendCopyValue(data, values[i]);
            }
            data.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy asset_import (line, uprn, own_reference, name, asset_type, land_only, street, town,
                         postcode, district, latitude, longitude, tenure, gross_internal_area_m2,
                         annual_running_cost, utilisation_percent, status, shared_workspace_desks, visibility,
                         epims_reference) from stdin""", new StringReader(data.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL COPY text format: \N for null, backslash escapes for the separators. */
    private static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static int exec(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            if (sql.startsWith("select") || sql.startsWith("analyze")) {
                statement.execute();
                return 0;
            }
            return statement.executeUpdate();
        }
    }

    private static String stripBom(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}
