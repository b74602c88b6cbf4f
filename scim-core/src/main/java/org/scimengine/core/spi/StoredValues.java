package org.scimengine.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.internal.filter.FilterCompiler;
import org.scimengine.core.internal.sort.ResourceOrder;
import org.scimengine.core.internal.value.DateTimes;

/**
 * The pieces of the engine's filter and sort semantics that a store which evaluates filters itself (in SQL, say)
 * must reproduce exactly, so that it can compute them when it writes a resource instead of re-implementing them.
 * {@link org.scimengine.core.filter.ResolvedFilter#matches} and {@link org.scimengine.core.filter.ResolvedSort}
 * are defined in these terms.
 *
 * @since 0.1
 */
public final class StoredValues {

    private StoredValues() {
    }

    /** The case-insensitive form of a string, as filters, sorting and unique values fold it. */
    public static String fold(String value) {
        return FilterCompiler.fold(value);
    }

    /** Compares two strings by code point, as filters and sorting order them (PostgreSQL's "C" collation). */
    public static int compareCodePoints(String a, String b) {
        return FilterCompiler.compareCodePoints(a, b);
    }

    /**
     * A string as the instant a dateTime filter compares it as, or empty if it is no {@code xsd:dateTime}; a value
     * without an offset is UTC.
     */
    public static Optional<Instant> dateTime(String text) {
        return DateTimes.parse(text);
    }

    /**
     * Whether {@code pr} holds for one value: a non-empty string, any number or boolean, a complex value with a
     * present member, an array with a present element.
     */
    public static boolean isPresent(JsonNode value) {
        return FilterCompiler.isPresent(value);
    }

    /**
     * The value a sort compares among an attribute's values: an array's first element whose {@code primary} is
     * true, else its first element; the value itself when it is not an array; null for no value.
     */
    public static @Nullable JsonNode sortElement(@Nullable JsonNode value) {
        return ResourceOrder.sortElement(value);
    }
}
