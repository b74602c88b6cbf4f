/** HTTP-level tests of the adapter on real servers (Jersey, RESTEasy) and clients (JDK, UnboundID). */
@NullMarked
package org.scimengine.jaxrs;

import org.jspecify.annotations.NullMarked;
