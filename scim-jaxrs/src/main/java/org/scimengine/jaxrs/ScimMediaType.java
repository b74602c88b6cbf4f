package org.scimengine.jaxrs;

import jakarta.ws.rs.core.MediaType;

/**
 * The SCIM media type of RFC 7644 §8.1. Responses carry it; requests may carry it or {@code application/json}.
 *
 * @since 0.1
 */
public final class ScimMediaType {

    /** {@code application/scim+json}. */
    public static final String APPLICATION_SCIM_JSON = "application/scim+json";

    /** {@code application/scim+json} as a {@link MediaType}. */
    public static final MediaType APPLICATION_SCIM_JSON_TYPE = new MediaType("application", "scim+json");

    private ScimMediaType() {
    }
}
