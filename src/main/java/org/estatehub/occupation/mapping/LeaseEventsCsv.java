package org.estatehub.occupation.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.api.model.Money;
import org.estatehub.api.model.Occupation;
import org.estatehub.api.model.OccupationLeaseEventPage;
import org.estatehub.api.model.UnderUsedOccupationPage;

/**
 * The CSV forms of the lease-event lists (the columns the contract lists for GET /occupations/lease-events
 * and /occupations/under-used). Written from the JSON's page, so the rows are the JSON's items exactly: the
 * same read rules, and withheld commercial terms stay empty cells.
 */
public final class LeaseEventsCsv {

    static final List<String> OCCUPATION_COLUMNS = List.of("OccupationId", "AssetId", "AssetOwnerPartnerId",
            "OccupierPartnerId", "OccupierName", "Basis", "AreaM2", "Desks", "YearlyRent", "YearlyServiceCharge",
            "StartsOn", "EndsOn", "BreakOn", "RentReviewOn", "LandlordName", "ProjectId", "Current",
            "CommercialTermsWithheld");

    public static final List<String> LEASE_EVENT_COLUMNS = concat(List.of("Kind", "DueOn"), OCCUPATION_COLUMNS);

    public static final List<String> UNDER_USED_COLUMNS = concat(OCCUPATION_COLUMNS,
            List.of("Measure", "UsePercent", "BookedHalfDays", "CapacityHalfDays"));

    private LeaseEventsCsv() {
    }

    public static void write(OccupationLeaseEventPage page, OutputStream out) throws IOException {
        CSVPrinter printer = printer(out, LEASE_EVENT_COLUMNS);
        for (var item : page.getItems()) {
            List<Object> row = new ArrayList<>(List.of(item.getKind().toString(), item.getDueOn().toString()));
            row.addAll(cells(item.getOccupation()));
            printer.printRecord(row);
        }
        printer.flush();
    }

    public static void write(UnderUsedOccupationPage page, OutputStream out) throws IOException {
        CSVPrinter printer = printer(out, UNDER_USED_COLUMNS);
        for (var item : page.getItems()) {
            List<Object> row = cells(item.getOccupation());
            row.add(item.getMeasure().toString());
            row.add(plain(item.getUsePercent()));
            row.add(item.getBookedHalfDays());
            row.add(item.getCapacityHalfDays());
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static CSVPrinter printer(OutputStream out, List<String> columns) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
                .setHeader(columns.toArray(String[]::new)).get());
    }

    /** The occupation's cells; a null prints as an empty cell. */
    private static List<Object> cells(Occupation o) {
        List<Object> cells = new ArrayList<>();
        cells.add(o.getId());
        cells.add(o.getAssetId());
        cells.add(o.getAssetOwnerPartnerId());
        cells.add(o.getOccupierPartnerId());
        cells.add(o.getOccupierName());
        cells.add(o.getBasis().toString());
        cells.add(plain(o.getAreaM2()));
        cells.add(o.getDesks());
        cells.add(amount(o.getYearlyRent()));
        cells.add(amount(o.getYearlyServiceCharge()));
        cells.add(o.getStartsOn());
        cells.add(o.getEndsOn());
        cells.add(o.getBreakOn());
        cells.add(o.getRentReviewOn());
        cells.add(o.getLandlordName());
        cells.add(o.getProjectId());
        cells.add(yesNo(o.getCurrent()));
        cells.add(yesNo(o.getCommercialTermsWithheld()));
        return cells;
    }

    /** The JSON's amount as it is (pounds with pence): exact, never through a double. */
    private static String amount(Money money) {
        return money == null ? null : money.getAmount();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "yes" : "no";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
