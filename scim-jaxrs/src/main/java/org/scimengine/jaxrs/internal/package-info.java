/** The adapter's implementation: routing, bodies, responses, authenticators. Ours to change. */
@NullMarked
package org.scimengine.jaxrs.internal;

import org.jspecify.annotations.NullMarked;
