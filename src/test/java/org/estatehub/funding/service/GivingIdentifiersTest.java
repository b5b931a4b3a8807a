package org.estatehub.funding.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/**
 * Identifier rules of the 360Giving export, from the standard's identifier guidance
 * (documentation/technical/identifiers.md: "Local authorities - GB-LAE (England), GB-LAS (Scotland),
 * GB-PLA (Wales), GB-LANI (Northern Ireland)"; grant ids prefix + internal id) and its geoCodeType
 * codelist (codelists/geoCodeType.csv), standard 1.4.3; see src/test/resources/giving/README.md.
 */
@FastTest
class GivingIdentifiersTest {

    @Test
    void grantIdentifierIsThePrefixAndTheAwardId() {
        UUID award = UUID.fromString("0b9d5c1e-7f1a-4c43-9d5e-2a1b3c4d5e6f");
        assertEquals("360G-kentestates-0b9d5c1e-7f1a-4c43-9d5e-2a1b3c4d5e6f",
                GivingIdentifiers.grant("360G-kentestates", award));
    }

    @Test
    void councilsByTheirNationsListAndRegisterCode() {
        assertEquals("GB-LAE-MAI", recipient("maidstone", "DISTRICT_COUNCIL", "MAI", "England"));
        assertEquals("GB-LAE-KEN", recipient("kcc", "COUNTY_COUNCIL", "KEN", "England"));
        assertEquals("GB-LAE-MDW", recipient("medway", "UNITARY_COUNCIL", "MDW", "England"));
        assertEquals("GB-LAS-EDH", recipient("edinburgh", "UNITARY_COUNCIL", "EDH", "Scotland"));
        assertEquals("GB-PLA-CRF", recipient("cardiff", "UNITARY_COUNCIL", "CRF", "Wales"));
        assertEquals("GB-LANI-BFS", recipient("belfast", "DISTRICT_COUNCIL", "BFS", "Northern Ireland"));
    }

    /** Kent Police is based in Maidstone: Maidstone's code is not Kent Police's identifier. */
    @Test
    void otherBodiesAreNeverGivenTheirHostCouncilsCode() {
        for (String type : List.of("POLICE", "FIRE_AND_RESCUE", "NHS", "AMBULANCE", "UNIVERSITY", "ASSOCIATION", "OTHER")) {
            assertEquals("360G-kentestates-partner-kent-police", recipient("kent-police", type, "MAI", "England"), type);
        }
        assertEquals("360G-kentestates-partner-kalc", recipient("kalc", "COUNTY_COUNCIL", null, null));
    }

    @Test
    void aConfiguredIdentifierWins() {
        assertEquals("GB-NHS-QKS", GivingIdentifiers.recipient("360G-kentestates", "nhs-kent-medway", "NHS", null, null,
                Optional.of("GB-NHS-QKS")));
    }

    @Test
    void geographicCodeTypesFromTheCodelist() {
        assertEquals(Optional.of("NMD"), GivingIdentifiers.geoCodeType("E07000110"));
        assertEquals(Optional.of("CTY"), GivingIdentifiers.geoCodeType("E10000016"));
        assertEquals(Optional.of("UA"), GivingIdentifiers.geoCodeType("E06000035"));
        assertEquals(Optional.of("MD"), GivingIdentifiers.geoCodeType("E08000025"));
        assertEquals(Optional.of("LONB"), GivingIdentifiers.geoCodeType("E09000011"));
        assertEquals(Optional.of("UA"), GivingIdentifiers.geoCodeType("W06000015"));
        assertEquals(Optional.of("CA"), GivingIdentifiers.geoCodeType("S12000036"));
        // Northern Ireland's districts (N09) and combined authorities (E47) have no entry in the codelist.
        assertEquals(Optional.empty(), GivingIdentifiers.geoCodeType("N09000003"));
        assertEquals(Optional.empty(), GivingIdentifiers.geoCodeType("E47000001"));
        assertEquals(Optional.empty(), GivingIdentifiers.geoCodeType(null));
    }

    @Test
    void aGrantAlwaysHasADescription() {
        assertEquals("One Public Estate funding for Depot. Funded activities: Survey; Feasibility.",
                GivingExport.description("One Public Estate", "Depot", "  ", List.of("Survey", "Feasibility")));
        assertEquals("Homes on the old depot.", GivingExport.description("One Public Estate", "Depot",
                "Homes on the old depot. ", List.of()));
    }

    private static String recipient(String partner, String type, String laCode, String nation) {
        return GivingIdentifiers.recipient("360G-kentestates", partner, type, laCode, nation, Optional.empty());
    }
}
