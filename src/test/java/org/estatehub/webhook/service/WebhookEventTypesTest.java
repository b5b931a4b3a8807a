package org.estatehub.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.estatehub.api.model.WebhookEventType;
import org.estatehub.testing.Contract;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** A subscription's event types are the change feed's actions: a new action must be subscribable too. */
@FastTest
class WebhookEventTypesTest {

    @Test
    void theEventTypesAreTheFeedsActions() throws Exception {
        JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(Contract.SPEC.toFile()).path("components")
                .path("schemas");
        List<String> actions = new ArrayList<>();
        schemas.path("AuditEvent").path("properties").path("action").path("x-extensible-enum")
                .forEach(a -> actions.add(a.asText()));
        List<String> types = new ArrayList<>();
        schemas.path("WebhookEventType").path("enum").forEach(t -> types.add(t.asText()));
        assertEquals(22, actions.size(), "the feed's actions as the contract lists them: " + actions);
        assertEquals(actions, types);
        assertEquals(types, Stream.of(WebhookEventType.values()).map(WebhookEventType::toString).toList());
    }
}
