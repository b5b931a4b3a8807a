package org.estatehub.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF rules on resolved addresses (only literal addresses here: no lookup is made). */
@FastTest
class WebhookAddressPolicyTest {

    private static final WebhookAddressPolicy NOTHING_ALLOWED = new WebhookAddressPolicy(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "127.0.0.1, a loopback address",
            "127.255.0.9, a loopback address",
            "::1, a loopback address",
            "0.0.0.0, an unspecified address",
            "::, an unspecified address",
            "10.1.2.3, a private (RFC 1918) address",
            "172.16.0.1, a private (RFC 1918) address",
            "172.31.255.255, a private (RFC 1918) address",
            "192.168.1.1, a private (RFC 1918) address",
            "100.64.0.1, a carrier-grade NAT address",
            "100.127.255.254, a carrier-grade NAT address",
            "169.254.169.254, the cloud metadata address",
            "169.254.10.1, a link-local address",
            "fe80::1, a link-local address",
            "fc00::1, a private (ULA) address",
            "fd12:3456::1, a private (ULA) address",
            "fd00:ec2::254, the cloud metadata address",
            "224.0.0.1, a multicast address",
            "ff02::1, a multicast address",
            "240.0.0.1, a reserved address",
            // Java reads IPv4-mapped IPv6 addresses as the IPv4 address itself, judged as such.
            "::ffff:127.0.0.1, a loopback address",
            "::ffff:10.0.0.1, a private (RFC 1918) address",
            "::ffff:169.254.169.254, the cloud metadata address",
            // IPv4-compatible IPv6 (deprecated) stays IPv6 and is refused whatever the IPv4 inside it.
            "::127.0.0.1, an IPv4 address inside IPv6 (0:0:0:0:0:0:7f00:1)",
            "::8.8.8.8, an IPv4 address inside IPv6 (0:0:0:0:0:0:808:808)"})
    void reservedAddressesAreRefused(String address, String why) throws Exception {
        var refusal = NOTHING_ALLOWED.refusal(InetAddress.getByName(address));
        assertTrue(refusal.isPresent(), address + " allowed");
        assertEquals(why, refusal.get());
    }

    @ParameterizedTest(name = "{0} is a public address")
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "192.169.0.1", "169.253.1.1", "2001:4860:4860::8888", "2a00:1450:4009:80b::200e", "fbff::1", "fec0::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertEquals(java.util.Optional.empty(), NOTHING_ALLOWED.refusal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest(name = "allowed networks {0}: {1} -> {2}")
    @CsvSource({
            "127.0.0.0/8, 127.0.0.1, true",
            "127.0.0.0/8, 10.0.0.1, false",
            "10.20.0.0/16, 10.20.3.4, true",
            "10.20.0.0/16, 10.21.3.4, false",
            "10.20.0.0/15, 10.21.3.4, true",
            "::1/128, ::1, true",
            "::1/128, 127.0.0.1, false",
            "fd00::/8, fd00:ec2::254, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "192.168.1.128/25, 192.168.1.200, true"})
    void allowedNetworksOpenReservedRanges(String network, String address, boolean allowed) throws Exception {
        var policy = new WebhookAddressPolicy(List.of(network));
        assertEquals(allowed, policy.refusal(InetAddress.getByName(address)).isEmpty(), network + " " + address);
    }

    @ParameterizedTest(name = "{0} is not a network")
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "::/129", "intranet.example/8", "10.0.0.0/x", "/8"})
    void badNetworksFailAtStart(String network) {
        assertThrows(IllegalArgumentException.class, () -> new WebhookAddressPolicy(List.of(network)));
    }
}
