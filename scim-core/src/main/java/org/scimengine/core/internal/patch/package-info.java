/** PATCH (RFC 7644 §3.5.2): paths, and the operations applied to a stored resource as a pure function. */
@NullMarked
package org.scimengine.core.internal.patch;

import org.jspecify.annotations.NullMarked;
