package org.scimengine.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;

/**
 * The parameters of a query (RFC 7644 §3.4.2 and RFC 9865), from a URL's query string or a
 * {@code POST .search} body. Every parameter is optional.
 *
 * @param filter the filter expression, or null for every resource
 * @param sortBy the attribute to sort by, or null
 * @param sortOrder {@code ascending} or {@code descending}, or null
 * @param startIndex the 1-based index of the first result (index paging), or null for 1
 * @param count the most results to return, or null for the engine's default page size
 * @param cursor RFC 9865 cursor paging: empty for the first page, a {@code nextCursor} for the next one; null for
 *     index paging
 * @param selection the attributes to return
 * @since 0.1
 */
public record SearchRequest(@Nullable String filter, @Nullable String sortBy, @Nullable String sortOrder,
        @Nullable Integer startIndex, @Nullable Integer count, @Nullable String cursor, AttributeSelection selection) {

    /** The URN of a {@code POST .search} body. */
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    public SearchRequest {
        Objects.requireNonNull(selection, "selection");
    }

    /** Every resource, first page, default order. */
    public static SearchRequest all() {
        return new SearchRequest(null, null, null, null, null, null, AttributeSelection.DEFAULT);
    }

    /** A copy with another filter. */
    public SearchRequest withFilter(@Nullable String value) {
        return new SearchRequest(value, sortBy, sortOrder, startIndex, count, cursor, selection);
    }

    /** A copy with another sort. */
    public SearchRequest withSort(@Nullable String by, @Nullable String order) {
        return new SearchRequest(filter, by, order, startIndex, count, cursor, selection);
    }

    /** A copy asking for another page by index. */
    public SearchRequest withPage(@Nullable Integer start, @Nullable Integer size) {
        return new SearchRequest(filter, sortBy, sortOrder, start, size, cursor, selection);
    }

    /** A copy asking for a page by cursor. */
    public SearchRequest withCursor(@Nullable String value, @Nullable Integer size) {
        return new SearchRequest(filter, sortBy, sortOrder, startIndex, size, value, selection);
    }

    /** A copy with another attribute selection. */
    public SearchRequest withSelection(AttributeSelection value) {
        return new SearchRequest(filter, sortBy, sortOrder, startIndex, count, cursor, value);
    }

    /**
     * Reads a {@code POST .search} body (RFC 7644 §3.4.3). Member names are matched ignoring case; the
     * attribute lists may be JSON arrays of paths or comma-separated strings.
     *
     * @throws BadRequestException {@code invalidSyntax} if the body is not a SearchRequest object, or
     *     {@code invalidValue} if a parameter has the wrong type
     */
    public static SearchRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw BadRequestException.invalidSyntax("a search request body must be a JSON object");
        }
        JsonNode schemas = member(body, "schemas");
        if (schemas != null && !containsText(schemas, SCHEMA)) {
            throw BadRequestException.invalidSyntax("'schemas' of a search request must be [\"" + SCHEMA + "\"]");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (!List.of("schemas", "filter", "sortby", "sortorder", "startindex", "count", "cursor", "attributes",
                    "excludedattributes").contains(name)) {
                throw BadRequestException.invalidSyntax("'" + field.getKey() + "' is not a search request parameter");
            }
        }
        return new SearchRequest(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"),
                integer(body, "startIndex"), integer(body, "count"), text(body, "cursor"),
                new AttributeSelection(list(body, "attributes"), list(body, "excludedAttributes")));
    }

    private static @Nullable JsonNode member(JsonNode body, String name) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (field.getKey().equalsIgnoreCase(name) && !field.getValue().isNull()) {
                return field.getValue();
            }
        }
        return null;
    }

    private static boolean containsText(JsonNode array, String text) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode element : array) {
            if (element.isTextual() && element.textValue().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String text(JsonNode body, String name) {
        JsonNode value = member(body, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequestException.invalidValue("'" + name + "' must be a string, was " + value);
        }
        return value.textValue();
    }

    private static @Nullable Integer integer(JsonNode body, String name) {
        JsonNode value = member(body, name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw BadRequestException.invalidValue("'" + name + "' must be an integer, was " + value);
        }
        return value.intValue();
    }

    private static @Nullable String list(JsonNode body, String name) {
        JsonNode value = member(body, name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (!value.isArray()) {
            throw BadRequestException.invalidValue("'" + name + "' must be an array of attribute paths, was " + value);
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw BadRequestException.invalidValue("'" + name + "' must hold only strings, had " + element);
            }
            paths.add(element.textValue());
        }
        return String.join(",", paths);
    }
}
