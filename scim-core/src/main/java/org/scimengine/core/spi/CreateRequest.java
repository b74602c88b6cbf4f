package org.scimengine.core.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Asks a store to keep a new resource at version 1.
 *
 * @param key the new resource's tenant, type and id (the engine generates ids; they never repeat)
 * @param attributes the attributes to keep, as {@link StoredResource#attributes()} describes them
 * @param uniqueValues values no other resource of the tenant may hold
 * @param now the creation time, which is also the last-modified time
 * @since 0.1
 */
public record CreateRequest(ResourceKey key, ObjectNode attributes, List<UniqueValue> uniqueValues, Instant now) {

    public CreateRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        uniqueValues = List.copyOf(uniqueValues);
        Objects.requireNonNull(now, "now");
    }
}
