package org.scimengine.core.spi;

/**
 * What a store can do beyond the required operations; the engine advertises only what its store declares.
 *
 * @param cursorPaging whether {@link ResourceStore#search} honours {@link StoreQuery#cursor()} (RFC 9865)
 * @since 0.1
 */
public record StoreCapabilities(boolean cursorPaging) {

    /** Index paging only. */
    public static final StoreCapabilities MINIMAL = new StoreCapabilities(false);
}
