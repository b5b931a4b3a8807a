package org.estatehub.brownfield.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.api.model.FieldError;
import org.estatehub.asset.csv.FileEncoding;
import org.estatehub.asset.csv.ImportLimits;
import org.estatehub.asset.csv.RowLengthLimit;
import org.estatehub.authority.LocalAuthority;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.brownfield.OwnershipStatus;
import org.estatehub.brownfield.mapping.BrownfieldMapper;
import org.estatehub.brownfield.service.BrownfieldAccess;
import org.estatehub.brownfield.service.BrownfieldAuditScope;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports one partner's brownfield land register, all or nothing. Rows are read as a stream (the limits of
 * the asset import: RowLengthLimit, estatehub.import.max-rows) and each valid row is applied to the register
 * at once; an error anywhere rolls the whole transaction back, so nothing of a bad file is kept. A dry run
 * applies nothing and answers the same report, errors included. Rows match the owner's existing sites by
 * site reference; a field whose column the file lacks is left as stored ({@link SiteField}).
 */
@ApplicationScoped
public class BrownfieldImporter {

    private static final Pattern CSV_LINE = Pattern.compile("line:? ?(\\d+)");
    /** Sites flushed to the database and let go of at a time, so a large register does not fill the heap. */
    private static final int FLUSH_EVERY = 500;

    @Inject
    BrownfieldAccess access;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    @Inject
    ImportLimits limits;

    /** What the import found and did (or, in a dry run, would do). */
    public record Report(String ownerPartnerId, boolean dryRun, BrownfieldLayout layout, FileEncoding encoding,
            int rows, int created, int updated, int unchanged, int rowsWithoutLocation,
            Map<String, Integer> coordinateSystems, List<FieldError> warnings, List<FieldError> errors,
            long errorCount, long invalidRowCount) {
    }

    /** The owner an import is for, checked before the file is received (ImportSlots takes its place by it). */
    public String ownerFor(String requestedOwner) {
        return access.ownerFor(requestedOwner);
    }

