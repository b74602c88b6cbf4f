/**
 * The storage SPI: what a store implements so the engine can keep resources in it. {@link
 * org.scimengine.core.spi.ResourceStore} is the one interface; every other type here is an immutable request or
 * result record, so that the SPI grows by adding record components and {@code default} methods, never by
 * changing a signature.
 *
 * <p>A store keeps resources as JSON documents with a version, timestamps and the unique values the engine
 * computed for them, and group membership as its own relation. It is correct when it passes the contract suite
 * ({@code ResourceStoreContract} in scim-core's test-jar).
 */
@NullMarked
package org.scimengine.core.spi;

import org.jspecify.annotations.NullMarked;
