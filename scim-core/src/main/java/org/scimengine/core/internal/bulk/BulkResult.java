package org.scimengine.core.internal.bulk;

import org.jspecify.annotations.Nullable;

/**
 * What one successful bulk operation produced.
 *
 * @param status the HTTP status the single request would have answered: 201 for a POST, 200 for a PUT or a
 *     PATCH, 204 for a DELETE (or 200 where the host answers a PATCH with the resource)
 * @param id the resource's id; a POST must report it, since later operations may refer to it by its bulkId
 * @param location the resource's absolute URL, or null
 * @param version the resource's new version (an ETag), or null
 */
public record BulkResult(int status, @Nullable String id, @Nullable String location, @Nullable String version) {

    public BulkResult {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a bulk result reports a success, not status " + status
                    + "; throw a ScimException for a failure");
        }
    }
}
