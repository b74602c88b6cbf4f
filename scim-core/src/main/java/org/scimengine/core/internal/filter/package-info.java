/** Attribute and filter resolution. */
@NullMarked
package org.scimengine.core.internal.filter;

import org.jspecify.annotations.NullMarked;
