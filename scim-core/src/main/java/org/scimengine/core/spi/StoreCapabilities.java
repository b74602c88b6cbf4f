package org.scimengine.core.spi;

/**
 * What a store can do beyond the required operations; the engine advertises and uses only what its store
 * declares.
 *
 * @param cursorPaging whether {@link ResourceStore#search} honours {@link StoreQuery#cursor()} (RFC 9865)
 * @param nestedUnits whether a unit of work started on the store a unit was given rolls back on its own, leaving
 *     the enclosing unit usable (see {@link ResourceStore#inUnitOfWork}); with it, the engine runs many Bulk
 *     operations in one enclosing unit, one nested unit each, so a database commits (and waits for its disk) once
 *     for many operations instead of once for each
 * @since 0.1
 */
public record StoreCapabilities(boolean cursorPaging, boolean nestedUnits) {

    /** Index paging only, and units that do not nest. */
    public static final StoreCapabilities MINIMAL = new StoreCapabilities(false, false);
}
