package org.estatehub.monitoring.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.api.model.CountMeasure;
import org.estatehub.api.model.HectaresMeasure;
import org.estatehub.api.model.LandReleaseFigures;
import org.estatehub.api.model.LandReleaseRow;
import org.estatehub.api.model.LandReleaseTotals;
import org.estatehub.api.model.Money;
import org.estatehub.api.model.MoneyMeasure;
import org.estatehub.api.model.MonitoringProjectRow;
import org.estatehub.api.model.MonitoringReturn;
import org.estatehub.api.model.MonitoringTotals;
import org.estatehub.api.model.Outcomes;

/**
 * A monitoring return as CSV: one row per project, then the partnership's totals; then, in the columns after
 * the projects' ones, one row per financial year and partner of what disposals released, and their total.
 */
public final class MonitoringCsv {

    static final String[] HEADER = {"Period", "Project id", "Project", "Lead partner", "Programmes", "Stage", "RAG",
        "RAG reason", "Awarded (GBP)", "Released (GBP)", "Milestones due", "Milestones missed", "Homes target",
        "Homes actual", "Jobs target", "Jobs actual", "Capital receipts target (GBP)", "Capital receipts actual (GBP)",
        "Running-cost savings target (GBP/year)", "Running-cost savings actual (GBP/year)", "Land released target (ha)",
        "Land released actual (ha)", "Financial year", "Disposing partner", "Disposals completed",
        "Hectares released by disposals", "Capital receipts from disposals (GBP)", "Housing capacity", "Homes permitted",
        "Homes started", "Homes completed"};

    /** The projects' columns; the land release rows fill the columns after them. */
    private static final int PROJECT_COLUMNS = 22;

    private MonitoringCsv() {
    }

    /** Cells of details the caller may not read (a row without outcomes, see ProjectDisclosure) stay empty. */
    public static String write(MonitoringReturn r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (MonitoringProjectRow row : r.getProjects()) {
                Outcomes o = row.getOutcomes() == null ? new Outcomes() : row.getOutcomes();
                printer.printRecord(padded(r.getPeriod(), row.getProjectId(), row.getProjectName(), row.getLeadPartnerId(),
                        row.getProgrammes().stream().map(Object::toString).collect(Collectors.joining(" ")),
                        row.getStage(), row.getRagStatus(), row.getRagReason(), amount(row.getAwarded()),
                        amount(row.getReleased()), row.getMilestonesDue(), row.getMilestonesMissed(),
                        target(o.getHomes()), actual(o.getHomes()), target(o.getJobs()), actual(o.getJobs()),
                        target(o.getCapitalReceipts()), actual(o.getCapitalReceipts()),
                        target(o.getRunningCostSavings()), actual(o.getRunningCostSavings()),
                        target(o.getLandReleased()), actual(o.getLandReleased())));
            }
            MonitoringTotals t = r.getTotals();
            printer.printRecord(padded(r.getPeriod(), null, "TOTAL (" + t.getProjects() + " projects)", null, null, null, null,
                    null, amount(t.getAwarded()), amount(t.getReleased()), null, null,
                    t.getHomes().getTarget(), t.getHomes().getActual(), t.getJobs().getTarget(), t.getJobs().getActual(),
                    amount(t.getCapitalReceipts().getTarget()), amount(t.getCapitalReceipts().getActual()),
                    amount(t.getRunningCostSavings().getTarget()), amount(t.getRunningCostSavings().getActual()),
                    t.getLandReleased().getTarget(), t.getLandReleased().getActual()));
            LandReleaseFigures land = r.getLandRelease();
            if (land != null) {
                for (LandReleaseRow row : land.getByYearAndPartner()) {
                    printer.printRecord(landRelease(r.getPeriod(), "LAND RELEASE", row.getFinancialYear(),
                            row.getPartnerId(), row.getDisposalsCompleted(), row.getHectaresReleased(),
                            amount(row.getCapitalReceipts()), row.getHousingCapacity(), row.getHomesPermitted(),
                            row.getHomesStarted(), row.getHomesCompleted()));
                }
                LandReleaseTotals lt = land.getTotals();
                printer.printRecord(landRelease(r.getPeriod(), "LAND RELEASE TOTAL", null, null,
                        lt.getDisposalsCompleted(), lt.getHectaresReleased(), amount(lt.getCapitalReceipts()),
                        lt.getHousingCapacity(), lt.getHomesPermitted(), lt.getHomesStarted(), lt.getHomesCompleted()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A project's or the totals' row, its land release cells empty so every row has every column. */
    private static List<Object> padded(Object... projectCells) {
        List<Object> cells = new ArrayList<>(Arrays.asList(projectCells));
        cells.addAll(Collections.nCopies(HEADER.length - PROJECT_COLUMNS, null));
        return cells;
    }

    /** A land release row: period and label, the projects' other columns empty, then `figures`. */
    private static List<Object> landRelease(String period, String label, Object... figures) {
        List<Object> cells = new ArrayList<>(Collections.nCopies(PROJECT_COLUMNS, null));
        cells.set(0, period);
        cells.set(2, label);
        cells.addAll(Arrays.asList(figures));
        return cells;
    }

    private static String amount(Money money) {
        return money == null ? null : money.getAmount();
    }

    private static Object target(CountMeasure m) {
        return m == null ? null : m.getTarget();
    }

    private static Object actual(CountMeasure m) {
        return m == null ? null : m.getActual();
    }

    private static Object target(MoneyMeasure m) {
        return m == null ? null : amount(m.getTarget());
    }

    private static Object actual(MoneyMeasure m) {
        return m == null ? null : amount(m.getActual());
    }

    private static Object target(HectaresMeasure m) {
        return m == null ? null : m.getTarget();
    }

    private static Object actual(HectaresMeasure m) {
        return m == null ? null : m.getActual();
    }
}
