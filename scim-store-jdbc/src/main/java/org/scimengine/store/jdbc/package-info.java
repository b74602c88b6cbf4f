/**
 * The relational store: {@link org.scimengine.store.jdbc.JdbcResourceStore} on SQLite or PostgreSQL.
 */
@NullMarked
package org.scimengine.store.jdbc;

import org.jspecify.annotations.NullMarked;
