package org.scimengine.core;

import org.jspecify.annotations.Nullable;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters of a request (RFC 7644 §3.4.2.5): which
 * attributes a response carries, within the limits of each attribute's {@code returned} characteristic.
 *
 * @param attributes a comma-separated list of attribute paths to return, or null
 * @param excludedAttributes a comma-separated list of attribute paths to leave out, or null
 * @since 0.1
 */
public record AttributeSelection(@Nullable String attributes, @Nullable String excludedAttributes) {

    /** No selection: every attribute returned by default. */
    public static final AttributeSelection DEFAULT = new AttributeSelection(null, null);
}
