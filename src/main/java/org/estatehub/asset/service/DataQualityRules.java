package org.estatehub.asset.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.estatehub.api.model.AssetCompleteness;
import org.estatehub.api.model.DataQualityField;
import org.estatehub.api.model.FieldCompleteness;

/**
 * What "complete" means for an asset record, in one place for `GET /data-quality` and the asset dashboard:
 * which assets are expected to have each field that matters, and which have it, as SQL over table alias `a`.
 * The counts are aggregates (`count(*) filter (...)`), so a report never loads the assets themselves.
 */
public final class DataQualityRules {

    /**
     * A UPRN is a positive number of up to 12 digits (the national gazetteer's; it has no check digit), so
     * this is every check there is. The table's own constraint (V2) refuses anything else today, but
     * records loaded before it, or by a later relaxed import, are what the report exists to find.
     */
    public static final String VALID_UPRN = "a.uprn ~ '^[1-9][0-9]{0,11}$'";

    /**
     * A floor area and an EPC are expected of buildings only: not of land-only assets nor of holdings the
     * owner calls land (an LGA register's HoldingType "Land"). A null holding is a building unless landOnly.
     */
    public static final String BUILDING = "(not a.land_only and a.holding is distinct from 'LAND')";

    /** One field: its name, which assets are expected to have it (SQL, null: all) and which have it. */
    private record Rule(DataQualityField field, String expected, String has) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(DataQualityField.UPRN, null, VALID_UPRN),
            new Rule(DataQualityField.LOCATION, null, "a.latitude is not null"),
            new Rule(DataQualityField.TENURE, null, "a.tenure is not null"),
            new Rule(DataQualityField.GROSS_INTERNAL_AREA, BUILDING, "a.gross_internal_area_m2 is not null"),
            new Rule(DataQualityField.RUNNING_COST, null, "a.annual_running_cost is not null"),
            new Rule(DataQualityField.EPC, BUILDING, "a.epc_band is not null"),
            new Rule(DataQualityField.UTILISATION, null, "a.utilisation_percent is not null"));

    /**
     * The select-list columns (`dq_<i>_expected`, `dq_<i>_with`, one pair per field) to add to a query
     * over `asset a` that is grouped as the caller wishes; {@link #read} maps them back.
     */
    public static final String COLUMNS = columns();

    private static String columns() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < RULES.size(); i++) {
            Rule rule = RULES.get(i);
            String expected = rule.expected() == null ? "count(*)" : "count(*) filter (where " + rule.expected() + ")";
            String with = "count(*) filter (where " + (rule.expected() == null ? "" : rule.expected() + " and ")
                    + rule.has() + ")";
            sql.append(i == 0 ? "" : ", ").append(expected).append(" dq_").append(i).append("_expected, ")
                    .append(with).append(" dq_").append(i).append("_with");
        }
        return sql.toString();
    }

    /** Counts of one group of assets: per field (in {@link DataQualityField} order) expected and with. */
    public record Counts(int[] expected, int[] with) {

        public static final Counts NONE = new Counts(new int[RULES.size()], new int[RULES.size()]);

        public List<FieldCompleteness> fields() {
            return java.util.stream.IntStream.range(0, RULES.size())
                    .mapToObj(i -> new FieldCompleteness().field(RULES.get(i).field()).expected(expected[i])
                            .with(with[i]).without(expected[i] - with[i]).percent(percent(with[i], expected[i])))
                    .toList();
        }

        /** The dashboard's percentages (absent where nothing is expected). */
        public AssetCompleteness percentages() {
            String[] p = new String[RULES.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = percent(with[i], expected[i]);
            }
            return new AssetCompleteness().uprn(p[0]).location(p[1]).tenure(p[2]).grossInternalArea(p[3])
                    .runningCost(p[4]).epc(p[5]).utilisation(p[6]);
        }
    }

    public static Counts read(ResultSet row) throws SQLException {
        int[] expected = new int[RULES.size()];
        int[] with = new int[RULES.size()];
        for (int i = 0; i < RULES.size(); i++) {
            expected[i] = row.getInt("dq_" + i + "_expected");
            with[i] = row.getInt("dq_" + i + "_with");
        }
        return new Counts(expected, with);
    }

    /** 100 x with / expected, exact and rounded half up to one place; null when nothing is expected. */
    static String percent(int with, int expected) {
        if (expected == 0) {
            return null;
        }
        return BigDecimal.valueOf(with).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private DataQualityRules() {
    }
}
