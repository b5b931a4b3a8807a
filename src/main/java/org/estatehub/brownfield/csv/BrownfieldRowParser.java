package org.estatehub.brownfield.csv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.estatehub.api.model.FieldError;
import org.estatehub.brownfield.OwnershipStatus;
import org.estatehub.brownfield.PlanningStatus;

/**
 * Reads one register row into the values of its site ({@link SiteField}), or into its errors, each naming
 * the line and the file's own column header. Also collects the row's warnings. Not thread-safe.
 */
final class BrownfieldRowParser {

    /** One valid row: its site reference and the value of each field the file has a column for. */
    record ParsedSite(int line, String siteReference, Map<SiteField, Object> values, BrownfieldCoordinates.Location location) {
    }

    private static final Pattern DMY = Pattern.compile("^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$");
    private static final Pattern ISO = Pattern.compile("^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ].*)?$");
    private static final Pattern SLASHED_ISO = Pattern.compile("^([0-9]{4})/([0-9]{2})/([0-9]{2})$");
    private static final Pattern HECTARES = Pattern.compile("^[0-9]{1,8}(\\.[0-9]{1,6})?$");
    private static final Pattern WHOLE = Pattern.compile("^[0-9]{1,9}(\\.0+)?$");

    private final BrownfieldHeader header;
    private final OwnerNames owner;
    private final BrownfieldCoordinates coordinates = new BrownfieldCoordinates();

    BrownfieldRowParser(BrownfieldHeader header, OwnerNames owner) {
        this.header = header;
        this.owner = owner;
    }

