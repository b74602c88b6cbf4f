package org.scimengine.filter;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An attribute path {@code [URN ":"] ATTRNAME ["." subAttr]} (RFC 7644 §3.4.2.2, §3.10), for example
 * {@code userName}, {@code name.familyName}, {@code members.$ref} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>Names keep the spelling they were written with; matching them case-insensitively against a schema is
 * the engine's job. The parser splits a URN-qualified path at its last colon, so a bare schema URN such as
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} (as {@code attributes} may name a
 * whole extension) reads as schema {@code urn:...:2.0} and name {@code User}: only a schema registry can
 * tell the two apart, and {@link #fullText()} gives back the text to look up.
 *
 * @param schemaUrn the schema URN prefix without the final colon, or null when the path has none
 * @param name the attribute name
 * @param subAttribute the sub-attribute name, or null
 * @since 0.1
 */
public record AttributePath(@Nullable String schemaUrn, String name, @Nullable String subAttribute) {


    /**
     * @throws IllegalArgumentException if a name is not an RFC 7643 attribute name ({@code ALPHA *(ALPHA /
     *     DIGIT / "-" / "_")}, or {@code $ref}) or the URN is not {@code urn:} followed by URN characters
     */
    public AttributePath {
        Objects.requireNonNull(name, "name");
        requireName(name, "name");
        if (subAttribute != null) {
            requireName(subAttribute, "subAttribute");
        }
        if (schemaUrn != null && !isUrn(schemaUrn)) {
            throw new IllegalArgumentException("not a schema URN: '" + schemaUrn + "'");
        }
    }

    /** A path with neither schema URN nor sub-attribute. */
    public static AttributePath of(String name) {
        return new AttributePath(null, name, null);
    }

    /** A path {@code name.subAttribute} without schema URN. */
    public static AttributePath of(String name, String subAttribute) {
        return new AttributePath(null, name, subAttribute);
    }

    /** Whether {@code text} is a valid attribute or sub-attribute name ({@code ATTRNAME}, or {@code $ref}). */
    public static boolean isValidName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.charAt(0) == '$') {
            return text.equalsIgnoreCase("$ref");
        }
        if (!isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** This path without its schema URN. */
    public AttributePath withoutSchema() {
        return schemaUrn == null ? this : new AttributePath(null, name, subAttribute);
    }

    /** The path as written in a filter: {@code urn:...:name.subAttribute}. */
    public String fullText() {
        StringBuilder text = new StringBuilder();
        if (schemaUrn != null) {
            text.append(schemaUrn).append(':');
        }
        text.append(name);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return fullText();
    }

    // Hand-written rather than regular expressions: these checks run for every path the parser reads.
    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code urn:} (any case) followed by at least one of the URN characters the grammar allows. */
    private static boolean isUrn(String text) {
        if (text.length() < 5 || !text.regionMatches(true, 0, "urn:", 0, 4)) {
            return false;
        }
        for (int i = 4; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && "._~%+:@/!$&'*;=-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireName(String value, String what) {
        if (!isValidName(value)) {
            throw new IllegalArgumentException("not an attribute name (" + what + "): '" + value + "'");
        }
    }
}
