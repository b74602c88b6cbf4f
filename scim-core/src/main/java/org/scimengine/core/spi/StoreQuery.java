package org.scimengine.core.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.schema.ResourceType;

/**
 * Asks for one page of the resources of a type that match a filter. The filter and the sort apply to the
 * resource as {@link StoredResource#view} shows it, with a group's members and a user's groups included.
 *
 * @param tenant the tenant
 * @param resourceType the resource type the filter and sort were resolved against
 * @param filter the filter, or null for every resource
 * @param sort the order; by id when none was asked for
 * @param offset how many matches to skip, from 0 (index paging; ignored with a cursor)
 * @param count the most resources to return; 0 asks only for the total
 * @param cursor with {@link StoreCapabilities#cursorPaging()}: null for index paging, empty for the first
 *     page of cursor paging, or a cursor the store returned in {@link StorePage#nextCursor()}
 * @since 0.1
 */
public record StoreQuery(String tenant, ResourceType resourceType, @Nullable ResolvedFilter filter,
        ResolvedSort sort, int offset, int count, @Nullable String cursor) {

    public StoreQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count must not be negative, were " + offset + ", " + count);
        }
    }
}
