package org.estatehub.asset.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports a Transparency Code assets file for one owner, all or nothing. The file is read as a stream: each
 * row is checked as it arrives and a valid row goes straight into the COPY of a temporary table, so memory
 * stays bounded whatever the file's size (README "Limits"). Rows repeating a key, and rows that clash with
 * the register, are found in SQL on that table. If any row is bad the transaction is rolled back, nothing is
 * saved, and the first errors are reported with the count of all; otherwise the rows are merged into the
 * register in a few set-based statements, matching existing assets by (owner, UPRN) or else (owner, own
 * reference).
 */
@ApplicationScoped
public class AssetImporter {

    /** Bytes of COPY data sent to PostgreSQL at a time. */
    private static final int COPY_BUFFER_CHARS = 64 * 1024;
    /** Longer messages (they quote the cell) are cut, so that the listed errors stay small. */
    static final int MAX_MESSAGE_LENGTH = 300;

    @Inject
    AssetAccess access;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    @Inject
    ImportLimits limits;

    /** A coordinate system the rows were read in, how it was known, and how many rows. */
    public record CoordinateSystemCount(String system, boolean stated, int rows) {
    }

    /**
     * What an import did or (dry run) would do. `errors`, `errorCount` and `invalidRowCount` are only for a
     * dry run of a file with errors (a real import refuses such a file with 422).
     */
    public record Outcome(String ownerPartnerId, boolean dryRun, int rows, int created, int updated, int unchanged,
            String encoding, boolean encodingDeclared, List<CoordinateSystemCount> coordinateSystems,
            long warningCount, List<FieldError> warnings, long errorCount, long invalidRowCount,
            List<FieldError> errors) {

        public boolean valid() {
            return errorCount == 0;
        }
    }

    /** The file as read: its rows (valid ones in asset_import), errors, warnings, encoding and coordinate systems. */
    private record Loaded(int lines, ReportedErrors errors, ReportedErrors warnings, FileEncoding encoding,
            List<CoordinateSystemCount> systems) {
    }

