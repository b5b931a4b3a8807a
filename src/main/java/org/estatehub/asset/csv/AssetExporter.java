package org.estatehub.asset.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.api.model.AssetStatus;
import org.estatehub.asset.Asset;
import org.estatehub.asset.geo.OsGrid;
import org.estatehub.asset.service.AssetQuery;
import org.estatehub.asset.service.AssetSearch;
import org.estatehub.partner.Partner;

/** Writes the assets a caller may see in the Transparency Code layout that {@link AssetImporter} reads. */
@ApplicationScoped
public class AssetExporter {

    @Inject
    EntityManager em;

    @Inject
    AssetSearch search;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String export(AssetQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select a.* from asset a where " + search.where(query, params)
                + " order by a.owner_partner_id, a.name, a.id";
        var select = em.createNativeQuery(sql, Asset.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<Asset> assets = select.getResultList();
        Map<String, String> partnerNames = new HashMap<>();
        Partner.<Partner>listAll().forEach(p -> partnerNames.put(p.id, p.name));

        OsGrid grid = new OsGrid();
        StringWriter out = new StringWriter(assets.size() * 220 + 512);
        String[] header = java.util.Arrays.stream(TransparencyColumns.values()).map(TransparencyColumns::header)
                .toArray(String[]::new);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (Asset a : assets) {
                double[] en = grid.toEastingNorthing(a.latitude.doubleValue(), a.longitude.doubleValue());
                printer.printRecord(
                        partnerNames.get(a.ownerPartnerId),
                        a.uprn,
                        a.ownReference,
                        a.name,
                        null,
                        a.street,
                        a.town,
                        a.postcode,
                        BigDecimal.valueOf(en[0]).setScale(1, RoundingMode.HALF_UP).toPlainString(),
                        BigDecimal.valueOf(en[1]).setScale(1, RoundingMode.HALF_UP).toPlainString(),
                        capitalised(a.tenure.toString()),
                        tenureCategory(a.status),
                        a.assetType,
                        a.district,
                        a.landOnly ? "yes" : "no",
                        plain(a.grossInternalAreaM2),
                        plain(a.annualRunningCost),
                        plain(a.utilisationPercent),
                        a.status,
                        a.sharedWorkspaceDesks,
                        a.visibility,
                        a.epimsReference);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
