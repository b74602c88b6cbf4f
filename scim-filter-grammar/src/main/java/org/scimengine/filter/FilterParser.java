package org.scimengine.filter;

import java.util.List;
import java.util.Objects;
import org.scimengine.filter.internal.ParseDriver;

/**
 * Parses SCIM filters, PATCH paths and attribute lists into the immutable AST.
 *
 * <p>A parser holds only its {@link ParseLimits}; it is immutable and thread-safe, and one instance serves any
 * number of threads. Every method either returns a complete result for the whole input or throws
 * {@link FilterSyntaxException}: trailing input is an error, nothing is printed to the console, and input
 * beyond the limits fails before it can exhaust the stack.
 *
 * <p>The language is RFC 7644's, with keywords and operators case-insensitive, any run of spaces or tabs
 * between tokens (optional where tokens delimit themselves, as in {@code value eq"x"}), and one extension
 * that Microsoft Entra ID relies on: {@code emails[type eq "work"].value eq "x"} in a filter, read as
 * {@code emails[type eq "work" and value eq "x"]}.
 *
 * @since 0.1
 */
public final class FilterParser {

    private static final FilterParser STANDARD = new FilterParser(ParseLimits.DEFAULTS);

    private final ParseLimits limits;

    private FilterParser(ParseLimits limits) {
        this.limits = limits;
    }

    /** The shared parser with {@link ParseLimits#DEFAULTS}. */
    public static FilterParser standard() {
        return STANDARD;
    }

    /** A parser with the given limits. */
    public static FilterParser withLimits(ParseLimits limits) {
        return new FilterParser(Objects.requireNonNull(limits, "limits"));
    }

    /** The limits this parser enforces. */
    public ParseLimits limits() {
        return limits;
    }

    /**
     * Parses a filter (RFC 7644 §3.4.2.2), for example {@code userType eq "Employee" and emails[type eq
     * "work"]}.
     *
     * @param text the filter text, already URL-decoded
     * @return the filter
     * @throws FilterSyntaxException if the text is not one complete filter, or exceeds the limits
     */
    public Filter parseFilter(String text) {
        return ParseDriver.parseFilter(Objects.requireNonNull(text, "text"), limits);
    }

    /**
     * Parses a PATCH operation's {@code path} (RFC 7644 §3.5.2), for example
     * {@code emails[type eq "work"].value}.
     *
     * @param text the path text
     * @return the path
     * @throws FilterSyntaxException if the text is not one complete path, or exceeds the limits
     */
    public PatchPath parsePath(String text) {
        return ParseDriver.parsePath(Objects.requireNonNull(text, "text"), limits);
    }

    /**
     * Parses a comma-separated attribute list, as {@code attributes} and {@code excludedAttributes} carry
     * (RFC 7644 §3.4.2.5), for example {@code userName,name.givenName,urn:...:enterprise:2.0:User:manager}.
     * Spaces or tabs around the commas are allowed.
     *
     * @param text the list text
     * @return the paths in the order written, at least one
     * @throws FilterSyntaxException if the text is not such a list, or exceeds the limits
     */
    public List<AttributePath> parseAttributeList(String text) {
        return ParseDriver.parseAttributeList(Objects.requireNonNull(text, "text"), limits);
    }

    /**
     * Parses a single attribute path, as {@code sortBy} carries (RFC 7644 §3.4.2.3).
     *
     * @param text the path text
     * @return the path
     * @throws FilterSyntaxException if the text is not exactly one attribute path
     */
    public AttributePath parseAttributePath(String text) {
        return ParseDriver.parseAttributePath(Objects.requireNonNull(text, "text"), limits);
    }
}
