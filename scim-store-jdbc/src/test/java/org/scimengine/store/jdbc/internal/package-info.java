@NullMarked
package org.scimengine.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;
