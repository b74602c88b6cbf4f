/** Attribute values: parsing and comparing them by type. */
@NullMarked
package org.scimengine.core.internal.value;

import org.jspecify.annotations.NullMarked;
