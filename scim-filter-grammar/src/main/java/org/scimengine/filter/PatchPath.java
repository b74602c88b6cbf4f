package org.scimengine.filter;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2): {@code attrPath}, or {@code valuePath}
 * optionally followed by {@code .subAttr}. Examples: {@code name.familyName},
 * {@code members[value eq "2819c223"]}, {@code emails[type eq "work"].value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}.
 *
 * @param attribute the targeted attribute (for a plain path, the whole path)
 * @param valueFilter the filter selecting values of {@code attribute}, or null for a plain path; attribute
 *     paths inside it are relative to {@code attribute}
 * @param subAttribute the sub-attribute of the selected values, or null; only with a value filter
 * @since 0.1
 */
public record PatchPath(AttributePath attribute, @Nullable Filter valueFilter, @Nullable String subAttribute) {

    /**
     * @throws IllegalArgumentException if {@code subAttribute} is given without a value filter or is not an
     *     attribute name, or the value filter contains a value path
     */
    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (subAttribute != null) {
            if (valueFilter == null) {
                throw new IllegalArgumentException(
                        "a sub-attribute after the path needs a value filter; write it in the attribute path");
            }
            if (!AttributePath.isValidName(subAttribute)) {
                throw new IllegalArgumentException("not an attribute name (subAttribute): '" + subAttribute + "'");
            }
        }
        if (valueFilter != null && FilterPrinter.containsValuePath(valueFilter)) {
            throw new IllegalArgumentException("a value filter cannot contain another value filter: " + valueFilter);
        }
    }

    /** A plain path without value filter. */
    public static PatchPath of(AttributePath attribute) {
        return new PatchPath(attribute, null, null);
    }

    /**
     * Parses {@code text} with {@link FilterParser#standard()}.
     *
     * @throws FilterSyntaxException if {@code text} is not a valid PATCH path
     */
    public static PatchPath parse(String text) {
        return FilterParser.standard().parsePath(text);
    }

    /** The canonical path text, which {@link FilterParser#parsePath(String)} reads back to an equal path. */
    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