    /** The row's site, or null with its errors added to `errors`; its warnings go to `warnings`. */
    ParsedSite parse(List<String> rawCells, int line, List<FieldError> errors, List<FieldError> warnings) {
        int width = header.headers.size();
        if (rawCells.size() < width) {
            errors.add(error(line, "(row)", "has " + rawCells.size() + " cells but the header has " + width
                    + "; is a comma missing, or a quote left open on an earlier line?"));
            return null;
        }
        for (int i = width; i < rawCells.size(); i++) {
            if (!rawCells.get(i).isBlank()) {
                errors.add(error(line, "(row)", "has " + rawCells.size() + " cells but the header has " + width
                        + "; cell " + (i + 1) + " ('" + abbreviate(rawCells.get(i)) + "') has no column: is a "
                        + "comma inside an unquoted value?"));
                return null;
            }
        }
        Cells cells = new Cells(rawCells, line, warnings);
        int before = errors.size();
        Map<SiteField, Object> values = new EnumMap<>(SiteField.class);

        for (BrownfieldColumn column : List.of(BrownfieldColumn.ORGANISATION_URI, BrownfieldColumn.ORGANISATION_LABEL,
                BrownfieldColumn.ORGANISATION)) {
            String value = cells.get(column);
            if (value != null && !owner.matches(value)) {
                errors.add(error(line, header.name(column), "'" + abbreviate(value) + "' is not " + owner.describe()
                        + ", whose register this import is for"));
            }
        }
        String reference = text(cells, BrownfieldColumn.SITE_REFERENCE, 100, errors);
        if (reference == null && errors.size() == before) {
            errors.add(error(line, header.name(BrownfieldColumn.SITE_REFERENCE), "is empty; every site needs its reference"));
        }
        putText(values, SiteField.PREVIOUSLY_PART_OF, cells, BrownfieldColumn.PREVIOUSLY_PART_OF, 100, errors);
        String name = header.layout == BrownfieldLayout.BROWNFIELD_2017
                ? text(cells, BrownfieldColumn.SITE_NAME_ADDRESS, 1000, errors)
                : text(cells, BrownfieldColumn.NAME, 1000, errors);
        String address = text(cells, BrownfieldColumn.SITE_ADDRESS, 1000, errors);
        if (name == null) {
            // Planning data's name is often empty where site-address says it all.
            name = address;
        }
        if (name == null) {
            errors.add(error(line, header.layout == BrownfieldLayout.BROWNFIELD_2017
                    ? header.name(BrownfieldColumn.SITE_NAME_ADDRESS) : "name, site-address",
                    "is empty; every site needs a name or an address"));
        }
        values.put(SiteField.NAME, name);
        if (header.has(BrownfieldColumn.SITE_ADDRESS)) {
            values.put(SiteField.SITE_ADDRESS, address);
        }
        putText(values, SiteField.SITE_PLAN_URL, cells, BrownfieldColumn.SITE_PLAN_URL, 2000, errors);

        BrownfieldCoordinates.Location location = null;
        boolean hasLocationColumns = header.has(BrownfieldColumn.GEO_X) || header.has(BrownfieldColumn.POINT);
        try {
            if (header.has(BrownfieldColumn.POINT)) {
                location = coordinates.fromPoint(cells.get(BrownfieldColumn.POINT), header.name(BrownfieldColumn.POINT));
            } else if (header.has(BrownfieldColumn.GEO_X)) {
                location = coordinates.fromGeoXY(cells.get(BrownfieldColumn.COORDINATE_REFERENCE_SYSTEM),
                        cells.get(BrownfieldColumn.GEO_X), cells.get(BrownfieldColumn.GEO_Y),
                        header.name(BrownfieldColumn.GEO_X), header.name(BrownfieldColumn.GEO_Y),
                        header.name(BrownfieldColumn.COORDINATE_REFERENCE_SYSTEM));
            }
        } catch (BrownfieldCoordinates.CoordinateError e) {
            errors.add(error(line, e.field, e.getMessage()));
        }
        if (hasLocationColumns) {
            values.put(SiteField.LATITUDE, location == null ? null : location.latitude());
            values.put(SiteField.LONGITUDE, location == null ? null : location.longitude());
        }

        if (header.has(BrownfieldColumn.HECTARES)) {
            String hectares = cells.get(BrownfieldColumn.HECTARES);
            if (hectares == null) {
                values.put(SiteField.HECTARES, null);
            } else if (HECTARES.matcher(hectares).matches()) {
                values.put(SiteField.HECTARES, new BigDecimal(hectares));
            } else {
                errors.add(error(line, header.name(BrownfieldColumn.HECTARES), "'" + abbreviate(hectares)
                        + "' is not an area in hectares (a number of at least 0 with up to 6 decimal places)"));
            }
        }
        if (header.has(BrownfieldColumn.OWNERSHIP_STATUS)) {
            values.put(SiteField.OWNERSHIP_STATUS, ownership(cells, errors));
        }
        putBoolean(values, SiteField.DELIVERABLE, cells, BrownfieldColumn.DELIVERABLE, errors);
        if (header.has(BrownfieldColumn.PLANNING_STATUS)) {
            values.put(SiteField.PLANNING_STATUS, planning(cells, errors));
        }
        putText(values, SiteField.PERMISSION_TYPE, cells, BrownfieldColumn.PERMISSION_TYPE, 200, errors);
        putDate(values, SiteField.PERMISSION_DATE, cells, BrownfieldColumn.PERMISSION_DATE, errors);
        if (header.has(BrownfieldColumn.PLANNING_HISTORY)) {
            values.put(SiteField.PLANNING_HISTORY, history(cells, errors));
        }
        putBoolean(values, SiteField.PROPOSED_FOR_PIP, cells, BrownfieldColumn.PROPOSED_FOR_PIP, errors);
        Integer min = dwellings(cells, BrownfieldColumn.MIN_NET_DWELLINGS, errors);
        Integer from = dwellings(cells, BrownfieldColumn.NET_DWELLINGS_RANGE_FROM, errors);
        Integer max = dwellings(cells, BrownfieldColumn.MAX_NET_DWELLINGS, errors);
        Integer to = dwellings(cells, BrownfieldColumn.NET_DWELLINGS_RANGE_TO, errors);
        // The 2017 standard's MinNetDwellings and its range's lower end say the same; the range fills a gap.
        Integer minimum = min != null ? min : from;
        Integer maximum = max != null ? max : to;
        if (header.has(BrownfieldColumn.MIN_NET_DWELLINGS) || header.has(BrownfieldColumn.NET_DWELLINGS_RANGE_FROM)) {
            values.put(SiteField.MIN_NET_DWELLINGS, minimum);
        }
        if (header.has(BrownfieldColumn.MAX_NET_DWELLINGS) || header.has(BrownfieldColumn.NET_DWELLINGS_RANGE_TO)) {
            values.put(SiteField.MAX_NET_DWELLINGS, maximum);
        }
        if (minimum != null && maximum != null && minimum > maximum) {
            String field = header.has(BrownfieldColumn.MAX_NET_DWELLINGS) ? header.name(BrownfieldColumn.MAX_NET_DWELLINGS)
                    : header.name(BrownfieldColumn.NET_DWELLINGS_RANGE_TO);
            errors.add(error(line, field, "the most dwellings (" + maximum + ") is fewer than the least (" + minimum + ")"));
        }
        putText(values, SiteField.DEVELOPMENT_DESCRIPTION, cells, BrownfieldColumn.DEVELOPMENT_DESCRIPTION, 4000, errors);
        putText(values, SiteField.NON_HOUSING_DEVELOPMENT, cells, BrownfieldColumn.NON_HOUSING_DEVELOPMENT, 4000, errors);
        putBoolean(values, SiteField.PART2, cells, BrownfieldColumn.PART2, errors);
        putText(values, SiteField.HAZARDOUS_SUBSTANCES, cells, BrownfieldColumn.HAZARDOUS_SUBSTANCES, 1000, errors);
        putText(values, SiteField.SITE_INFORMATION, cells, BrownfieldColumn.SITE_INFORMATION, 4000, errors);
        putText(values, SiteField.NOTES, cells, BrownfieldColumn.NOTES, 4000, errors);
        LocalDate firstAdded = putDate(values, SiteField.FIRST_ADDED_DATE, cells, BrownfieldColumn.FIRST_ADDED_DATE, errors);
        putDate(values, SiteField.LAST_UPDATED_DATE, cells, BrownfieldColumn.LAST_UPDATED_DATE, errors);
        LocalDate end = putDate(values, SiteField.END_DATE, cells, BrownfieldColumn.END_DATE, errors);
        if (firstAdded != null && end != null && end.isBefore(firstAdded)) {
            errors.add(error(line, header.name(BrownfieldColumn.END_DATE), "the end date (" + end
                    + ") is before the date the site was first added (" + firstAdded + ")"));
        }

        if (errors.size() > before) {
            return null;
        }
        if (hasLocationColumns && location == null) {
            warnings.add(error(line, header.has(BrownfieldColumn.POINT) ? header.name(BrownfieldColumn.POINT)
                    : header.name(BrownfieldColumn.GEO_X) + ", " + header.name(BrownfieldColumn.GEO_Y),
                    "no coordinates: the site is saved without a location and is not on the map"));
        }
        return new ParsedSite(line, reference, values, location);
    }

