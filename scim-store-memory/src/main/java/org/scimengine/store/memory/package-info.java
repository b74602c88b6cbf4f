/**
 * A {@link org.scimengine.core.spi.ResourceStore} that keeps everything in memory: {@link
 * org.scimengine.store.memory.InMemoryResourceStore}.
 */
@NullMarked
package org.scimengine.store.memory;

import org.jspecify.annotations.NullMarked;
