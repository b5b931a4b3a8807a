package org.estatehub.common.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Content negotiation between JSON and one alternative representation of the same resource. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /**
     * True when the caller prefers `alternative` to plain JSON: the first acceptable type that names
     * either wins, and a wildcard never picks the alternative.
     */
    public static boolean prefers(HttpHeaders headers, MediaType alternative) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(alternative) && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
