package org.estatehub.funding.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Identifiers in a 360Giving export, by the standard's identifier guidance
 * (https://standard.threesixtygiving.org/en/latest/technical/identifiers/) and its geoCodeType codelist.
 */
public final class GivingIdentifiers {

    /** The councils EstateHub knows by register code; any other partner type needs a configured identifier. */
    private static final java.util.Set<String> COUNCILS = java.util.Set.of("COUNTY_COUNCIL", "DISTRICT_COUNCIL",
            "UNITARY_COUNCIL");

    /**
     * The org-id.guide list of each nation's local authorities, all keyed by the register code that
     * mySociety's la_code carries (local-authority-eng, local-authority-sct, principal-local-authority
     * for Wales, local-authority-nir): the standard's "commonly used identifier lists".
     */
    private static final Map<String, String> COUNCIL_LISTS = Map.of("England", "GB-LAE", "Scotland", "GB-LAS",
            "Wales", "GB-PLA", "Northern Ireland", "GB-LANI");

    /** ONS entity code (E07) to the codelist's code (NMD), from src/main/resources/giving/geoCodeType.csv. */
    private static final Map<String, String> GEO_CODE_TYPES = readGeoCodeTypes();

    private GivingIdentifiers() {
    }

    /** The publisher's prefix and the award's id: unique, stable across exports, no spaces or slashes. */
    public static String grant(String prefix, UUID awardId) {
        return prefix + "-" + awardId;
    }

    /**
     * A council by its nation's list and register code (GB-LAE-MAI); otherwise the identifier configured
     * for the partner; otherwise one of the publisher's own (prefix-partner-id), as the guidance asks for
     * organisations without a registration number EstateHub holds. A council's authority is its own area,
     * while another body's is only where it is based, so only councils get a register code.
     */
    public static String recipient(String prefix, String partnerId, String partnerType, String laCode, String nation,
            Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (COUNCILS.contains(partnerType) && laCode != null && COUNCIL_LISTS.containsKey(nation)) {
            return COUNCIL_LISTS.get(nation) + "-" + laCode;
        }
        return prefix + "-partner-" + partnerId;
    }

    /** The codelist's type for a GSS code (E07000110 is NMD), or empty when the codelist has no entry. */
    public static Optional<String> geoCodeType(String gssCode) {
        return gssCode == null || gssCode.length() < 3 ? Optional.empty()
                : Optional.ofNullable(GEO_CODE_TYPES.get(gssCode.substring(0, 3)));
    }

    private static Map<String, String> readGeoCodeTypes() {
        try (InputStream in = GivingIdentifiers.class.getClassLoader().getResourceAsStream("giving/geoCodeType.csv")) {
            if (in == null) {
                throw new IllegalStateException("Missing giving/geoCodeType.csv");
            }
            Map<String, String> types = new HashMap<>();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                // The row's documentation URL ends with the ONS entity it lists, e.g. .../statistical-entity/E07.
                String url = row.get("Documentation (URL)").strip();
                types.putIfAbsent(url.substring(url.lastIndexOf('/') + 1), row.get("Code").strip());
            }
            return Map.copyOf(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
