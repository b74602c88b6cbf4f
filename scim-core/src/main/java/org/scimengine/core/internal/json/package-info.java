/** JSON reading and writing of schema documents. */
@NullMarked
package org.scimengine.core.internal.json;

import org.jspecify.annotations.NullMarked;
