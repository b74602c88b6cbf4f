package org.scimengine.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A resource as an operation returns it.
 *
 * @param resource the resource's JSON, with only the attributes the request selected; the caller owns it
 * @param id the resource's id
 * @param version its version, a weak entity tag such as {@code W/"3"}: the HTTP {@code ETag}
 * @param location its URL, {@code meta.location}: the HTTP {@code Location}
 * @since 0.1
 */
public record ResourceResult(ObjectNode resource, String id, String version, String location) {

    public ResourceResult {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
    }
}
