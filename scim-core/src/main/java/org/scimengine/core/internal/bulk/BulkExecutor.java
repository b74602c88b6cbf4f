package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;

/**
 * What the engine gives the {@link BulkProcessor}: one single-resource operation, run atomically on its own, as
 * the same request sent to the resource's endpoint would be; and, optionally, batches of them that become durable
 * together.
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

    /**
     * Runs {@code batch}, which executes one or more operations through this executor, so that what they write
     * may become durable together, when this returns: an executor on a database makes it one transaction, each
     * operation in it still all-or-nothing on its own. The response reports nothing of a batch before this has
     * returned, so nothing is acknowledged that is not durable.
     *
     * <p>The executor may run {@code batch} again (after a conflict with a concurrent writer, say), having undone
     * the first run; each run starts from the state before the batch. If this throws, the processor takes it
     * that none of the batch's writes were kept, and runs the rest of the request one operation at a time,
     * outside any batch. The default runs {@code batch} as it is: each operation on its own.
     *
     * @param batch the operations to run together
     * @return what {@code batch} returned
     */
    default <T> T inBatch(Supplier<T> batch) {
        return batch.get();
    }
}
