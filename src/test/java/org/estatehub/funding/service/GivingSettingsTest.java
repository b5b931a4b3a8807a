package org.estatehub.funding.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.estatehub.api.model.Programme;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;

/** A prefix or identifier that would break the standard's rules stops the service at startup, not an export. */
@FastTest
class GivingSettingsTest {

    private static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("estatehub.giving.prefix", "360G-kentestates");
        for (Programme p : Programme.values()) {
            values.put("estatehub.giving.funder." + p + ".id", "GB-GOR-D2");
            values.put("estatehub.giving.funder." + p + ".name", "Cabinet Office");
        }
        return values;
    }

    private static GivingSettings read(Map<String, String> values) {
        GivingSettings settings = new GivingSettings();
        settings.config = new SmallRyeConfigBuilder().withDefaultValues(values).build();
        settings.read();
        return settings;
    }

    @Test
    void theDefaultsShapeIsAccepted() {
        Map<String, String> values = valid();
        values.put("estatehub.giving.recipient-ids.ekhuft", "GB-NHS-RVV");
        values.put("estatehub.giving.data-source", "https://example.org/360giving/awards.json");
        GivingSettings settings = read(values);
        assertEquals("360G-kentestates", settings.prefix());
        assertEquals(new GivingSettings.Funder("GB-GOR-D2", "Cabinet Office"), settings.funder(Programme.OPE));
        assertEquals(Optional.of("GB-NHS-RVV"), settings.recipientId("ekhuft"));
        assertEquals(Optional.empty(), settings.recipientId("kcc"));
        assertTrue(settings.dataSource().isPresent());
    }

    @Test
    void badPrefixesAreRefused() {
        for (String prefix : new String[] {"kentestates", "360G-kent estates", "360G-kent/estates", "360G-", "360g-kent"}) {
            Map<String, String> values = valid();
            values.put("estatehub.giving.prefix", prefix);
            assertThrows(IllegalStateException.class, () -> read(values), prefix);
        }
    }

    @Test
    void badIdentifiersAndUrlsAreRefused() {
        Map<String, String> funder = valid();
        funder.put("estatehub.giving.funder.LRF.id", "MHCLG");
        assertThrows(IllegalStateException.class, () -> read(funder));
        Map<String, String> recipient = valid();
        recipient.put("estatehub.giving.recipient-ids.ekhuft", "GB NHS RVV");
        assertThrows(IllegalStateException.class, () -> read(recipient));
        Map<String, String> source = valid();
        source.put("estatehub.giving.data-source", "not a url");
        assertThrows(IllegalStateException.class, () -> read(source));
        Map<String, String> missing = valid();
        missing.remove("estatehub.giving.funder.BLRF.name");
        assertThrows(java.util.NoSuchElementException.class, () -> read(missing));
    }
}
