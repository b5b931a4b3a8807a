package org.estatehub.occupation;

/** On what terms an occupier holds its space (column occupation.basis holds these names). */
public enum OccupationBasis {
    OWNER_OCCUPIED, LEASE, LICENCE,
    /** A memorandum of terms of occupation: the licence-like agreement between public bodies. */
    MOTO,
    SUB_LET
}
