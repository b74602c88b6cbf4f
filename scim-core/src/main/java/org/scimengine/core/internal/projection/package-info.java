/** Which attributes a response carries: {@code attributes}, {@code excludedAttributes} and {@code returned}. */
@NullMarked
package org.scimengine.core.internal.projection;

import org.jspecify.annotations.NullMarked;
