package org.estatehub.webhook.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which resolved addresses a delivery may connect to (SSRF protection). Judged on every address the
 * host resolves to, at send time, so a name that later resolves elsewhere (DNS rebinding) is caught, and
 * the connection is then made to the address judged, not to a fresh lookup.
 * Refused unless in an allowed network: unspecified, loopback, link-local (including the cloud metadata
 * address 169.254.169.254 and fd00:ec2::254), private (RFC 1918, IPv6 ULA fc00::/7), CGNAT 100.64.0.0/10,
 * multicast, and IPv4 addresses mapped into IPv6.
 */
public final class WebhookAddressPolicy {

    private final List<Cidr> allowed;

    public WebhookAddressPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
    }

    /** Why `address` is refused, or empty when a delivery may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
        return reserved(address);
    }

    /** The reserved range `address` lies in, whatever is allowed. */
    static Optional<String> reserved(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            InetAddress v4 = embeddedIpv4(b);
            if (v4 != null) {
                return Optional.of("an IPv4 address inside IPv6 (" + address.getHostAddress() + ")");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of(isEc2Metadata(b) ? "the cloud metadata address" : "a private (ULA) address");
            }
        } else {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 169 && second == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
                return Optional.of("the cloud metadata address");
            }
            if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
                return Optional.of("a private (RFC 1918) address");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a carrier-grade NAT address");
            }
            if (first == 0) {
                return Optional.of("an unspecified address");
            }
            if (first >= 240) {
                return Optional.of("a reserved address");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static boolean isEc2Metadata(byte[] b) {
        // fd00:ec2::254
        byte[] metadata = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(b, metadata);
    }

    /** The IPv4 address of an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address. */
    private static InetAddress embeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A network in CIDR notation ("10.0.0.0/8", "::1/128"). */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("estatehub.webhooks.allowed-networks: '" + text
                        + "' is not a network in CIDR notation (an address, '/', a prefix length)");
            }
            try {
                // Only literal addresses reach here (the pattern above), so this never looks a name up.
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("estatehub.webhooks.allowed-networks: prefix of '" + text
                            + "' out of range");
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("estatehub.webhooks.allowed-networks: '" + text
                        + "' is not a network in CIDR notation", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
