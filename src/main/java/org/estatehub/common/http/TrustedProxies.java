package org.estatehub.common.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with a trusted proxy (ESTATEHUB_TRUSTED_PROXIES) that Quarkus would look up in DNS on
 * every request. Quarkus 3.28 reads an entry without a prefix length as host[:port]: a bare IPv6 address
 * such as {@code ::1} becomes the host {@code :} with port 1, and a host name stays a name, and either is
 * resolved per request on the event loop. Measured with {@code 127.0.0.1,::1}: requests stalled 5 s (the
 * resolver's timeout) whenever the DNS server was slow, and 16 concurrent connections got 15-35 requests a
 * second instead of hundreds. IPv4 addresses and CIDR blocks ({@code 10.0.0.0/8}, {@code ::1/128}) are
 * parsed once, at startup.
 */
@ApplicationScoped
public class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})(\\.\\d{1,3}){3}$");
    private static final Pattern CIDR = Pattern.compile("^[0-9A-Fa-f.:]+/\\d{1,3}$");

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> configured;

    void check(@Observes StartupEvent event) {
        for (String entry : configured.orElse(List.of())) {
            String problem = problem(entry.strip());
            if (problem != null) {
                throw new IllegalStateException("ESTATEHUB_TRUSTED_PROXIES (quarkus.http.proxy.trusted-proxies): " + problem);
            }
        }
    }

    /** Why an entry would be resolved per request, or null when it is parsed once. */
    static String problem(String entry) {
        if (IPV4.matcher(entry).matches() || CIDR.matcher(entry).matches()) {
            return null;
        }
        if (entry.contains(":")) {
            return "'" + entry + "' is an IPv6 address without a prefix length, which Quarkus reads as host:port and"
                    + " looks up in DNS on every request; write it as a CIDR block, e.g. ::1/128";
        }
        return "'" + entry + "' is a host name, which Quarkus looks up in DNS on every request; give the proxy's"
                + " address or a CIDR block instead";
    }
}
