@NullMarked
package org.scimengine.store.memory;

import org.jspecify.annotations.NullMarked;
