package org.estatehub.disposal;

/** What a disposal offers (disposal.offer_types holds these names). */
public enum OfferType {
    FREEHOLD_SALE, LEASEHOLD, LICENCE
}
