/** Validation and normalisation of resources written by clients. */
@NullMarked
package org.scimengine.core.internal.validate;

import org.jspecify.annotations.NullMarked;
