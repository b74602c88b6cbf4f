package org.scimengine.core.error;

/**
 * 501: the service provider does not support the requested operation (for example {@code /Me} without a
 * resolver, or Bulk when it is switched off).
 *
 * @since 0.1
 */
public final class NotImplementedException extends ScimException {

    private static final long serialVersionUID = 1L;

    /** @param detail what is not supported */
    public NotImplementedException(String detail) {
        super(501, null, detail);
    }
}
