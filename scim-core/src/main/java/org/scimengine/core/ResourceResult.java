package org.scimengine.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.internal.engine.Preconditions;

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

    /**
     * Whether an {@code If-None-Match} header (RFC 7232 §3.2) matches this version, so a GET answers 304 Not
     * Modified: {@code *}, or a list of entity tags compared weakly.
     */
    public boolean matchesAnyOf(@Nullable String ifNoneMatch) {
        return Preconditions.matchesAny(ifNoneMatch, version);
    }
}
