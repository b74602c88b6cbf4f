/**
 * Bulk (RFC 7644 §3.7): reading a BulkRequest, ordering its operations by their {@code bulkId} references,
 * running each through a {@link org.scimengine.core.internal.bulk.BulkExecutor} and writing the BulkResponse.
 */
@NullMarked
package org.scimengine.core.internal.bulk;

import org.jspecify.annotations.NullMarked;