    /**
     * Imports a file already received (ImportSpool), so the transaction lasts as long as the import itself.
     * The timeout (ImportLimits.TRANSACTION_TIMEOUT, 300 s by default) leaves room for a file at the default
     * row limit on a loaded machine (100,000 rows: 7-21 s here); an import that does not finish within it is
     * rolled back and answered 503 ({@link ImportDeadline}).
     * A dry run does everything but the writes to the register: it takes no advisory lock (it changes
     * nothing another import could clash with) and its only table, asset_import, is dropped at commit.
     *
     * @param declared the charset the Content-Type names, null for none (then detected, {@link FileEncoding#of})
     */
    @Transactional
    @TransactionConfiguration(timeout = 300, timeoutFromConfigProperty = ImportLimits.TRANSACTION_TIMEOUT)
    public Outcome importFile(ImportSpool.Spooled file, Charset declared, String requestedOwner, boolean dryRun) {
        ImportDeadline deadline = ImportDeadline.of(limits.transactionTimeoutSeconds());
        String ownerId = access.ownerFor(requestedOwner);
        Partner owner = Partner.findById(ownerId);
        if (owner == null) {
            throw ProblemException.notFound("No partner with id '" + ownerId + "'.");
        }
        FileEncoding encoding = FileEncoding.of(file::open, declared);
        try (Connection connection = dataSource.getConnection(); InputStream body = file.open()) {
            if (!dryRun) {
                exec(connection, "select pg_advisory_xact_lock(hashtext('asset-import:' || ?))", owner.id);
            }
            createTable(connection);
            deadline.limit(connection);
            Loaded loaded = load(connection, body, encoding, owner, deadline);
            ReportedErrors errors = loaded.errors();
            if (!dryRun && errors.errors > 0) {
                throw errors.problem(errors.rows + " of " + loaded.lines() + " rows are invalid; nothing was saved.");
            }
            // Before the register is read at all, so that the lock it may take is never an upgrade two
            // imports could each wait on (IndexRebuild).
            IndexRebuild rebuild = dryRun ? IndexRebuild.NEVER : IndexRebuild.consider(connection, loaded.lines(),
                    limits.indexRebuildShare());
            deadline.limit(connection);
            matchRegister(connection, owner.id);
            deadline.limit(connection);
            rejectStatusChangesOnOffer(connection, errors, dryRun);
            deadline.limit(connection);
            long conflicts = rejectConflicts(connection, owner.id, errors, dryRun);
            if (!dryRun && conflicts > 0) {
                throw errors.problem(conflicts + " rows conflict with the register; nothing was saved.");
            }
            deadline.limit(connection);
            int[] counts = dryRun ? dryCounts(connection) : save(connection, owner.id, rebuild, deadline);
            return new Outcome(owner.id, dryRun, loaded.lines(), counts[0], counts[1], counts[2],
                    encoding.charset().name(), encoding.declared(), loaded.systems(), loaded.warnings().errors,
                    loaded.warnings().listed, errors.errors, errors.rows, errors.errors == 0 ? null : errors.listed);
        } catch (SQLException e) {
            throw deadline.cancelled(e) ? deadline.timedOut() : new IllegalStateException("Import into the register failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The audit events are written through Hibernate, which wraps the SQLException.
            throw deadline.cancelled(e) ? deadline.timedOut() : e;
        }
    }

    /**
     * The answer for a failure of {@link #importFile} started at `startedNanos` (System.nanoTime): a 503
     * when the transaction manager timed the import out before the import's own deadline caught it (the
     * service too busy to look), else null.
     */
    public ProblemException timedOut(RuntimeException failure, long startedNanos) {
        int timeout = limits.transactionTimeoutSeconds();
        return ImportDeadline.transactionTimedOut(failure, startedNanos, timeout) ? ImportDeadline.timedOut(timeout) : null;
    }

    /** Reads, checks and copies every row; a problem with the whole file (400, 413) is thrown. */
    private Loaded load(Connection connection, InputStream body, FileEncoding encoding, Partner owner,
            ImportDeadline deadline) throws SQLException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        ReportedErrors errors = new ReportedErrors(limits.maxReportedErrors());
        ReportedErrors warnings = new ReportedErrors(limits.maxReportedErrors());
        Map<String, int[]> systems = new LinkedHashMap<>();
        int lines = 0;
        RowLengthLimit reader = new RowLengthLimit(encoding.reader(body), limits.maxRowChars());
        try (CopyRows copy = new CopyRows(connection);
                CSVParser parser = CSVParser.parse(reader, format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.badRequest("The file is empty; send a header line and one line per asset.");
            }
            ImportHeader header = ImportHeader.read(records.next());
            reader.rowEnded();
            ImportRowParser rowParser = new ImportRowParser(owner, header, authorities, homeAuthority(owner));
            List<FieldError> rowErrors = new ArrayList<>();
            List<FieldError> rowWarnings = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                reader.rowEnded();
                int line = (int) record.getRecordNumber();
                if (++lines > limits.maxRows()) {
                    throw tooLarge("The file has more than " + limits.maxRows() + " asset rows (line " + line
                            + "), the most one import takes; split it into several files. Nothing was saved.");
                }
                if (lines % 1024 == 0) {
                    deadline.check();
                }
                rowErrors.clear();
                rowWarnings.clear();
                ImportRow row = rowParser.parse(record, line, rowErrors, rowWarnings);
                if (row != null) {
                    copy.add(row);
                    if (row.coordinateSystem() != null) {
                        systems.computeIfAbsent(row.coordinateSystem() + (row.coordinateSystemStated() ? "" : "?"),
                                k -> new int[1])[0]++;
                    }
                } else {
                    errors.addRow(rowErrors);
                }
                if (!rowWarnings.isEmpty()) {
                    warnings.addRow(rowWarnings);
                }
            }
            copy.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badRequest("The file is not valid CSV: " + e.getMessage());
        }
        if (lines == 0) {
            throw ProblemException.badRequest("The file has a header but no asset rows.");
        }
        duplicates(connection, errors);
        List<CoordinateSystemCount> counted = new ArrayList<>();
        systems.forEach((key, n) -> counted.add(new CoordinateSystemCount(key.replace("?", ""), !key.endsWith("?"), n[0])));
        return new Loaded(lines, errors, warnings, encoding, counted);
    }

    /**
     * The owner's own authority, assumed for rows that name none (a county council's is the county: the
     * county filter and dashboard find such assets under it).
     */
    private static String homeAuthority(Partner owner) {
        return owner.localAuthority;
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Payload too large", detail)
                .header("Connection", "close");
    }

    /**
     * A later row with the UPRN (or, without one, the Unique Asset ID) of an earlier valid row is an error
     * naming the earlier line; found on the temporary table rather than with a map of every key in memory.
     */
    private void duplicates(Connection connection, ReportedErrors errors) throws SQLException {
        String repeated = """
                select line, case when uprn is not null then 'UPRN' when own_reference is not null then 'Unique Asset ID'
                       else 'e-PIMS reference' end, key, first_line from (
                    select line, uprn, own_reference, key, min(line) over (partition by key) as first_line
                      from (select line, uprn, own_reference, coalesce('UPRN ' || uprn, 'Unique Asset ID ' || own_reference,
                                   'e-PIMS reference ' || epims_reference) as key
                              from asset_import) k) d
                 where line > first_line""";
        List<FieldError> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(repeated + " order by line limit ?")) {
            statement.setInt(1, limits.maxReportedErrors());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new FieldError().row(rs.getInt(1)).field(rs.getString(2))
                            .message(rs.getString(3) + " also appears on line " + rs.getInt(4)));
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        long count = found.size();
        if (count == limits.maxReportedErrors()) {
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from (" + repeated + ") r");
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        errors.merge(found, count, count);
        // The later copies leave the table, so that a dry run counts each key once and a conflict check
        // sees no row twice.
        exec(connection, "delete from asset_import where line in (select line from (" + repeated + ") r)");
    }

    private static void createTable(Connection connection) throws SQLException {
        exec(connection, """
                create temp table asset_import (
                    line int not null, uprn varchar(12), own_reference varchar(60), name varchar(200) not null,
                    asset_type varchar(30) not null, land_only boolean not null, street varchar(200),
                    town varchar(100), postcode varchar(8), local_authority varchar(9) not null,
                    latitude numeric(9,6), longitude numeric(9,6), tenure varchar(20),
                    gross_internal_area_m2 numeric(12,2), annual_running_cost numeric(14,2),
                    utilisation_percent numeric(5,2), status varchar(20) not null,
                    shared_workspace_desks int not null, visibility varchar(20) not null,
                    epims_reference varchar(30), occupancy varchar(20), holding varchar(20),
                    land_area_hectares numeric(12,4), epc_band varchar(1), effective_date date,
                    coordinate_system varchar(10), source_columns jsonb,
                    asset_id uuid, old_status varchar(20), changed boolean, before_doc jsonb
                ) on commit drop""");
    }

    /**
     * Finds the asset each row updates: by (owner, UPRN), else (owner, own reference), else (owner, e-PIMS
     * reference), so that a file without UPRNs or asset codes (e-PIMS) also re-imports idempotently.
     */
    private void matchRegister(Connection connection, String owner) throws SQLException {
        exec(connection, "analyze asset_import");
        // Equi-joins rather than one join on an OR, which PostgreSQL could only run as a nested loop.
        exec(connection, """
                update asset_import s set asset_id = a.id, old_status = a.status
                  from asset a
                 where a.owner_partner_id = ? and s.uprn is not null and a.uprn = s.uprn""", owner);
        exec(connection, """
                update asset_import s set asset_id = a.id, old_status = a.status
                  from asset a
                 where a.owner_partner_id = ? and s.uprn is null and a.own_reference = s.own_reference""",
                owner);
        exec(connection, """
                update asset_import s set asset_id = a.id, old_status = a.status
                  from asset a
                 where a.owner_partner_id = ? and s.uprn is null and s.own_reference is null
                   and a.epims_reference = s.epims_reference""", owner);
        // Whether the row changes the asset. The coordinate system alone is no change: it only says how
        // the owner published a location (set when the location is). Nor is the order of the source
        // columns: an export writes them in the order first seen across all the assets it holds, so one
        // asset's cells may come back in another order (its stored order is kept when nothing else changes).
        exec(connection, """
                update asset_import s set changed = (a.name, a.asset_type, a.land_only, a.street, a.town,
                       a.postcode, a.local_authority, a.uprn, a.own_reference, a.latitude, a.longitude, a.tenure,
                       a.gross_internal_area_m2, a.annual_running_cost, a.utilisation_percent, a.status,
                       a.shared_workspace_desks, a.visibility, a.epims_reference, a.occupancy, a.holding,
                       a.land_area_hectares, a.epc_band, a.effective_date, %s)
                       is distinct from (s.name, s.asset_type, s.land_only, s.street, s.town, s.postcode,
                       s.local_authority, s.uprn, s.own_reference, s.latitude, s.longitude, s.tenure,
                       s.gross_internal_area_m2, s.annual_running_cost, s.utilisation_percent, s.status,
                       s.shared_workspace_desks, s.visibility, s.epims_reference, s.occupancy, s.holding,
                       s.land_area_hectares, s.epc_band, s.effective_date, %s)
                  from asset a where a.id = s.asset_id""".formatted(
                sourceCells("a.source_columns"), sourceCells("s.source_columns")));
    }

    /** The source columns as a set of cells (a sorted array, duplicates kept), for comparing regardless of order. */
    private static String sourceCells(String column) {
        return "(select jsonb_agg(c order by c::text) from jsonb_array_elements(" + column + ") c)";
    }

    /** A dry run's counts: rows that would create, update, leave unchanged (rows with errors are not in the table). */
    private static int[] dryCounts(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) filter (where asset_id is null), count(*) filter (where changed),
                       count(*) filter (where asset_id is not null and not changed)
                  from asset_import""");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        }
    }

    /** Saves the checked rows; returns the rows created, updated and unchanged. */
    private int[] save(Connection connection, String owner, IndexRebuild rebuild, ImportDeadline deadline)
            throws SQLException {
        // Every time this import stores comes from the service's clock, as for single changes.
        OffsetDateTime now = PartnershipCalendar.timestamp(clock);
        // The audit history needs each changed asset as it was (asset_audit_doc: its API representation;
        // the two-argument form, given the authority's name by a join, is inlined rather than called per
        // row, see V27).
        exec(connection, """
                update asset_import s set before_doc = asset_audit_doc(a, la.name)
                  from asset a left join local_authority la on la.code = a.local_authority
                 where a.id = s.asset_id and s.changed""");
        deadline.limit(connection);
        int updated = exec(connection, """
                update asset a set name = s.name, asset_type = s.asset_type, land_only = s.land_only,
                       street = s.street, town = s.town, postcode = s.postcode,
                       local_authority = s.local_authority,
                       uprn = s.uprn, own_reference = s.own_reference, latitude = s.latitude,
                       longitude = s.longitude, tenure = s.tenure, gross_internal_area_m2 = s.gross_internal_area_m2,
                       annual_running_cost = s.annual_running_cost, utilisation_percent = s.utilisation_percent,
                       status = s.status, shared_workspace_desks = s.shared_workspace_desks,
                       visibility = s.visibility, epims_reference = s.epims_reference,
                       occupancy = s.occupancy, holding = s.holding, land_area_hectares = s.land_area_hectares,
                       epc_band = s.epc_band, effective_date = s.effective_date, source_columns = s.source_columns,
                       coordinate_system = case when (a.latitude, a.longitude) is distinct from (s.latitude, s.longitude)
                                           then s.coordinate_system else a.coordinate_system end,
                       updated_at = ?, version = a.version + 1
                  from asset_import s where s.asset_id = a.id and s.changed""", now);
        deadline.limit(connection);
        int creating = exec(connection, "update asset_import set asset_id = gen_random_uuid() where asset_id is null");
        IndexRebuild.Dropped dropped = rebuild.dropIfWorthIt(connection, creating);
        deadline.limit(connection);
        int created = exec(connection, """
                insert into asset (id, owner_partner_id, name, asset_type, land_only, street, town, postcode,
                       local_authority, uprn, own_reference, epims_reference, latitude, longitude, tenure,
                       gross_internal_area_m2, annual_running_cost, utilisation_percent, status,
                       shared_workspace_desks, visibility, occupancy, holding, land_area_hectares, epc_band,
                       effective_date, coordinate_system, source_columns, created_at, updated_at)
                select asset_id, ?, name, asset_type, land_only, street, town, postcode, local_authority, uprn,
                       own_reference, epims_reference, latitude, longitude, tenure, gross_internal_area_m2,
                       annual_running_cost, utilisation_percent, status, shared_workspace_desks, visibility,
                       occupancy, holding, land_area_hectares, epc_band, effective_date, coordinate_system,
                       source_columns, ?, ?
                  from asset_import where old_status is null""", owner, now, now);
        deadline.limit(connection);
        IndexRebuild.restoreAsset(connection, dropped);
        // The status history's foreign key is checked row by row with a plan this pooled connection may
        // have cached while the register was small (a scan of the whole table per row: minutes for
        // 100,000 rows); fresh statistics, counting this transaction's own rows, make it replan. Only the
        // key's column is analysed: the table's size is what the plan needs, and the other columns' (the
        // jsonb source columns, the names) cost most of a full ANALYZE; autovacuum analyses them later.
        if (created > 0) {
            deadline.limit(connection);
            exec(connection, "analyze asset (id)");
        }
        deadline.limit(connection);
        exec(connection, """
                insert into asset_status_change (asset_id, from_status, to_status, changed_by, partner_id, reason,
                       changed_at)
                select asset_id, old_status, status, ?, ?, 'CSV import', ?
                  from asset_import where old_status is distinct from status""",
                access.username(), access.callerPartner(), now);
        deadline.limit(connection);
        IndexRebuild.restoreHistory(connection, dropped);
        deadline.limit(connection);
        // One event per created or changed asset, in line order, recorded as every other change is.
        audit.recordAll("""
                select ? as entity_type, a.id::text as entity_id,
                       case when s.old_status is null then ? else ? end as action, a.owner_partner_id as partner_id,
                       ? as scope_type, a.id::text as scope_id, 'CSV import' as note, s.before_doc,
                       asset_audit_doc(a, la.name) as after_doc, s.line as position
                  from asset_import s
                  join asset a on a.id = s.asset_id
                  left join local_authority la on la.code = a.local_authority
                 where s.old_status is null or s.changed""",
                AssetAuditScope.TYPE, AuditActions.CREATED, AuditActions.UPDATED, AssetAuditScope.TYPE);
        int unchanged;
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from asset_import where old_status is not null and not changed");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            unchanged = rs.getInt(1);
        }
        return new int[] {created, updated, unchanged};
    }

    /**
     * A row may not change the status of an asset under a live disposal (OFFERED, TRANSFER_AGREED,
     * ON_OPEN_MARKET): the disposal decides it (its completion makes the asset the receiver's or disposed of,
     * a withdrawal leaves it to the owner again), and V35's trigger refuses the update anyway. An import
     * answers 409 naming each such row and its disposal, saving nothing; a dry run reports them as errors
     * and leaves the rows out of its counts. The other fields of those rows are not the conflict: the same
     * row with the asset's current status imports.
     */
    private void rejectStatusChangesOnOffer(Connection connection, ReportedErrors errors, boolean dryRun)
            throws SQLException {
        String onOffer = """
                select s.line, 'Status' as field,
                       'changes the status of an asset on offer as disposal /disposals/' || d.id || ' (' || d.status
                           || ') from ' || s.old_status || ' to ' || s.status
                           || '; complete or withdraw the disposal first, or import the row with status '
                           || s.old_status as message
                  from asset_import s
                  join disposal d on d.asset_id = s.asset_id
                       and d.status in ('OFFERED', 'TRANSFER_AGREED', 'ON_OPEN_MARKET')
                 where s.status is distinct from s.old_status""";
        List<FieldError> listed = new ArrayList<>();
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(onOffer + " order by s.line");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                count++;
                if (listed.size() < limits.maxReportedErrors()) {
                    listed.add(new FieldError().row(rs.getInt(1)).field(rs.getString(2)).message(rs.getString(3)));
                }
            }
        }
        if (count == 0) {
            return;
        }
        if (!dryRun) {
            String more = count > listed.size() ? " The first " + listed.size() + " of " + count + " are listed." : "";
            throw new ProblemException(409, "conflict", "Conflict", (count == 1 ? "1 row changes" : count
                    + " rows change") + " the status of an asset under a live disposal; nothing was saved." + more, listed).counts(count, count);
        }
        errors.merge(listed, count, count);
        exec(connection, "delete from asset_import where line in (select line from (" + onOffer + ") c)");
    }

    /**
     * A row whose own reference belongs to a different existing asset would break the unique key; a row
     * matching a disposed asset may not change it. Listed up to the error cap, counted in full, and added
     * to `errors`; returns how many there are. A dry run also takes those rows out of the table, so that its
     * counts are of the rows an import would save.
     */
    private long rejectConflicts(Connection connection, String owner, ReportedErrors errors, boolean dryRun)
            throws SQLException {
        String conflicts = """
                select s.line, 0 as kind, 'Unique Asset ID' as field,
                       '''' || s.own_reference || ''' already belongs to another asset'
                           || coalesce(' (UPRN ' || a.uprn || ')', '') as message
                  from asset_import s
                  join asset a on a.owner_partner_id = ? and a.own_reference = s.own_reference
                 where a.id is distinct from s.asset_id
                union all
                select line, 1, 'UPRN', 'matches an asset that has been disposed of; it can no longer change'
                  from asset_import where old_status = 'DISPOSED'
                union all
                select s.line, 2, '%s', '''' || s.local_authority || ''' (' || la.name || ') ended on '
                       || la.end_date || coalesce('; it was replaced by '
                       || nullif(array_to_string(la.replaced_by, ', '), ''), '') || '.'
                  from asset_import s
                  join local_authority la on la.code = s.local_authority and not la.current
                  left join asset a on a.id = s.asset_id
                 where a.local_authority is distinct from s.local_authority""".formatted(
                TransparencyColumns.LOCAL_AUTHORITY.header());
        List<FieldError> listed = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select line, field, message from (" + conflicts + ") c order by line, kind limit ?")) {
            statement.setString(1, owner);
            statement.setInt(2, limits.maxReportedErrors());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    listed.add(new FieldError().row(rs.getInt(1)).field(rs.getString(2)).message(rs.getString(3)));
                }
            }
        }
        if (listed.isEmpty()) {
            return 0;
        }
        long count = listed.size();
        long rows = listed.stream().map(FieldError::getRow).distinct().count();
        if (count == limits.maxReportedErrors()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*), count(distinct line) from (" + conflicts + ") c")) {
                statement.setString(1, owner);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                    rows = rs.getLong(2);
                }
            }
        }
        errors.merge(listed, count, rows);
        if (dryRun) {
            exec(connection, "delete from asset_import where line in (select line from (" + conflicts + ") c)", owner);
        }
        return count;
    }

    /** The errors of a file: the first `cap` in line order, and the count of all of them and of bad rows. */
    private static final class ReportedErrors {
        private final int cap;
        List<FieldError> listed = new ArrayList<>();
        long errors;
        long rows;

        ReportedErrors(int cap) {
            this.cap = cap;
        }

        void addRow(List<FieldError> rowErrors) {
            rows++;
            for (FieldError error : rowErrors) {
                errors++;
                if (listed.size() < cap) {
                    listed.add(shorten(error));
                }
            }
        }

        /** Adds errors found later (in SQL), each list already in line order and at most `cap` long. */
        void merge(List<FieldError> more, long moreErrors, long moreRows) {
            List<FieldError> all = new ArrayList<>(listed);
            all.addAll(more);
            // A stable sort keeps a row's own errors in the order they were found.
            all.sort((a, b) -> Integer.compare(a.getRow(), b.getRow()));
            listed = new ArrayList<>(all.subList(0, Math.min(cap, all.size())));
            errors += moreErrors;
            rows += moreRows;
        }

        ProblemException problem(String detail) {
            String more = errors > listed.size() ? " The first " + listed.size() + " of " + errors
                    + " errors are listed." : "";
            return new ProblemException(422, "invalid-rows", "Invalid rows", detail + more, listed)
                    .counts(errors, rows);
        }

        private static FieldError shorten(FieldError error) {
            String message = error.getMessage();
            if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
                error.setMessage(message.substring(0, MAX_MESSAGE_LENGTH) + "…");
            }
            return error;
        }
    }

    /** Valid rows on their way into COPY asset_import, sent in chunks of about COPY_BUFFER_CHARS. */
    private static final class CopyRows implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder data = new StringBuilder(COPY_BUFFER_CHARS + 4096);

        CopyRows(Connection connection) throws SQLException {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy asset_import (line, uprn, own_reference, name, asset_type, land_only, street, town,
                         postcode, local_authority, latitude, longitude, tenure, gross_internal_area_m2,
                         annual_running_cost, utilisation_percent, status, shared_workspace_desks, visibility,
                         epims_reference, occupancy, holding, land_area_hectares, epc_band, effective_date,
                         coordinate_system, source_columns) from stdin""");
        }

        void add(ImportRow r) throws SQLException {
            Object[] values = {r.line(), r.uprn(), r.ownReference(), r.name(), r.assetType(), r.landOnly(),
                r.street(), r.town(), r.postcode(), r.localAuthority(), r.latitude(), r.longitude(), r.tenure(),
                r.grossInternalAreaM2(), r.annualRunningCost(), r.utilisationPercent(), r.status(),
                r.sharedWorkspaceDesks(), r.visibility(), r.epimsReference(), r.occupancy(), r.holding(),
                r.landAreaHectares(), r.epcBand(), r.effectiveDate(), r.coordinateSystem(), r.sourceColumns()};
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    data.append('\t');
                }
                appendCopyValue(data, values[i]);
            }
            data.append('\n');
            if (data.length() >= COPY_BUFFER_CHARS) {
                flush();
            }
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
        }

        private void flush() throws SQLException {
            if (data.length() > 0) {
                byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                data.setLength(0);
            }
        }

        /** A COPY left open (the file was refused part-way) is cancelled so the transaction can roll back. */
        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** PostgreSQL COPY text format: \N for null, backslash escapes for the separators. */
    private static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        int i = 0;
        while (i < text.length() && text.charAt(i) != '\\' && text.charAt(i) >= ' ') {
            i++;
        }
        if (i == text.length()) {
            // Most values have nothing to escape: appended whole.
            out.append(text);
            return;
        }
        out.append(text, 0, i);
        for (; i < text.length(); i++) {
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

    static int exec(Connection connection, String sql, Object... params) throws SQLException {
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
}
