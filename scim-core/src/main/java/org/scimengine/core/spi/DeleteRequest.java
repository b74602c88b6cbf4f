package org.scimengine.core.spi;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Asks a store to delete a resource, its own members, and its membership in every group.
 *
 * @param key the resource
 * @param expectedVersion the version the resource must still have, or null to delete whatever it has
 * @param now the time of the deletion, which becomes the last-modified time of every group it leaves
 * @since 0.1
 */
public record DeleteRequest(ResourceKey key, @Nullable Long expectedVersion, Instant now) {

    public DeleteRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
    }
}
