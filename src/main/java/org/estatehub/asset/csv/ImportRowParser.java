package org.estatehub.asset.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;
import org.estatehub.asset.geo.OsGrid;
import org.estatehub.asset.mapping.Postcodes;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.partner.Partner;

import static org.estatehub.asset.csv.TransparencyColumns.*;

/**
 * Reads and checks one row of a Transparency Code file for one owner. Every problem in the row is
 * collected, so the caller can fix the whole file in one pass.
 */
final class ImportRowParser {

    private static final java.util.regex.Pattern UPRN_PATTERN = java.util.regex.Pattern.compile("^[1-9][0-9]{0,11}$");
    private static final java.util.regex.Pattern GSS_CODE = java.util.regex.Pattern.compile("^[ENSW][0-9]{8}$");

    private final Partner owner;
    private final Map<TransparencyColumns, Integer> columns;
    private final LocalAuthorities authorities;
    private final String homeAuthority;
    private final OsGrid grid = new OsGrid();

    /**
     * @param authorities   the register, read from its in-memory snapshot (no query per row)
     * @param homeAuthority the owner's own authority (GSS code), assumed for a row that names none; may be null
     */
    ImportRowParser(Partner owner, Map<TransparencyColumns, Integer> columns, LocalAuthorities authorities,
            String homeAuthority) {
        this.owner = owner;
        this.columns = columns;
        this.authorities = authorities;
        this.homeAuthority = homeAuthority;
    }

