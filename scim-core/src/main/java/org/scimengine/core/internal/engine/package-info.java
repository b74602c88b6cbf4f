/** The engine's machinery behind {@link org.scimengine.core.ScimEngine}: not API. */
@NullMarked
package org.scimengine.core.internal.engine;

import org.jspecify.annotations.NullMarked;
