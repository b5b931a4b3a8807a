package org.estatehub.asset.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.api.model.SourceColumn;
import org.estatehub.asset.Asset;
import org.estatehub.asset.AssetStatus;
import org.estatehub.asset.geo.OsGrid;
import org.estatehub.asset.mapping.PublishedWording;
import org.estatehub.asset.mapping.SourceColumns;
import org.estatehub.asset.service.AssetQuery;
import org.estatehub.asset.service.AssetRows;
import org.estatehub.asset.service.AssetSearch;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.sql.Cursors;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.partner.Partner;

/**
 * Writes the assets a caller may see in one of the {@link ExportLayout}s, each of which {@link AssetImporter}
 * reads back unchanged, row by row as they arrive from PostgreSQL: an export of the whole register (100,000
 * assets) never sits in memory, neither as entities nor as text. Only the header needs to know about all the
 * rows (the union of their source column names, and for the older layout which newer fields occur): one
 * aggregate query over the same selection answers that before the rows stream. The price, as for maps
 * (AssetFeatureStream): a slow client holds a worker thread and a database connection while it downloads.
 * The rest layer hands the response's stream to {@link Export#writeTo}.
 */
@ApplicationScoped
public class AssetExporter {

    /** The LGA schema's 21 columns, in the schema's order. */
    static final List<String> LGA_COLUMNS = List.of("OrganisationURI", "OrganisationLabel", "Organisation",
            "EffectiveDate", "UPRN", "AssetCode", "PropertyName", "StreetNumber", "StreetName", "PostTown", "PostCode",
            "CoordinateReferenceSystem", "GeoX", "GeoY", "TenureType", "TenureDetail", "OtherDetail", "HoldingType",
            "BuildingSize", "LandArea", "EnergyRating");

    /** EstateHub's fields that the LGA schema lacks, after its columns, headed as the older layout heads them. */
    static final List<String> ESTATEHUB_COLUMNS = List.of(TransparencyColumns.ASSET_TYPE.header(),
            TransparencyColumns.LOCAL_AUTHORITY.header(), TransparencyColumns.LOCAL_AUTHORITY_NAME.header(),
            TransparencyColumns.STATUS.header(), TransparencyColumns.RUNNING_COST.header(),
            TransparencyColumns.UTILISATION.header(), TransparencyColumns.DESKS.header(),
            TransparencyColumns.VISIBILITY.header(), TransparencyColumns.EPIMS.header(),
            TransparencyColumns.LAND_ONLY.header());

    static final List<String> EPIMS_COLUMNS = List.of("e-PIMS Property Reference", "Property Name", "Address", "Town",
            "Postcode", "UPRN", "Organisation", "Tenure", "Holding Type", "GIA (sq m)", "Site Area (ha)", "Contact");

    /** Where a council without an OrganisationURI of its own is identified: its GSS code's statistical geography. */
    static final String STATISTICAL_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/";

    @Inject
    AssetSearch search;

    @Inject
    DataSource dataSource;

    @Inject
    LocalAuthorities authorities;

    /** An export whose rows are fixed; writing it reads them. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The newer fields the older layout writes only when an exported asset has one, in the order it appends
     * them: the LGA schema's, so that an asset's source columns (OtherDetail among them) come back in the order
     * its register had them.
     */
    enum NewerField {
        OCCUPANCY("TenureDetail", "a.occupancy"),
        /** A source column, not a field: present when an exported asset has an OtherDetail (extras query). */
        OTHER_DETAIL("OtherDetail", null),
        HOLDING("HoldingType", "a.holding"),
        LAND_AREA("LandArea", "a.land_area_hectares"),
        EPC("EnergyRating", "a.epc_band"),
        EFFECTIVE_DATE("EffectiveDate", "a.effective_date");

        final String header;
        final String column;

        NewerField(String header, String column) {
            this.header = header;
            this.column = column;
        }
    }

    /**
     * One extra column: the {@code occurrence}-th source column of that name in an asset (a register can
     * repeat a header, e.g. its organisation columns).
     */
    record Extra(String name, int occurrence) {
    }

