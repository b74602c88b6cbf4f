/**
 * Filters resolved against a resource type: every attribute path checked against the schemas and written in
 * its canonical form, every comparison checked against the attribute's type. A store reads a
 * {@link org.scimengine.core.filter.ResolvedFilter}, never raw filter text.
 */
@NullMarked
package org.scimengine.core.filter;

import org.jspecify.annotations.NullMarked;