    /** Returns the row, or null after adding its errors to `errors`. */
    ImportRow parse(CSVRecord record, int line, List<FieldError> errors) {
        List<FieldError> rowErrors = new ArrayList<>();
        Cells cells = new Cells(record, line, rowErrors);

        String organisation = cells.text(ORGANISATION, 200);
        if (organisation != null && !names(owner).contains(organisation.toLowerCase(Locale.ROOT))) {
            cells.error(ORGANISATION, "'" + organisation + "' is not " + owner.name + "; a file holds one owner's assets");
        }
        String uprn = cells.text(UPRN, 20);
        if (uprn != null && !UPRN_PATTERN.matcher(uprn).matches()) {
            cells.error(UPRN, "must be 1 to 12 digits, not starting with 0");
            uprn = null;
        }
        String ownReference = cells.text(ASSET_ID, 60);
        if (cells.text(UPRN, 20) == null && ownReference == null) {
            cells.error(UPRN, "give a UPRN or a Unique Asset ID so the row can be matched on re-import");
        }
        String name = cells.text(NAME, 200);
        if (name == null) {
            cells.error(NAME, "must not be empty");
        }
        String number = cells.text(STREET_NUMBER, 20);
        String streetOnly = cells.text(STREET, 180);
        String street = number == null ? streetOnly : streetOnly == null ? number : number + " " + streetOnly;
        String town = cells.text(TOWN, 100);
        String postcode = Postcodes.normalise(cells.text(POSTCODE, 10));
        if (postcode != null && !Postcodes.isValid(postcode)) {
            cells.error(POSTCODE, "'" + cells.raw(POSTCODE) + "' is not a UK postcode");
            postcode = null;
        }

        BigDecimal latitude = null;
        BigDecimal longitude = null;
        BigDecimal easting = cells.decimal(X, BigDecimal.ZERO, BigDecimal.valueOf(700_000), true);
        BigDecimal northing = cells.decimal(Y, BigDecimal.ZERO, BigDecimal.valueOf(1_300_000), true);
        if (easting != null && northing != null) {
            double[] latLon = grid.toLatLon(easting.doubleValue(), northing.doubleValue());
            if (latLon[0] < 49.8 || latLon[0] > 60.9 || latLon[1] < -8.7 || latLon[1] > 1.8) {
                cells.error(X, "easting/northing lie outside the United Kingdom");
            } else {
                latitude = BigDecimal.valueOf(latLon[0]).setScale(6, RoundingMode.HALF_UP);
                longitude = BigDecimal.valueOf(latLon[1]).setScale(6, RoundingMode.HALF_UP);
            }
        }

        Tenure tenure = tenure(cells);
        AssetType assetType = cells.choice(ASSET_TYPE, AssetType.values(), null);
        Boolean landOnly = cells.yesNo(LAND_ONLY);
        if (landOnly == null) {
            landOnly = assetType == AssetType.LAND || assetType == AssetType.CAR_PARK;
        }
        if (assetType == null && cells.raw(ASSET_TYPE) == null) {
            assetType = landOnly ? AssetType.LAND : AssetType.OTHER;
        }
        String localAuthority = localAuthority(cells);
        BigDecimal area = cells.decimal(AREA, BigDecimal.ZERO, new BigDecimal("9999999999"), false);
        BigDecimal cost = cells.money(RUNNING_COST);
        BigDecimal utilisation = cells.decimal(UTILISATION, BigDecimal.ZERO, BigDecimal.valueOf(100), false);
        AssetStatus status = cells.choice(STATUS, AssetStatus.values(), AssetStatus.OPERATIONAL);
        if (status == AssetStatus.DISPOSED) {
            cells.error(STATUS, "disposals are recorded with POST /assets/{assetId}/disposal, not by import");
        }
        Integer desks = cells.integer(DESKS, 0, 10_000);
        if (landOnly && desks != null && desks > 0) {
            cells.error(DESKS, "land without buildings has no desks");
        }
        Visibility visibility = cells.choice(VISIBILITY, Visibility.values(), Visibility.PARTNERSHIP);
        String epims = cells.text(EPIMS, 30);

        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return null;
        }
        return new ImportRow(line, uprn, ownReference, name, assetType, landOnly, street, town, postcode, localAuthority,
                latitude, longitude, tenure, area == null ? null : area.setScale(2, RoundingMode.HALF_UP), cost,
                utilisation == null ? null : utilisation.setScale(2, RoundingMode.HALF_UP), status,
                desks == null ? 0 : desks, visibility, epims);
    }

    /**
     * A GSS code (any authority in the register: whether a former one may stay is decided against the
     * matched asset, AssetImporter), or the name or official name of exactly one current authority.
     */
    private String localAuthority(Cells cells) {
        if (cells.raw(LOCAL_AUTHORITY) == null) {
            if (homeAuthority == null) {
                cells.error(LOCAL_AUTHORITY, "must be given: " + owner.name + " has no home local authority to assume");
            }
            return homeAuthority;
        }
        String raw = cells.text(LOCAL_AUTHORITY, 200);
        if (raw == null) {
            return null;
        }
        String code = raw.toUpperCase(Locale.ROOT);
        if (GSS_CODE.matcher(code).matches()) {
            if (authorities.find(code).isEmpty()) {
                cells.error(LOCAL_AUTHORITY, "'" + raw + "' is not the GSS code of a UK local authority");
                return null;
            }
            return code;
        }
        List<String> named = authorities.currentNamed(raw);
        if (named.size() == 1) {
            return named.get(0);
        }
        cells.error(LOCAL_AUTHORITY, named.isEmpty()
                ? "'" + raw + "' is neither a GSS code nor the name of a current UK local authority"
                : "'" + raw + "' names " + named.size() + " current local authorities (" + String.join(", ", named)
                        + "); give the GSS code");
        return null;
    }

    private static Tenure tenure(Cells cells) {
        String raw = cells.raw(TENURE);
        if (raw == null) {
            cells.error(TENURE, "must be freehold, leasehold or other");
            return null;
        }
        String value = raw.toLowerCase(Locale.ROOT);
        if (value.contains("freehold")) {
            return Tenure.FREEHOLD;
        }
        if (value.contains("leasehold") || value.equals("lease")) {
            return Tenure.LEASEHOLD;
        }
        if (value.equals("other") || value.contains("licence") || value.contains("license")) {
            return Tenure.OTHER;
        }
        cells.error(TENURE, "'" + raw + "' is not one of: freehold, leasehold, other");
        return null;
    }

    private static List<String> names(Partner partner) {
        List<String> names = new ArrayList<>();
        names.add(partner.id.toLowerCase(Locale.ROOT));
        names.add(partner.name.toLowerCase(Locale.ROOT));
        if (partner.shortName != null) {
            names.add(partner.shortName.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Typed access to one row's cells; each failure becomes a row error naming the column. */
    private final class Cells {
        private final CSVRecord record;
        private final int line;
        private final List<FieldError> errors;

        Cells(CSVRecord record, int line, List<FieldError> errors) {
            this.record = record;
            this.line = line;
            this.errors = errors;
        }

        void error(TransparencyColumns column, String message) {
            errors.add(new FieldError().row(line).field(column.header()).message(message));
        }

        String raw(TransparencyColumns column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        String text(TransparencyColumns column, int maxLength) {
            String value = raw(column);
            if (value != null && value.length() > maxLength) {
                error(column, "longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        BigDecimal decimal(TransparencyColumns column, BigDecimal min, BigDecimal max, boolean required) {
            String value = raw(column);
            if (value == null) {
                if (required) {
                    error(column, "must not be empty");
                }
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(value.replace(",", "").replace("%", "").strip());
                if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
                    error(column, "must be between " + min.toPlainString() + " and " + max.toPlainString());
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a number");
                return null;
            }
        }

        BigDecimal money(TransparencyColumns column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            String plain = value.replace("£", "").replace(",", "").strip();
            if (!plain.matches("^[0-9]{1,12}(\\.[0-9]{1,2})?$")) {
                error(column, "'" + value + "' is not an amount in pounds and pence");
                return null;
            }
            return new BigDecimal(plain).setScale(2, RoundingMode.UNNECESSARY);
        }

        Integer integer(TransparencyColumns column, int min, int max) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    error(column, "must be between " + min + " and " + max);
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a whole number");
                return null;
            }
        }

        Boolean yesNo(TransparencyColumns column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "1", "land" -> true;
                case "no", "n", "false", "0", "building" -> false;
                default -> {
                    error(column, "'" + value + "' is not yes or no");
                    yield null;
                }
            };
        }

        <E extends Enum<E>> E choice(TransparencyColumns column, E[] options, E fallback) {
            String value = raw(column);
            if (value == null) {
                return fallback;
            }
            String key = value.toUpperCase(Locale.ROOT).replace("&", "AND").replaceAll("[^A-Z0-9]+", "_")
                    .replaceAll("(^_|_$)", "");
            for (E option : options) {
                if (option.name().equals(key)) {
                    return option;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E option : options) {
                allowed.add(option.name());
            }
            error(column, "'" + value + "' is not one of: " + String.join(", ", allowed));
            return null;
        }
    }
}
