@NullMarked
package org.scimengine.store.jdbc;

import org.jspecify.annotations.NullMarked;
