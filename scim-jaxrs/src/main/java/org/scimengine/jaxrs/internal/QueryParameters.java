package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.SearchRequest;
import org.scimengine.core.error.BadRequestException;

/**
 * The query parameters of RFC 7644 §3.4.2 and §3.9 (and RFC 9865's {@code cursor}), matched ignoring case. A
 * malformed number is a 400 {@code invalidValue}, not the 404 a JAX-RS {@code @QueryParam int} would give.
 */
final class QueryParameters {

    private final MultivaluedMap<String, String> parameters;

    QueryParameters(MultivaluedMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The parameter's value, or null if absent; an empty value (as in {@code ?cursor}) is "". */
    @Nullable String get(String name) {
        List<String> values = null;
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                if (values != null) {
                    throw BadRequestException.invalidValue("The query parameter '" + name + "' is given twice; give"
                            + " it once.");
                }
                values = entry.getValue();
            }
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw BadRequestException.invalidValue("The query parameter '" + name + "' is given " + values.size()
                    + " times; give it once.");
        }
        return values.get(0);
    }

    boolean has(String name) {
        return get(name) != null;
    }

    AttributeSelection selection() {
        return new AttributeSelection(blankToNull(get("attributes")), blankToNull(get("excludedAttributes")));
    }

    /** Whether the client chose attributes, so it wants a body even where the host prefers none. */
    boolean selectsAttributes() {
        return has("attributes") || has("excludedAttributes");
    }

    SearchRequest search() {
        return new SearchRequest(blankToNull(get("filter")), blankToNull(get("sortBy")), blankToNull(get("sortOrder")),
                integer("startIndex"), integer("count"), get("cursor"), selection());
    }

    private @Nullable Integer integer(String name) {
        String value = get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (!digits.matches("[+-]?[0-9]+")) {
            throw BadRequestException.invalidValue("The query parameter '" + name + "' must be an integer, was '"
                    + Responses.excerpt(value) + "'.");
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            // More digits than an int holds: as large (or as small) as can be, which the engine then clamps.
            return digits.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
