package org.scimengine.core.error;

/**
 * 412: the resource's version no longer matches the version the client expected ({@code If-Match}).
 *
 * @since 0.1
 */
public final class PreconditionFailedException extends ScimException {

    private static final long serialVersionUID = 1L;

    /** @param detail which versions disagreed */
    public PreconditionFailedException(String detail) {
        super(412, null, detail);
    }
}
