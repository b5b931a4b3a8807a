package org.estatehub.webhook.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** What a subscription's target URL may be; addresses are judged again at send time (WebhookAddressPolicy). */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** Why `url` is refused (a field error message), or empty when it is acceptable. */
    public static Optional<String> problem(String url, boolean allowHttpLocalhost) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getHost() == null) {
            return Optional.of("must be an absolute https URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password (deliveries are signed instead)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && allowHttpLocalhost && isLocalhost(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(allowHttpLocalhost ? "must be https (plain http only to localhost)" : "must be https");
    }

    private static boolean isLocalhost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }
}
