package org.scimengine.core.error;

/**
 * 404: no resource with that id, or one the caller may not see (another tenant's resources answer exactly as
 * missing ones do).
 *
 * @since 0.1
 */
public final class ResourceNotFoundException extends ScimException {

    private static final long serialVersionUID = 1L;

    /** @param detail what was not found, for example {@code "User 2819c223 not found"} */
    public ResourceNotFoundException(String detail) {
        super(404, null, detail);
    }
}
