/** The demo over HTTP: a real server on a free port, started through the launcher {@code serve} uses. */
@NullMarked
package org.scimengine.demo.http;

import org.jspecify.annotations.NullMarked;
