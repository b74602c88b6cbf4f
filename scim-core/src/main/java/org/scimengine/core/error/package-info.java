/**
 * The SCIM error model of <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.12">RFC 7644 §3.12</a>:
 * one unchecked exception family carrying the HTTP status, the {@code scimType} keyword and a {@code detail} a
 * person can act on. The HTTP adapter renders every one of them as an
 * {@code urn:ietf:params:scim:api:messages:2.0:Error} body.
 */
@NullMarked
package org.scimengine.core.error;

import org.jspecify.annotations.NullMarked;
