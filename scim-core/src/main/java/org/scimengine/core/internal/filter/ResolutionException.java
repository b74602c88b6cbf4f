package org.scimengine.core.internal.filter;

/**
 * An attribute path or comparison that does not fit the resource type. The caller turns it into the SCIM error
 * its context calls for: {@code invalidFilter} for a filter, {@code invalidPath} for a PATCH path.
 */
public final class ResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResolutionException(String message) {
        super(message, null, false, false);
    }
}
