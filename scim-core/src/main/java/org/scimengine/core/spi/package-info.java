/**
 * The storage SPI: what a store implements so the engine can keep resources in it. {@link
 * org.scimengine.core.spi.ResourceStore} is the one interface; the other types are immutable request and result
 * records, so that the SPI grows by adding record components and {@code default} methods, never by changing a
 * signature, and two helpers for store authors: {@link org.scimengine.core.spi.StoreErrors}, the errors in the
 * words every store uses, and {@link org.scimengine.core.spi.StoredValues}, the semantics a store that filters
 * by itself computes.
 *
 * <p>A store keeps resources as JSON documents with a version, timestamps and the unique values the engine
 * computed for them, and group membership as its own relation. It is correct when it passes the contract suite
 * ({@code ResourceStoreContract} in scim-core's test-jar).
 */
@NullMarked
package org.scimengine.core.spi;

import org.jspecify.annotations.NullMarked;