    private OwnershipStatus ownership(Cells cells, List<FieldError> errors) {
        String value = cells.get(BrownfieldColumn.OWNERSHIP_STATUS);
        if (value == null) {
            return OwnershipStatus.UNKNOWN_OWNERSHIP;
        }
        String key = words(value);
        return switch (key) {
            case "owned by a public authority", "owned by public authority", "owned by a public body",
                    "owned by public authority ownership", "owned by the council", "owned by a public authority (pa)" ->
                OwnershipStatus.OWNED_BY_PUBLIC_AUTHORITY;
            case "not owned by a public authority", "not owned by public authority", "not owned by a public body" ->
                OwnershipStatus.NOT_OWNED_BY_PUBLIC_AUTHORITY;
            case "mixed ownership", "mixed" -> OwnershipStatus.MIXED_OWNERSHIP;
            case "unknown ownership", "unknown" -> OwnershipStatus.UNKNOWN_OWNERSHIP;
            default -> {
                try {
                    yield OwnershipStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    cells.errors(errors, BrownfieldColumn.OWNERSHIP_STATUS, "'" + abbreviate(value) + "' is not one of: "
                            + "owned by a public authority, not owned by a public authority, mixed ownership, unknown ownership");
                    yield null;
                }
            }
        };
    }

    private PlanningStatus planning(Cells cells, List<FieldError> errors) {
        String value = cells.get(BrownfieldColumn.PLANNING_STATUS);
        if (value == null) {
            return null;
        }
        return switch (words(value)) {
            case "permissioned", "permissioned (full)", "permission granted" -> PlanningStatus.PERMISSIONED;
            case "not permissioned", "unpermissioned" -> PlanningStatus.NOT_PERMISSIONED;
            case "pending decision", "pending" -> PlanningStatus.PENDING_DECISION;
            default -> {
                try {
                    yield PlanningStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    cells.errors(errors, BrownfieldColumn.PLANNING_STATUS, "'" + abbreviate(value)
                            + "' is not one of: permissioned, not permissioned, pending decision");
                    yield null;
                }
            }
        };
    }

