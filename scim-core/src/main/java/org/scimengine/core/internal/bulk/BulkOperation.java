package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a bulk request, its shape already checked.
 *
 * @param index the operation's position in the request's {@code Operations}, from 0
 * @param method {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param bulkId the client's transient id; always present on a POST
 * @param path the endpoint, starting with {@code /}, possibly holding a {@code bulkId:} reference
 * @param version the ETag the resource must still match, or null
 * @param data the resource or PatchOp message; null exactly for DELETE
 */
record BulkOperation(int index, String method, @Nullable String bulkId, String path, @Nullable String version,
        @Nullable JsonNode data) {

    BulkOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    boolean isPost() {
        return method.equals("POST");
    }

    /** How a detail names this operation: by its bulkId where it has one, else by its position. */
    String label() {
        return bulkId != null
                ? "Operations[" + index + "] (bulkId '" + bulkId + "')"
                : "Operations[" + index + "]";
    }
}
