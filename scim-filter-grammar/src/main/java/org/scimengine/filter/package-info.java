/**
 * SCIM filters and PATCH paths as an immutable AST, and the parser that produces it.
 *
 * <p>{@link org.scimengine.filter.FilterParser} reads the filter language of
 * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644 §3.4.2.2</a>, the PATCH
 * {@code path} of <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2">§3.5.2</a> and the
 * attribute lists of {@code attributes}, {@code excludedAttributes} and {@code sortBy}. The result is a
 * {@link org.scimengine.filter.Filter}, a sealed family of records walked with a
 * {@link org.scimengine.filter.FilterVisitor}. The AST knows nothing of schemas: resolving attribute
 * names, case sensitivity and types against a resource type is the engine's job.
 *
 * <p>Every type here is immutable and thread-safe. Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.scimengine.filter;

import org.jspecify.annotations.NullMarked;
