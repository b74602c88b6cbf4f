package org.scimengine.core.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Asks a store to replace a resource's attributes, leaving its membership alone, and increase its version.
 *
 * @param key the resource
 * @param attributes the new attributes, as {@link StoredResource#attributes()} describes them
 * @param uniqueValues the values the resource now holds that no other resource may hold; they replace its
 *     previous ones
 * @param expectedVersion the version the resource must still have, or null to replace whatever it has
 * @param now the modification time
 * @since 0.1
 */
public record ReplaceRequest(ResourceKey key, ObjectNode attributes, List<UniqueValue> uniqueValues,
        @Nullable Long expectedVersion, Instant now) {

    public ReplaceRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        uniqueValues = List.copyOf(uniqueValues);
        Objects.requireNonNull(now, "now");
    }
}
