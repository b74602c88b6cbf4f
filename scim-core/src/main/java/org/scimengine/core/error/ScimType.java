package org.scimengine.core.error;

import java.util.Optional;

/**
 * The {@code scimType} error keywords of RFC 7644 §3.12, Table 9, and the three RFC 9865 adds for cursor
 * pagination, spelled exactly as on the wire ({@code invalidVers}, not {@code invalidVersion}), each with the
 * HTTP status the RFC pairs it with.
 *
 * @since 0.1
 */
public enum ScimType {
    /** The filter syntax is invalid, or an attribute or comparison in it is not supported. */
    INVALID_FILTER("invalidFilter", 400),
    /** The filter yields more results than the server is willing to compute or return. */
    TOO_MANY("tooMany", 400),
    /** One or more unique attribute values are already in use or reserved. */
    UNIQUENESS("uniqueness", 409),
    /** The attempted change is incompatible with an attribute's mutability or current state. */
    MUTABILITY("mutability", 400),
    /** The request body is not well-formed or does not conform to the schema. */
    INVALID_SYNTAX("invalidSyntax", 400),
    /** The {@code path} attribute is invalid or malformed. */
    INVALID_PATH("invalidPath", 400),
    /** The {@code path} did not yield an attribute or value that could be operated on. */
    NO_TARGET("noTarget", 400),
    /** A required value is missing, or a value is not compatible with the attribute's type. */
    INVALID_VALUE("invalidValue", 400),
    /** The specified SCIM protocol version is not supported. */
    INVALID_VERS("invalidVers", 400),
    /** The request cannot be completed because of sensitive information in the request URI. */
    SENSITIVE("sensitive", 403),
    /** RFC 9865: the cursor is malformed or was not issued for this query. */
    INVALID_CURSOR("invalidCursor", 400),
    /** RFC 9865: the cursor has expired. */
    EXPIRED_CURSOR("expiredCursor", 400),
    /** RFC 9865: the count differs from the one the cursor was issued with, or cannot be honoured. */
    INVALID_COUNT("invalidCount", 400);

    private final String keyword;
    private final int status;

    ScimType(String keyword, int status) {
        this.keyword = keyword;
        this.status = status;
    }

    /** The keyword as it appears in an error response's {@code scimType}. */
    public String keyword() {
        return keyword;
    }

    /** The HTTP status RFC 7644 §3.12 gives this keyword. */
    public int status() {
        return status;
    }

    /** The type for a wire keyword, matched exactly (the RFC's keywords are case-sensitive). */
    public static Optional<ScimType> fromKeyword(String keyword) {
        for (ScimType type : values()) {
            if (type.keyword.equals(keyword)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
