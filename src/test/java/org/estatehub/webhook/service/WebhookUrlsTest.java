package org.estatehub.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FastTest
class WebhookUrlsTest {

    @ParameterizedTest(name = "{0} (http to localhost allowed: {1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "https://estates.maidstone.gov.uk/hooks | false | ok",
            "https://estates.maidstone.gov.uk:8443/hooks?x=1 | false | ok",
            "http://estates.maidstone.gov.uk/hooks | false | must be https",
            "http://estates.maidstone.gov.uk/hooks | true | must be https (plain http only to localhost)",
            "http://localhost:8480/hooks | false | must be https",
            "http://localhost:8480/hooks | true | ok",
            "http://127.0.0.1:8480/hooks | true | ok",
            "http://[::1]:8480/hooks | true | ok",
            "http://localhost.evil.example/hooks | true | must be https (plain http only to localhost)",
            "https://user:pw@estates.maidstone.gov.uk/ | false | must not carry a user name or password (deliveries are signed instead)",
            "https://estates.maidstone.gov.uk/#x | false | must not have a fragment",
            "ftp://estates.maidstone.gov.uk/ | false | must be https",
            "/hooks | false | must be an absolute https URL with a host name",
            "https:///hooks | false | must be an absolute https URL with a host name",
            "https://exa mple.org/ | false | bad"})
    void targets(String url, boolean allowHttpLocalhost, String expected) {
        Optional<String> problem = WebhookUrls.problem(url, allowHttpLocalhost);
        if (expected.equals("ok")) {
            assertEquals(Optional.empty(), problem, url);
        } else if (expected.equals("bad")) {
            assertTrue(problem.isPresent() && problem.get().startsWith("is not a URL"), url + ": " + problem);
        } else {
            assertEquals(Optional.of(expected), problem, url);
        }
    }
}
