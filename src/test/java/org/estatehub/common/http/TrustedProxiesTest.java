package org.estatehub.common.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

@FastTest
class TrustedProxiesTest {

    @Test
    void addressesAndBlocksAreParsedOnce() {
        assertNull(TrustedProxies.problem("127.0.0.1"));
        assertNull(TrustedProxies.problem("127.0.0.1/32"));
        assertNull(TrustedProxies.problem("10.0.0.0/8"));
        assertNull(TrustedProxies.problem("::1/128"));
        assertNull(TrustedProxies.problem("fd00::/8"));
    }

    @Test
    void bareIpv6AndHostNamesAreRefused() {
        assertTrue(TrustedProxies.problem("::1").contains("::1/128"));
        assertNotNull(TrustedProxies.problem("fe80::1"));
        assertTrue(TrustedProxies.problem("proxy.internal").contains("host name"));
        assertNotNull(TrustedProxies.problem("localhost"));
    }

    /** The shipped default is what stalled every request for 5 s when it said ::1. */
    @Test
    void theDefaultNeedsNoDnsLookup() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty("quarkus.http.proxy.trusted-proxies");
        String defaults = value.substring(value.indexOf(':') + 1, value.lastIndexOf('}'));
        for (String entry : defaults.split(",")) {
            assertNull(TrustedProxies.problem(entry.strip()), entry);
        }
    }
}
