package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;

/**
 * What the engine gives the {@link BulkProcessor}: one single-resource operation, run atomically on its own, as
 * the same request sent to the resource's endpoint would be.
 */
public interface BulkExecutor {

    /**
     * Runs one operation.
     *
     * @param method {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}, upper case
     * @param path the endpoint relative to the service's base, for example {@code /Users} or
     *     {@code /Groups/2819c223}, with every {@code bulkId:} reference already replaced by the id it stands for
     * @param version the operation's {@code version} (an ETag the resource must still match), or null
     * @param data the operation's {@code data} with every {@code bulkId:} reference already replaced, or null
     *     (always null for DELETE)
     * @return what a success produced
     * @throws ScimException (any subclass) when the operation fails; it becomes that operation's error response
     */
    BulkResult execute(String method, String path, @Nullable String version, @Nullable JsonNode data);

    /**
     * The {@code location} to report for a PUT, PATCH or DELETE that failed: RFC 7644 §3.7 asks for one on every
     * result but a failed POST, and a failure carries no {@link BulkResult}. The default reports none.
     *
     * @param path the operation's path, references replaced, for example {@code /Users/2819c223}
     * @return the resource's absolute URL, or null to leave {@code location} out
     */
    default @Nullable String location(String path) {
        return null;
    }
}
