/**
 * Schemas and resource types (<a href="https://www.rfc-editor.org/rfc/rfc7643">RFC 7643</a>): every attribute
 * characteristic, the core User, Group and EnterpriseUser schemas, extension schemas and resource types a host
 * adds at run time, and the immutable {@link org.scimengine.core.schema.SchemaRegistry} that holds them.
 *
 * <p>Every type here is immutable and thread-safe. Attribute and schema names are matched case-insensitively
 * (RFC 7643 §2.1) and keep the spelling they were defined with.
 */
@NullMarked
package org.scimengine.core.schema;

import org.jspecify.annotations.NullMarked;
