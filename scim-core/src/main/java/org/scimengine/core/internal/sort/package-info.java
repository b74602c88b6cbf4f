/** Sorting resources in memory (RFC 7644 §3.4.2.3). */
@NullMarked
package org.scimengine.core.internal.sort;

import org.jspecify.annotations.NullMarked;
