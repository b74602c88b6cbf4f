/**
 * The engine's Java API: {@link org.scimengine.core.ScimEngine}, built once from schemas and a store, serves
 * every SCIM operation to host code directly or through an HTTP adapter.
 */
@NullMarked
package org.scimengine.core;

import org.jspecify.annotations.NullMarked;
