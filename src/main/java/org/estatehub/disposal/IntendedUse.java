package org.estatehub.disposal;

/** What an interested partner would use the site for (disposal_interest.intended_use). */
public enum IntendedUse {
    CO_LOCATION, SERVICE_DELIVERY, HOUSING, REGENERATION
}
