package org.estatehub.common.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.estatehub.common.idempotency.Idempotency;

/** An {@link Idempotency} answer as the HTTP response: a replay says so and carries the stored JSON. */
public final class IdempotentResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private IdempotentResponses() {
    }

    public static Response of(Idempotency.Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status()).entity(answer.entity());
        if (answer.replayed()) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).header(REPLAYED_HEADER, "true");
        }
        if (answer.location() != null) {
            builder.header("Location", answer.location());
        }
        return builder.build();
    }
}
