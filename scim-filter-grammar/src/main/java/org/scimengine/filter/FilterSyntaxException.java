package org.scimengine.filter;

/**
 * The input is not a valid filter, PATCH path or attribute list, or exceeds the {@link ParseLimits}. The
 * message is plain and says where, for example {@code expected a comparison operator, 'pr' or '[' after
 * 'userName' at offset 9, found '"bjensen"'}; it is meant for the {@code detail} of a SCIM error
 * ({@code 400 invalidFilter} or {@code invalidPath}).
 *
 * @since 0.1
 */
public final class FilterSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String offendingText;

    /**
     * @param message the complete message, including the offset
     * @param offset the offset of the offending text in the input, in UTF-16 characters; the input's length
     *     when the input ended too early
     * @param offendingText the offending text; empty at the end of the input
     */
    public FilterSyntaxException(String message, int offset, String offendingText) {
        super(message);
        this.offset = offset;
        this.offendingText = offendingText;
    }

    /** Where the problem is: an index into the input string, in UTF-16 characters. */
    public int offset() {
        return offset;
    }

    /** The text at {@link #offset()} that could not be accepted; empty when the input ended too early. */
    public String offendingText() {
        return offendingText;
    }
}
