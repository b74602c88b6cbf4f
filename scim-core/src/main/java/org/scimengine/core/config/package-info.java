/**
 * What the service provider declares about itself (RFC 7643 §5, {@code /ServiceProviderConfig}), including
 * RFC 9865's cursor pagination.
 */
@NullMarked
package org.scimengine.core.config;

import org.jspecify.annotations.NullMarked;
