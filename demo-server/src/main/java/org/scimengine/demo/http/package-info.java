/**
 * The demo's HTTP side: Jersey on Jetty 12, serving the engine through the JAX-RS adapter at
 * {@code /scim/v2}, OAuth tokens at {@code /oauth/token}, with the demo's authentication, rate limits and
 * request log.
 */
@NullMarked
package org.scimengine.demo.http;

import org.jspecify.annotations.NullMarked;