    /** Fixes the caller's rows now, while their request is in scope; the rows follow when the answer is written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Export export(AssetQuery query, ExportLayout layout) {
        Map<String, Object> params = new HashMap<>();
        String where = search.where(query, params);
        NamedSql sql = NamedSql.of("select " + AssetRows.COLUMNS + " from asset a where " + where + " order by a.owner_partner_id, a.name, a.id");
        Map<String, Partner> partners = new HashMap<>();
        Partner.<Partner>listAll().forEach(p -> partners.put(p.id, p));
        // The header (which source columns and newer fields appear) and the rows are read in one snapshot,
        // so an import committing in between cannot give rows a column the header lacks.
        return out -> Cursors.inOneSnapshot(dataSource, connection -> {
            List<Extra> sourceColumns = layout == ExportLayout.EPIMS ? List.of()
                    : sourceColumns(connection, where, params);
            List<Extra> extras = sourceColumns.stream().filter(e -> Writer.inPlace(layout, e) == null).toList();
            List<NewerField> newer = List.of();
            if (layout == ExportLayout.TRANSPARENCY_2014) {
                boolean otherDetail = sourceColumns.stream()
                        .anyMatch(e -> "OtherDetail".equals(Writer.inPlace(ExportLayout.TRANSPARENCY_2014, e)));
                newer = newerFields(connection, where, params).stream()
                        .filter(f -> f != NewerField.OTHER_DETAIL || otherDetail).toList();
            }
            Writer writer = new Writer(layout, partners, extras, newer, authorities);
            Writer.Text text = writer.open(out);
            Cursors.forEachRow(connection, sql, params, row -> writer.print(text, AssetRows.read(row)));
            text.flush();
        });
    }

    /**
     * The source columns the selected assets carry that the layout has no column of its own for, in the
     * order a reader meets them going down the export (first asset first, then within an asset the file's
     * order). One aggregate query: each asset's n-th column of a name is a column of its own.
     */
    private static List<Extra> sourceColumns(Connection connection, String where, Map<String, Object> params)
            throws SQLException {
        NamedSql sql = NamedSql.of("""
                select name, occurrence from (
                    select c.e ->> 'name' as name,
                           row_number() over (partition by a.id, c.e ->> 'name' order by c.ord) as occurrence,
                           row_number() over (order by a.owner_partner_id, a.name, a.id, c.ord) as seen
                    from asset a cross join lateral jsonb_array_elements(a.source_columns) with ordinality as c(e, ord)
                    where a.source_columns is not null and (%s)) s
                group by name, occurrence
                order by min(seen)""".formatted(where));
        return sql.list(connection, params, rs -> new Extra(rs.getString("name"), rs.getInt("occurrence")));
    }

