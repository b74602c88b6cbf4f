/**
 * Serves a {@link org.scimengine.core.ScimEngine} over HTTP in any JAX-RS 3.1 runtime: {@link
 * org.scimengine.jaxrs.ScimFeature} and the security SPI it calls ({@link org.scimengine.jaxrs.ScimAuthenticator},
 * {@link org.scimengine.jaxrs.ScimAuthorizer}, {@link org.scimengine.jaxrs.CredentialStore},
 * {@link org.scimengine.jaxrs.MeResolver}).
 */
@NullMarked
package org.scimengine.jaxrs;

import org.jspecify.annotations.NullMarked;
