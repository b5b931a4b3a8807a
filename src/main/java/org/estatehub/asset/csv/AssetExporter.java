package org.estatehub.asset.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.asset.Asset;
import org.estatehub.asset.AssetStatus;
import org.estatehub.asset.geo.OsGrid;
import org.estatehub.asset.service.AssetQuery;
import org.estatehub.asset.service.AssetRows;
import org.estatehub.asset.service.AssetSearch;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.sql.Cursors;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.partner.Partner;

/**
 * Writes the assets a caller may see in the Transparency Code layout that {@link AssetImporter} reads,
 * row by row as they arrive from PostgreSQL: an export of the whole register (100,000 assets) never sits
 * in memory, neither as entities nor as text. The price, as for maps (AssetFeatureStream): a slow client
 * holds a worker thread and a database connection while it downloads. The rest layer hands the
 * response's stream to {@link Export#writeTo}.
 */
@ApplicationScoped
public class AssetExporter {

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

    /** Fixes the caller's rows now, while their request is in scope; the rows follow when the answer is written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Export export(AssetQuery query) {
        Map<String, Object> params = new HashMap<>();
        NamedSql sql = NamedSql.of("select a.* from asset a where " + search.where(query, params)
                + " order by a.owner_partner_id, a.name, a.id");
        Map<String, String> partnerNames = new HashMap<>();
        Partner.<Partner>listAll().forEach(p -> partnerNames.put(p.id, p.name));
        return out -> write(out, sql, params, partnerNames);
    }

    private void write(OutputStream out, NamedSql sql, Map<String, Object> params, Map<String, String> partnerNames)
            throws IOException {
        OsGrid grid = new OsGrid();
        String[] header = TransparencyColumns.LAYOUT_2X.stream().map(TransparencyColumns::header)
                .toArray(String[]::new);
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(header).get());
        Cursors.forEachRow(dataSource, sql, params, row -> print(printer, AssetRows.read(row), grid, partnerNames, authorities));
        printer.flush();
    }

    private static void print(CSVPrinter printer, Asset a, OsGrid grid, Map<String, String> partnerNames,
            LocalAuthorities authorities) throws IOException {
        double[] en = a.latitude == null ? null : grid.toEastingNorthing(a.latitude.doubleValue(), a.longitude.doubleValue());
        printer.printRecord(
                partnerNames.get(a.ownerPartnerId),
                a.uprn,
                a.ownReference,
                a.name,
                null,
                a.street,
                a.town,
                a.postcode,
                en == null ? null : gridReference(en[0]),
                en == null ? null : gridReference(en[1]),
                a.tenure == null ? null : capitalised(a.tenure.toString()),
                tenureCategory(a.status),
                a.assetType,
                a.localAuthority,
                authorities.name(a.localAuthority),
                a.landOnly ? "yes" : "no",
                plain(a.grossInternalAreaM2),
                plain(a.annualRunningCost),
                plain(a.utilisationPercent),
                a.status,
                a.sharedWorkspaceDesks,
                a.visibility,
                a.epimsReference);
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

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