    /** The newer fields some selected asset has (OTHER_DETAIL, a source column, is left to the caller). */
    private static List<NewerField> newerFields(Connection connection, String where, Map<String, Object> params)
            throws SQLException {
        StringBuilder select = new StringBuilder("select count(*) as assets");
        for (NewerField field : NewerField.values()) {
            if (field.column != null) {
                select.append(", bool_or(").append(field.column).append(" is not null) as ")
                        .append(field.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        NamedSql sql = NamedSql.of(select + " from asset a where " + where);
        return sql.one(connection, params, rs -> {
            List<NewerField> present = new ArrayList<>();
            for (NewerField field : NewerField.values()) {
                if (field.column == null || rs.getBoolean(field.name().toLowerCase(java.util.Locale.ROOT))) {
                    present.add(field);
                }
            }
            return present;
        });
    }

    /** Writes one layout's header and rows; holds no rows itself. */
    static final class Writer {

        private final ExportLayout layout;
        private final Map<String, Partner> partners;
        private final List<Extra> extras;
        private final Map<Extra, Integer> extraIndex = new HashMap<>();
        private final List<NewerField> newer;
        private final LocalAuthorities authorities;
        private final OsGrid grid = new OsGrid();

        Writer(ExportLayout layout, Map<String, Partner> partners, List<Extra> extras, List<NewerField> newer,
                LocalAuthorities authorities) {
            this.layout = layout;
            this.partners = partners;
            this.extras = extras;
            for (int i = 0; i < extras.size(); i++) {
                extraIndex.put(extras.get(i), i);
            }
            this.newer = newer;
            this.authorities = authorities;
        }

        /**
         * The column of the layout a source column is written in instead of a column of its own: the
         * register's wording of a typed field, or a cell of a column the layout has but EstateHub has no
         * field for (OtherDetail; e-PIMS's Contact). Null: an extra column.
         */
        static String inPlace(ExportLayout layout, Extra column) {
            if (column.occurrence() != 1) {
                return null;
            }
            PublishedWording wording = PublishedWording.of(column.name());
            String key = PublishedWording.normalise(column.name());
            return switch (layout) {
                case LGA -> wording == PublishedWording.TENURE ? "TenureType"
                        : wording == PublishedWording.OCCUPANCY ? "TenureDetail"
                        : wording == PublishedWording.HOLDING ? "HoldingType"
                        : key.equals("otherdetail") ? "OtherDetail" : null;
                case TRANSPARENCY_2014 -> wording == PublishedWording.TENURE ? "Tenure"
                        : wording == PublishedWording.OCCUPANCY ? "TenureDetail"
                        : wording == PublishedWording.HOLDING ? "HoldingType"
                        : key.equals("otherdetail") ? "OtherDetail" : null;
                case EPIMS -> wording == PublishedWording.TENURE ? "Tenure"
                        : wording == PublishedWording.HOLDING ? "Holding Type"
                        : key.equals("contact") ? "Contact" : null;
            };
        }

        /** The printer and a row's worth of cells, reused row after row. */
        static final class Text {
            final CSVPrinter printer;
            final List<Object> cells = new ArrayList<>();

            Text(CSVPrinter printer) {
                this.printer = printer;
            }

            void flush() throws IOException {
                printer.flush();
            }
        }

        Text open(OutputStream out) throws IOException {
            List<String> header = new ArrayList<>();
            switch (layout) {
                case LGA -> {
                    header.addAll(LGA_COLUMNS);
                    header.addAll(ESTATEHUB_COLUMNS);
                }
                case TRANSPARENCY_2014 -> {
                    for (TransparencyColumns column : TransparencyColumns.LAYOUT_2X) {
                        header.add(column.header());
                    }
                    newer.forEach(field -> header.add(field.header));
                }
                case EPIMS -> header.addAll(EPIMS_COLUMNS);
            }
            extras.forEach(extra -> header.add(extra.name()));
            java.io.Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            return new Text(new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get()));
        }

        void print(Text text, Asset a) throws IOException {
            Map<String, String> inPlace = new HashMap<>();
            Object[] extraCells = new Object[extras.size()];
            if (a.sourceColumns != null) {
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (SourceColumn column : SourceColumns.read(a.sourceColumns)) {
                    Extra key = new Extra(column.getName(), seen.merge(column.getName(), 1, Integer::sum));
                    String target = inPlace(layout, key);
                    if (target != null) {
                        inPlace.put(target, column.getValue());
                    } else {
                        Integer index = extraIndex.get(key);
                        if (index != null) {
                            extraCells[index] = column.getValue();
                        }
                    }
                }
            }
            List<Object> cells = text.cells;
            cells.clear();
            switch (layout) {
                case LGA -> lga(a, inPlace, cells);
                case TRANSPARENCY_2014 -> transparency2014(a, inPlace, cells);
                case EPIMS -> epims(a, inPlace, cells);
            }
            for (Object cell : extraCells) {
                cells.add(cell);
            }
            text.printer.printRecord(cells);
        }

        private void lga(Asset a, Map<String, String> inPlace, List<Object> cells) {
            Partner owner = partners.get(a.ownerPartnerId);
            cells.add(organisationUri(owner));
            cells.add(owner.name);
            cells.add(owner.shortName != null ? owner.shortName : owner.id);
            cells.add(a.effectiveDate);
            cells.add(a.uprn);
            cells.add(a.ownReference);
            cells.add(a.name);
            cells.add(null);
            cells.add(a.street);
            cells.add(a.town);
            cells.add(a.postcode);
            if (a.latitude == null) {
                cells.add(null);
                cells.add(null);
                cells.add(null);
            } else if ("EPSG:27700".equals(a.coordinateSystem)) {
                double[] en = grid.toEastingNorthing(a.latitude.doubleValue(), a.longitude.doubleValue());
                cells.add("OSGB36");
                cells.add(gridReference(en[0]));
                cells.add(gridReference(en[1]));
            } else {
                cells.add("WGS84");
                cells.add(degrees(a.longitude));
                cells.add(degrees(a.latitude));
            }
            cells.add(inPlace.getOrDefault("TenureType", tenure(a)));
            cells.add(inPlace.getOrDefault("TenureDetail", occupancy(a)));
            cells.add(inPlace.get("OtherDetail"));
            cells.add(inPlace.getOrDefault("HoldingType", holding(a)));
            cells.add(plain(a.grossInternalAreaM2));
            cells.add(plain(a.landAreaHectares));
            cells.add(a.epcBand == null ? null : a.epcBand.toString());
            cells.add(a.assetType);
            cells.add(a.localAuthority);
            cells.add(authorities.name(a.localAuthority));
            cells.add(a.status);
            cells.add(plain(a.annualRunningCost));
            cells.add(plain(a.utilisationPercent));
            cells.add(a.sharedWorkspaceDesks);
            cells.add(a.visibility);
            cells.add(a.epimsReference);
            cells.add(a.landOnly ? "yes" : "no");
        }

        /** The older layout, cell for cell as EstateHub 2.x wrote it, then the newer fields that occur. */
        private void transparency2014(Asset a, Map<String, String> inPlace, List<Object> cells) {
            double[] en = a.latitude == null ? null
                    : grid.toEastingNorthing(a.latitude.doubleValue(), a.longitude.doubleValue());
            cells.add(partners.get(a.ownerPartnerId).name);
            cells.add(a.uprn);
            cells.add(a.ownReference);
            cells.add(a.name);
            cells.add(null);
            cells.add(a.street);
            cells.add(a.town);
            cells.add(a.postcode);
            cells.add(en == null ? null : gridReference(en[0]));
            cells.add(en == null ? null : gridReference(en[1]));
            cells.add(inPlace.getOrDefault("Tenure", a.tenure == null ? null : capitalised(a.tenure.toString())));
            cells.add(tenureCategory(a.status));
            cells.add(a.assetType);
            cells.add(a.localAuthority);
            cells.add(authorities.name(a.localAuthority));
            cells.add(a.landOnly ? "yes" : "no");
            cells.add(plain(a.grossInternalAreaM2));
            cells.add(plain(a.annualRunningCost));
            cells.add(plain(a.utilisationPercent));
            cells.add(a.status);
            cells.add(a.sharedWorkspaceDesks);
            cells.add(a.visibility);
            cells.add(a.epimsReference);
            for (NewerField field : newer) {
                cells.add(switch (field) {
                    case OCCUPANCY -> inPlace.getOrDefault("TenureDetail", occupancy(a));
                    case OTHER_DETAIL -> inPlace.get("OtherDetail");
                    case HOLDING -> inPlace.getOrDefault("HoldingType", holding(a));
                    case LAND_AREA -> plain(a.landAreaHectares);
                    case EPC -> a.epcBand == null ? null : a.epcBand.toString();
                    case EFFECTIVE_DATE -> a.effectiveDate;
                });
            }
        }

        private void epims(Asset a, Map<String, String> inPlace, List<Object> cells) {
            cells.add(a.epimsReference);
            cells.add(a.name);
            cells.add(a.street);
            cells.add(a.town);
            cells.add(a.postcode);
            cells.add(a.uprn);
            cells.add(partners.get(a.ownerPartnerId).name);
            cells.add(inPlace.getOrDefault("Tenure", tenure(a)));
            cells.add(inPlace.getOrDefault("Holding Type", holding(a)));
            cells.add(plain(a.grossInternalAreaM2));
            cells.add(plain(a.landAreaHectares));
            cells.add(inPlace.get("Contact"));
        }

        /**
         * The owner's OrganisationURI; a council without one is identified by its authority's statistical
         * geography (the URI the LGA schema's guidance gives for councils); another body without one has none.
         */
        static String organisationUri(Partner owner) {
            if (owner.organisationUri != null) {
                return owner.organisationUri;
            }
            if (owner.type != null && owner.type.name().endsWith("_COUNCIL") && owner.localAuthority != null) {
                return STATISTICAL_GEOGRAPHY + owner.localAuthority;
            }
            return null;
        }
    }

    /** The canonical labels (interface15.md), which the import maps back to the same value. */
    static String tenure(Asset a) {
        if (a.tenure == null) {
            return null;
        }
        return switch (a.tenure) {
            case FREEHOLD -> "Freehold";
            case LEASEHOLD -> "Leasehold";
            case OTHER -> "Other";
        };
    }

    static String occupancy(Asset a) {
        if (a.occupancy == null) {
            return null;
        }
        return switch (a.occupancy) {
            case OWNER_OCCUPIED -> "Owner occupied";
            case LET -> "Let";
            case SUB_LET -> "Sub-let";
            case LICENCE -> "Licence";
            case VACANT -> "Vacant";
            case OTHER -> "Other";
        };
    }

    static String holding(Asset a) {
        if (a.holding == null) {
            return null;
        }
        return switch (a.holding) {
            case LAND -> "Land";
            case BUILDING -> "Building";
            case LAND_AND_BUILDING -> "Land and building";
        };
    }

    /** The Code's "tenure category or status", derived: EstateHub records occupation as a status. */
    private static String tenureCategory(AssetStatus status) {
        return switch (status) {
            case OPERATIONAL, UNDER_UTILISED -> "Occupied by the authority";
            case SURPLUS -> "Vacant";
            case DISPOSED -> "Disposed";
        };
    }

    private static String capitalised(String value) {
        return value.charAt(0) + value.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Centimetres: a stored location has six decimals of a degree (about 7 cm of longitude in Kent), so
     * anything coarser could move it to a neighbouring value when the file is imported again.
     */
    private static String gridReference(double metres) {
        return BigDecimal.valueOf(metres).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Six decimals, as stored: the value the import reads back is the stored one exactly. */
    private static String degrees(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
