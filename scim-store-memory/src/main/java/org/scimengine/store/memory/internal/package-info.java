/** The in-memory store's implementation; not an API. */
@NullMarked
package org.scimengine.store.memory.internal;

import org.jspecify.annotations.NullMarked;
