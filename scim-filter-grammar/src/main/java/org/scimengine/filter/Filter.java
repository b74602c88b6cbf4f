package org.scimengine.filter;

/**
 * A SCIM filter expression (RFC 7644 §3.4.2.2): a sealed family of immutable records.
 *
 * <p>{@code and} and {@code or} are binary and built left-associatively, so {@code a and b and c} is
 * {@code And(And(a, b), c)}; parentheses group without a node of their own. {@link #toString()} gives the
 * canonical text, which {@link FilterParser#parseFilter(String)} reads back to an equal filter.
 *
 * @since 0.1
 */
public sealed interface Filter permits Comparison, Presence, And, Or, Not, ValuePath {

    /**
     * Calls the visitor method for this node's type.
     *
     * @param visitor the visitor, not null
     * @param <R> the visitor's result type
     * @return what the visitor returned
     */
    <R> R accept(FilterVisitor<R> visitor);

    /**
     * Parses {@code text} with {@link FilterParser#standard()}.
     *
     * @param text the filter, for example {@code userName eq "bjensen"}
     * @return the filter
     * @throws FilterSyntaxException if {@code text} is not a valid filter or exceeds the default limits
     */
    static Filter parse(String text) {
        return FilterParser.standard().parseFilter(text);
    }

    /** The canonical filter text: minimal parentheses, lower-case keywords, JSON-escaped strings. */
    @Override
    String toString();
}