    @Transactional
    @TransactionConfiguration(timeout = 300)
    public Report importFile(Supplier<InputStream> file, Charset declared, String requestedOwner, boolean dryRun) {
        String ownerId = access.ownerFor(requestedOwner);
        Partner owner = Partner.findById(ownerId);
        if (owner == null) {
            throw ProblemException.notFound("No partner with id '" + ownerId + "'.");
        }
        if (owner.localAuthority == null) {
            throw ProblemException.badRequest("Partner '" + owner.id + "' has no local authority, and a brownfield "
                    + "site is on its authority's register; set the partner's localAuthority first. Nothing was saved.");
        }
        LocalAuthority authority = authorities.find(owner.localAuthority).orElse(null);
        // One import per owner at a time, also across instances of the service.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('brownfield-import:' || ?1))")
                .setParameter(1, owner.id).getSingleResult();
        FileEncoding encoding = FileEncoding.of(file, declared);
        Run run = new Run(owner, new OwnerNames(owner, authority), dryRun);
        try (InputStream in = file.get()) {
            run.read(encoding, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (run.errorCount > 0 && !dryRun) {
            throw new ProblemException(422, "invalid-rows", "Invalid rows", run.invalidRows + " of " + run.rows
                    + " rows are invalid; nothing was saved." + (run.errorCount > run.errors.size()
                            ? " The first " + run.errors.size() + " of " + run.errorCount + " errors are listed." : ""),
                    run.errors).counts(run.errorCount, run.invalidRows);
        }
        if (!dryRun) {
            em.flush();
        }
        return new Report(owner.id, dryRun, run.header.layout, encoding, run.rows, run.created, run.updated,
                run.unchanged, run.withoutLocation, run.systems, run.warnings, run.errors, run.errorCount,
                run.invalidRows);
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Payload too large", detail)
                .header("Connection", "close");
    }

    /** One import's state while its rows are read. */
    private final class Run {
        final Partner owner;
        final OwnerNames names;
        final boolean dryRun;
        final OffsetDateTime now = PartnershipCalendar.timestamp(clock);
        final Map<String, UUID> existing = new HashMap<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        final Map<String, Integer> systems = new java.util.TreeMap<>();
        final List<FieldError> warnings = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();
        BrownfieldHeader header;
        int rows;
        int created;
        int updated;
        int unchanged;
        int withoutLocation;
        long errorCount;
        long invalidRows;
        int pending;

        Run(Partner owner, OwnerNames names, boolean dryRun) {
            this.owner = owner;
            this.names = names;
            this.dryRun = dryRun;
            em.createQuery("select new org.estatehub.brownfield.csv.BrownfieldSiteKey(s.siteReference, s.id)"
                    + " from BrownfieldSite s where s.ownerPartnerId = :owner", BrownfieldSiteKey.class)
                    .setParameter("owner", owner.id).getResultList()
                    .forEach(key -> existing.put(key.reference(), key.id()));
        }

        void read(FileEncoding encoding, InputStream in) throws IOException {
            RowLengthLimit reader = new RowLengthLimit(encoding.reader(in), limits.maxRowChars());
            // Empty lines are read as rows and skipped here, so that line numbers stay those of the file.
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
            long lineBefore = 0;
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                var records = parser.iterator();
                if (!records.hasNext()) {
                    throw ProblemException.badRequest("The file is empty; send a header line and one line per site.");
                }
                header = BrownfieldHeader.read(records.next().toList());
                reader.rowEnded();
                lineBefore = parser.getCurrentLineNumber();
                warnings.addAll(header.warnings);
                BrownfieldRowParser rowParser = new BrownfieldRowParser(header, names);
                List<FieldError> rowErrors = new ArrayList<>();
                List<FieldError> rowWarnings = new ArrayList<>();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    reader.rowEnded();
                    int line = (int) lineBefore + 1;
                    lineBefore = parser.getCurrentLineNumber();
                    List<String> cells = record.toList();
                    if (cells.stream().allMatch(c -> c.isBlank())) {
                        continue;
                    }
                    if (++rows > limits.maxRows()) {
                        throw tooLarge("The file has more than " + limits.maxRows() + " site rows (line " + line
                                + "), the most one import takes; split it into several files. Nothing was saved.");
                    }
                    rowErrors.clear();
                    rowWarnings.clear();
                    BrownfieldRowParser.ParsedSite site = rowParser.parse(cells, line, rowErrors, rowWarnings);
                    if (site != null) {
                        Integer earlier = firstLine.putIfAbsent(site.siteReference(), line);
                        if (earlier != null) {
                            rowErrors.add(new FieldError().row(line).field(header.name(BrownfieldColumn.SITE_REFERENCE))
                                    .message("'" + site.siteReference() + "' is also the reference on line " + earlier));
                        } else {
                            apply(site, rowErrors);
                        }
                    }
                    if (!rowErrors.isEmpty()) {
                        invalidRows++;
                        for (FieldError error : rowErrors) {
                            errorCount++;
                            if (errors.size() < limits.maxReportedErrors()) {
                                errors.add(error);
                            }
                        }
                    } else {
                        for (FieldError warning : rowWarnings) {
                            if (warnings.size() < limits.maxReportedErrors()) {
                                warnings.add(warning);
                            }
                        }
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw notCsv(e, lineBefore + 1);
            }
            if (rows == 0) {
                throw ProblemException.badRequest("The file has a header but no site rows.");
            }
        }

        /** Creates or updates the site (unless a dry run or an earlier row failed); counts what it did. */
        private void apply(BrownfieldRowParser.ParsedSite parsed, List<FieldError> rowErrors) {
            BrownfieldCoordinates.Location location = parsed.location();
            if (location == null) {
                withoutLocation++;
            }
            UUID id = existing.get(parsed.siteReference());
            BrownfieldSite site = id == null ? null : em.find(BrownfieldSite.class, id);
            Map<SiteField, Object> values = new EnumMap<>(parsed.values());
            if (site == null) {
                BrownfieldSite fresh = new BrownfieldSite();
                fresh.ownershipStatus = OwnershipStatus.UNKNOWN_OWNERSHIP;
                values.forEach((field, value) -> field.set(fresh, value));
                if (!invariants(fresh, parsed.line(), rowErrors)) {
                    return;
                }
                count(location);
                created++;
                if (dryRun || errorCount > 0) {
                    return;
                }
                fresh.id = UUID.randomUUID();
                fresh.ownerPartnerId = owner.id;
                fresh.siteReference = parsed.siteReference();
                fresh.localAuthority = owner.localAuthority;
                fresh.createdAt = now;
                fresh.updatedAt = now;
                em.persist(fresh);
                // The event is written by its own statement from the snapshot; the site itself reaches the
                // database with the next flush (every FLUSH_EVERY sites, and at the end).
                audit.record(BrownfieldAuditScope.subject(fresh), AuditActions.CREATED, null, snapshot(fresh), "CSV import");
                existing.put(fresh.siteReference, fresh.id);
                released();
                return;
            }
            boolean changed = values.entrySet().stream().anyMatch(e -> !e.getKey().holds(site, e.getValue()));
            if (!changed) {
                count(location);
                unchanged++;
                return;
            }
            JsonNode before = snapshot(site);
            // Checked on a copy: a dry run must not change the managed entity (it would be flushed).
            BrownfieldSite merged = copyOf(site);
            values.forEach((field, value) -> field.set(merged, value));
            if (!invariants(merged, parsed.line(), rowErrors)) {
                return;
            }
            count(location);
            updated++;
            if (dryRun || errorCount > 0) {
                return;
            }
            values.forEach((field, value) -> field.set(site, value));
            site.updatedAt = now;
            audit.record(BrownfieldAuditScope.subject(site), AuditActions.UPDATED, before, snapshot(site), "CSV import");
            released();
        }

        /** The rules the database also checks, on the site as it would be saved (a partial file merges with it). */
        private boolean invariants(BrownfieldSite s, int line, List<FieldError> rowErrors) {
            if (s.minNetDwellings != null && s.maxNetDwellings != null && s.minNetDwellings > s.maxNetDwellings) {
                rowErrors.add(new FieldError().row(line).field(header.name(BrownfieldColumn.MIN_NET_DWELLINGS))
                        .message("the least dwellings (" + s.minNetDwellings + ") would be more than the most ("
                                + s.maxNetDwellings + ")"));
            }
            if (s.firstAddedDate != null && s.endDate != null && s.endDate.isBefore(s.firstAddedDate)) {
                rowErrors.add(new FieldError().row(line).field(header.name(BrownfieldColumn.END_DATE))
                        .message("the end date (" + s.endDate + ") would be before the date first added ("
                                + s.firstAddedDate + ")"));
            }
            return rowErrors.isEmpty();
        }

        private void count(BrownfieldCoordinates.Location location) {
            if (location != null) {
                systems.merge(location.system() + "/" + location.source(), 1, Integer::sum);
            }
        }

        private void released() {
            if (++pending >= FLUSH_EVERY) {
                em.flush();
                em.clear();
                pending = 0;
            }
        }

        private JsonNode snapshot(BrownfieldSite site) {
            return audit.snapshot(BrownfieldMapper.toApi(site, authorities));
        }
    }

    private static BrownfieldSite copyOf(BrownfieldSite s) {
        BrownfieldSite c = new BrownfieldSite();
        for (SiteField field : SiteField.values()) {
            field.copy(s, c);
        }
        return c;
    }

    private static ProblemException notCsv(RuntimeException e, long line) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = CSV_LINE.matcher(message);
        long at = m.find() ? Long.parseLong(m.group(1)) : line;
        return new ProblemException(400, "bad-request", "Bad request", "The file is not valid CSV at line " + at
                + " (is a quote left open, or a quote inside an unquoted value?); nothing was saved.",
                List.of(new FieldError().row((int) Math.min(at, Integer.MAX_VALUE)).field("(file)")
                        .message(message.length() > 300 ? message.substring(0, 300) + "…" : message)));
    }
}
