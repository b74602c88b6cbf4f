/** The JDBC store's implementation: tables, value rows, filter translation, transactions. Not an API. */
@NullMarked
package org.scimengine.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;
