/**
 * Authentication without HTTP: who a Basic or Bearer credential is, OAuth 2.0 client-credentials tokens, and
 * per-credential rate limits. The HTTP layer turns their answers into principals, 401s and 429s.
 */
@NullMarked
package org.scimengine.demo.auth;

import org.jspecify.annotations.NullMarked;
