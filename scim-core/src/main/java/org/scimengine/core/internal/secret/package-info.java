/** Secrets at rest: write-only attribute values kept only as salted hashes. */
@NullMarked
package org.scimengine.core.internal.secret;

import org.jspecify.annotations.NullMarked;