    private List<String> history(Cells cells, List<FieldError> errors) {
        String value = cells.get(BrownfieldColumn.PLANNING_HISTORY);
        List<String> links = new ArrayList<>();
        if (value == null) {
            return links;
        }
        for (String part : value.split("\\|")) {
            String link = part.strip();
            if (link.isEmpty()) {
                continue;
            }
            if (link.length() > 500) {
                cells.errors(errors, BrownfieldColumn.PLANNING_HISTORY, "a link is longer than 500 characters");
                return links;
            }
            links.add(link);
        }
        return links;
    }

    private Integer dwellings(Cells cells, BrownfieldColumn column, List<FieldError> errors) {
        String value = cells.get(column);
        if (value == null) {
            return null;
        }
        if (!WHOLE.matcher(value).matches()) {
            cells.errors(errors, column, "'" + abbreviate(value) + "' is not a whole number of dwellings (0 or more)");
            return null;
        }
        return Integer.valueOf(value.replaceAll("\\.0+$", ""));
    }

    private void putText(Map<SiteField, Object> values, SiteField field, Cells cells, BrownfieldColumn column, int max,
            List<FieldError> errors) {
        if (header.has(column)) {
            values.put(field, text(cells, column, max, errors));
        }
    }

    private String text(Cells cells, BrownfieldColumn column, int max, List<FieldError> errors) {
        String value = cells.get(column);
        if (value != null && value.length() > max) {
            cells.errors(errors, column, "is " + value.length() + " characters long; at most " + max + " are kept");
            return null;
        }
        return value;
    }

    private void putBoolean(Map<SiteField, Object> values, SiteField field, Cells cells, BrownfieldColumn column,
            List<FieldError> errors) {
        if (!header.has(column)) {
            return;
        }
        String value = cells.get(column);
        if (value == null) {
            values.put(field, null);
            return;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> values.put(field, Boolean.TRUE);
            case "no", "n", "false", "0" -> values.put(field, Boolean.FALSE);
            default -> cells.errors(errors, column, "'" + abbreviate(value) + "' is not yes or no");
        }
    }

    private LocalDate putDate(Map<SiteField, Object> values, SiteField field, Cells cells, BrownfieldColumn column,
            List<FieldError> errors) {
        if (!header.has(column)) {
            return null;
        }
        String value = cells.get(column);
        LocalDate date = value == null ? null : date(value);
        if (value != null && date == null) {
            cells.errors(errors, column, "'" + abbreviate(value) + "' is not a date as dd/mm/yyyy or yyyy-mm-dd");
        }
        values.put(field, date);
        return date;
    }

    static LocalDate date(String value) {
        try {
            Matcher dmy = DMY.matcher(value);
            if (dmy.matches()) {
                return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1)));
            }
            Matcher iso = ISO.matcher(value);
            if (!iso.matches()) {
                iso = SLASHED_ISO.matcher(value);
            }
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static String words(String value) {
        return value.toLowerCase(Locale.ROOT).strip().replaceAll("[\\s_]+", " ");
    }

    static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    private static FieldError error(int line, String field, String message) {
        return new FieldError().row(line).field(field).message(message);
    }

    /** The row's cells by column, cleaned: trimmed (non-breaking spaces too), empty as null, extra quotes off. */
    private final class Cells {
        private final List<String> raw;
        private final int line;
        private final List<FieldError> warnings;

        Cells(List<String> raw, int line, List<FieldError> warnings) {
            this.raw = raw;
            this.line = line;
            this.warnings = warnings;
        }

        String get(BrownfieldColumn column) {
            Integer i = header.columns.get(column);
            if (i == null) {
                return null;
            }
            String value = raw.get(i).replace('\u00a0', ' ').strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                // """12 High Street""" in the file: a value wrapped in quotes of its own. Read without them.
                String unwrapped = value;
                while (unwrapped.length() >= 2 && unwrapped.startsWith("\"") && unwrapped.endsWith("\"")) {
                    unwrapped = unwrapped.substring(1, unwrapped.length() - 1).strip();
                }
                if (!warned(column)) {
                    warnings.add(error(line, header.name(column), "the value is wrapped in extra quotes ("
                            + abbreviate(value) + "); read without them"));
                }
                value = unwrapped;
            }
            return value.isEmpty() ? null : value;
        }

        private boolean warned(BrownfieldColumn column) {
            String field = header.name(column);
            return warnings.stream().anyMatch(w -> w.getRow() == line && field.equals(w.getField()));
        }

        void errors(List<FieldError> errors, BrownfieldColumn column, String message) {
            errors.add(error(line, header.name(column), message));
        }
    }
}
