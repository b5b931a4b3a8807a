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
import org.estatehub.api.model.LeaseEventsInQuarter;
import org.estatehub.api.model.OccupationDashboard;
import org.estatehub.api.model.OccupationVacancy;
import org.estatehub.api.model.OccupiedSpace;
import org.estatehub.api.model.ProjectSavingsRealised;
import org.estatehub.api.model.SavingsRealised;
import org.estatehub.api.model.Money;
import org.estatehub.api.model.MoneyMeasure;
import org.estatehub.api.model.MonitoringProjectRow;
import org.estatehub.api.model.MonitoringReturn;
import org.estatehub.api.model.MonitoringTotals;
import org.estatehub.api.model.Outcomes;

/**
 * A monitoring return as CSV: one row per project, then the partnership's totals; then, in the columns after
 * the projects' ones, one row per financial year and partner of what disposals released, and their total;
 * then, where the reader may read it, the occupations section in the columns after those.
 */
public final class MonitoringCsv {

    static final String[] HEADER = {"Period", "Project id", "Project", "Lead partner", "Programmes", "Stage", "RAG",
        "RAG reason", "Awarded (GBP)", "Released (GBP)", "Milestones due", "Milestones missed", "Homes target",
        "Homes actual", "Jobs target", "Jobs actual", "Capital receipts target (GBP)", "Capital receipts actual (GBP)",
        "Running-cost savings target (GBP/year)", "Running-cost savings actual (GBP/year)", "Land released target (ha)",
        "Land released actual (ha)", "Financial year", "Disposing partner", "Disposals completed",
        "Hectares released by disposals", "Capital receipts from disposals (GBP)", "Housing capacity", "Homes permitted",
        "Homes started", "Homes completed", "Occupier partner", "Basis", "Occupations", "Area (m2)", "Desks",
        "Vacant area (m2)", "Vacant desks", "Quarter", "Ends", "Breaks", "Savings project id",
        "Yearly rent ended (GBP)", "Yearly service charge ended (GBP)", "Yearly cost ended (GBP)",
        "Project running-cost savings actual (GBP/year)"};

    /** The projects' columns; the land release rows fill the columns after them. */
    private static final int PROJECT_COLUMNS = 22;

    /** The projects' and land release's columns; the occupations section's rows fill the columns after them. */
    private static final int OCCUPATION_COLUMNS_FROM = 31;

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
            OccupationDashboard occupations = r.getOccupations();
            if (occupations != null) {
                writeOccupations(printer, r.getPeriod(), occupations);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The occupations section (read by the overseers only, see ProjectDisclosure.disclose), in the columns
     * from "Occupier partner": Occupier partner, Basis, Occupations, Area (m2), Desks, Vacant area (m2),
     * Vacant desks, Quarter, Ends, Breaks, Savings project id, rent, service charge, cost, project savings.
     */
    private static void writeOccupations(CSVPrinter printer, String period, OccupationDashboard d) throws IOException {
        for (OccupiedSpace row : d.getSpaceByPartner()) {
            printer.printRecord(occupation(period, "OCCUPIED SPACE", row.getOccupierPartnerId(), row.getBasis(),
                    row.getOccupations(), row.getAreaM2(), row.getDesks()));
        }
        OccupationVacancy v = d.getVacancy();
        printer.printRecord(occupation(period, "VACANCY", null, null, null, v.getOccupiedAreaM2(), v.getOccupiedDesks(),
                v.getVacantAreaM2(), v.getVacantDesks()));
        for (LeaseEventsInQuarter q : d.getLeaseEventsAhead()) {
            printer.printRecord(occupation(period, "LEASE EVENTS", null, null, null, null, null, null, null,
                    q.getQuarter(), q.getEnds(), q.getBreaks()));
        }
        SavingsRealised savings = d.getSavingsRealised();
        for (ProjectSavingsRealised row : savings.getByProject()) {
            printer.printRecord(occupation(period, "SAVINGS REALISED", null, null, row.getOccupationsEnded(), null, null,
                    null, null, null, null, null, row.getProjectId(), amount(row.getYearlyRent()),
                    amount(row.getYearlyServiceCharge()), amount(row.getYearlyCost()),
                    amount(row.getRunningCostSavingsActual())));
        }
        printer.printRecord(occupation(period, "SAVINGS REALISED TOTAL", null, null, savings.getOccupationsEnded(), null,
                null, null, null, null, null, null, null, amount(savings.getYearlyRent()),
                amount(savings.getYearlyServiceCharge()), amount(savings.getYearlyCost())));
    }

    /** An occupations row: period and label, every earlier column empty, then `figures`, padded to the header. */
    private static List<Object> occupation(String period, String label, Object... figures) {
        List<Object> cells = new ArrayList<>(Collections.nCopies(OCCUPATION_COLUMNS_FROM, null));
        cells.set(0, period);
        cells.set(2, label);
        cells.addAll(Arrays.asList(figures));
        cells.addAll(Collections.nCopies(HEADER.length - cells.size(), null));
        return cells;
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
        cells.addAll(Collections.nCopies(HEADER.length - cells.size(), null));
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
