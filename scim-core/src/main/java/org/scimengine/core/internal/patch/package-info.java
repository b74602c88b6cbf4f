/** PATCH (RFC 7644 §3.5.2): paths and, later, the operations that apply them. */
@NullMarked
package org.scimengine.core.internal.patch;

import org.jspecify.annotations.NullMarked;
