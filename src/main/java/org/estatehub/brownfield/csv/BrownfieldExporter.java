package org.estatehub.brownfield.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.brownfield.OwnershipStatus;
import org.estatehub.brownfield.PlanningStatus;
import org.estatehub.brownfield.mapping.BrownfieldMapper;

/**
 * Writes sites in the current planning-data brownfield-land layout, the values as the import reads them
 * back (so that importing an export changes nothing): dates ISO, point as WKT in WGS84, the planning
 * history's links separated by `|`, the organisation as the owner partner's name.
 */
public final class BrownfieldExporter {

    static final List<BrownfieldColumn> COLUMNS = List.of(BrownfieldColumn.SITE_REFERENCE, BrownfieldColumn.NAME,
            BrownfieldColumn.SITE_ADDRESS, BrownfieldColumn.ORGANISATION, BrownfieldColumn.HECTARES,
            BrownfieldColumn.OWNERSHIP_STATUS, BrownfieldColumn.DELIVERABLE, BrownfieldColumn.PLANNING_STATUS,
            BrownfieldColumn.PERMISSION_TYPE, BrownfieldColumn.PERMISSION_DATE, BrownfieldColumn.PLANNING_HISTORY,
            BrownfieldColumn.MIN_NET_DWELLINGS, BrownfieldColumn.MAX_NET_DWELLINGS,
            BrownfieldColumn.HAZARDOUS_SUBSTANCES, BrownfieldColumn.POINT, BrownfieldColumn.SITE_PLAN_URL,
            BrownfieldColumn.NOTES, BrownfieldColumn.LAST_UPDATED_DATE, BrownfieldColumn.FIRST_ADDED_DATE,
            BrownfieldColumn.END_DATE);

    private BrownfieldExporter() {
    }

    /** `ownerNames`: each owner partner's name, by id. */
    public static void write(List<BrownfieldSite> sites, Map<String, String> ownerNames, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
                .setHeader(COLUMNS.stream().map(c -> c.header(BrownfieldLayout.PLANNING_DATA)).toArray(String[]::new))
                .get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        for (BrownfieldSite s : sites) {
            printer.printRecord(s.siteReference, s.name, s.siteAddress, ownerNames.get(s.ownerPartnerId),
                    BrownfieldMapper.hectares(s.hectares), ownership(s.ownershipStatus), yesNo(s.deliverable),
                    planning(s.planningStatus), s.permissionType, date(s.permissionDate),
                    s.planningHistory == null ? null : String.join("|", s.planningHistory),
                    s.minNetDwellings, s.maxNetDwellings, s.hazardousSubstances,
                    s.latitude == null ? null : "POINT(" + s.longitude.toPlainString() + " " + s.latitude.toPlainString() + ")",
                    s.sitePlanUrl, s.notes, date(s.lastUpdatedDate), date(s.firstAddedDate), date(s.endDate));
        }
        printer.flush();
    }

    static String ownership(OwnershipStatus status) {
        return switch (status) {
            case OWNED_BY_PUBLIC_AUTHORITY -> "owned by a public authority";
            case NOT_OWNED_BY_PUBLIC_AUTHORITY -> "not owned by a public authority";
            case MIXED_OWNERSHIP -> "mixed ownership";
            case UNKNOWN_OWNERSHIP -> "unknown ownership";
        };
    }

    static String planning(PlanningStatus status) {
        return status == null ? null : switch (status) {
            case PERMISSIONED -> "permissioned";
            case NOT_PERMISSIONED -> "not permissioned";
            case PENDING_DECISION -> "pending decision";
        };
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
