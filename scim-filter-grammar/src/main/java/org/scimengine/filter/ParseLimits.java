package org.scimengine.filter;

/**
 * Bounds on what {@link FilterParser} accepts, so that hostile input fails fast with a
 * {@link FilterSyntaxException} instead of exhausting the stack or the CPU.
 *
 * <p>The depth bounds both the nesting of parentheses and brackets and the height of the resulting AST (a
 * single comparison has height 1; {@code a or b or c} has height 3, as the chain folds left). Visitors over
 * the AST recurse, so the height is what keeps them safe. The error message says which of the two was
 * exceeded: a chain too long, or nesting too deep.
 *
 * @param maxLength the longest accepted input, in UTF-16 characters ({@link String#length()})
 * @param maxDepth the deepest accepted nesting and AST height
 * @since 0.1
 */
public record ParseLimits(int maxLength, int maxDepth) {

    /**
     * 16,384 characters and depth 256: far above what identity providers send (their filters are one or two
     * comparisons), enough for a script's chain of about two hundred {@code id eq "..." or ...} terms, and
     * shallow enough that parsing, printing, comparing and hashing the deepest accepted filter fits a 512 KiB
     * thread stack (half the JVM's default) even with the code interpreted, as on a fresh JVM's first request.
     */
    public static final ParseLimits DEFAULTS = new ParseLimits(16_384, 256);

    /**
     * The largest depth accepted: the deepest filter of depth 500 still fits the JVM's default 1 MiB thread
     * stack, with the code interpreted, at least twice over.
     */
    public static final int MAX_DEPTH_CEILING = 500;

    /**
     * @throws IllegalArgumentException if a limit is below 1, or {@code maxDepth} above
     *     {@link #MAX_DEPTH_CEILING}
     */
    public ParseLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException(
                    "maxDepth must be between 1 and " + MAX_DEPTH_CEILING + ", was " + maxDepth);
        }
    }

    /** These limits with another maximum length. */
    public ParseLimits withMaxLength(int newMaxLength) {
        return new ParseLimits(newMaxLength, maxDepth);
    }

    /** These limits with another maximum depth. */
    public ParseLimits withMaxDepth(int newMaxDepth) {
        return new ParseLimits(maxLength, newMaxDepth);
    }
}
