package org.scimengine.core.error;

/**
 * A 400 with one of the RFC 7644 §3.12 keywords. Use the factory named after the keyword.
 *
 * @since 0.1
 */
public final class BadRequestException extends ScimException {

    private static final long serialVersionUID = 1L;

    private BadRequestException(ScimType scimType, String detail, Throwable cause) {
        super(400, scimType, detail, cause);
    }

    /** {@code invalidFilter}: the filter is malformed or uses an attribute or comparison it cannot. */
    public static BadRequestException invalidFilter(String detail) {
        return new BadRequestException(ScimType.INVALID_FILTER, detail, null);
    }

    /** {@code tooMany}: the query would yield more results than the server will return. */
    public static BadRequestException tooMany(String detail) {
        return new BadRequestException(ScimType.TOO_MANY, detail, null);
    }

    /** {@code mutability}: the change conflicts with an attribute's mutability. */
    public static BadRequestException mutability(String detail) {
        return new BadRequestException(ScimType.MUTABILITY, detail, null);
    }

    /** {@code invalidSyntax}: the body is not well-formed JSON or does not follow the schema. */
    public static BadRequestException invalidSyntax(String detail) {
        return new BadRequestException(ScimType.INVALID_SYNTAX, detail, null);
    }

    /** {@code invalidSyntax} caused by a parser failure, kept for the logs. */
    public static BadRequestException invalidSyntax(String detail, Throwable cause) {
        return new BadRequestException(ScimType.INVALID_SYNTAX, detail, cause);
    }

    /** {@code invalidPath}: a PATCH path is malformed or names no attribute. */
    public static BadRequestException invalidPath(String detail) {
        return new BadRequestException(ScimType.INVALID_PATH, detail, null);
    }

    /** {@code noTarget}: a PATCH path matched nothing where it must match something. */
    public static BadRequestException noTarget(String detail) {
        return new BadRequestException(ScimType.NO_TARGET, detail, null);
    }

    /** {@code invalidValue}: a value is missing or does not fit its attribute. */
    public static BadRequestException invalidValue(String detail) {
        return new BadRequestException(ScimType.INVALID_VALUE, detail, null);
    }

    /** {@code invalidVers}: the requested protocol version is not supported. */
    public static BadRequestException invalidVers(String detail) {
        return new BadRequestException(ScimType.INVALID_VERS, detail, null);
    }

    /** {@code invalidCursor} (RFC 9865): the cursor is malformed or not this query's. */
    public static BadRequestException invalidCursor(String detail) {
        return new BadRequestException(ScimType.INVALID_CURSOR, detail, null);
    }

    /** {@code expiredCursor} (RFC 9865): the cursor has expired. */
    public static BadRequestException expiredCursor(String detail) {
        return new BadRequestException(ScimType.EXPIRED_CURSOR, detail, null);
    }

    /** {@code invalidCount} (RFC 9865): the count cannot be used with this cursor. */
    public static BadRequestException invalidCount(String detail) {
        return new BadRequestException(ScimType.INVALID_COUNT, detail, null);
    }
}
