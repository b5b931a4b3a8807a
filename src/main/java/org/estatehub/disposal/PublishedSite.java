package org.estatehub.disposal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The asset's fields a disposal publishes to every partner, even for an OWNER_ONLY asset: where the site is
 * and what it is called. Read straight from the asset row, never through the register's sharing rules,
 * and never more than these (no running cost, utilisation, floor area or other register field).
 */
public record PublishedSite(UUID id, String name, String street, String town, String postcode, String localAuthority,
        BigDecimal latitude, BigDecimal longitude) {
}
