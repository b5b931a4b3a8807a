package org.estatehub.common.idempotency;

/** What a first request answered, kept to answer its retries identically. */
public record IdempotencyRecord(int status, String body, String location) {
}
