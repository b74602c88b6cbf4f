/** Parser internals: ANTLR wiring, parse tree to AST, error messages and the canonical printer. */
@NullMarked
package org.scimengine.filter.internal;

import org.jspecify.annotations.NullMarked;
