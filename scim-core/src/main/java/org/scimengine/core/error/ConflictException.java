package org.scimengine.core.error;

/**
 * 409 {@code uniqueness}: a unique attribute value is already taken.
 *
 * @since 0.1
 */
public final class ConflictException extends ScimException {

    private static final long serialVersionUID = 1L;

    /** @param detail which value collided, for example {@code "userName 'bjensen' is already in use"} */
    public ConflictException(String detail) {
        super(409, ScimType.UNIQUENESS, detail);
    }
}
