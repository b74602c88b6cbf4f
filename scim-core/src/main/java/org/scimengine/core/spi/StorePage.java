package org.scimengine.core.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a search.
 *
 * @param resources the resources on the page, in order
 * @param totalResults how many resources match in all
 * @param nextCursor with cursor paging, the cursor of the next page, or null on the last page
 * @since 0.1
 */
public record StorePage(List<StoredResource> resources, long totalResults, @Nullable String nextCursor) {

    public StorePage {
        resources = List.copyOf(resources);
    }
}
