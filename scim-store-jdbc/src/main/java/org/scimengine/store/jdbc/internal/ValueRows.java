package org.scimengine.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.spi.StoredValues;

/**
 * The rows of {@code scim_value} for a resource's attributes: what a filter can reach, computed when the
 * resource is written so that a search needs no JSON in SQL.
 *
 * <p>The rows follow the JSON, not the schema, so the store needs no schema and a resource type added at run
 * time works at once: the filter translator picks the column that fits the attribute's type, and a value of
 * another JSON type has nothing in that column, which is how the in-memory evaluator treats it (it never
 * matches). For each top-level attribute (and each attribute of an extension object under a {@code urn:} key,
 * named {@code urn:...:name}) every value, or every element of an array, gives one row with {@code sub} empty
 * and {@code elem} its position (from 1 in an array, 0 for a value that is not in one); each member of an object element gives rows with {@code sub} its name and the
 * same {@code elem}, so the conditions of one value filter meet on one element. A string's row holds its folded
 * form, and its exact form where that differs; a string that reads as a dateTime also holds the instant.
 * {@code present} is {@code pr}'s answer for the value; {@code chosen} marks the value a sort uses.
 */
final class ValueRows {

    static final int STRING = 0;
    static final int NUMBER = 1;
    static final int BOOLEAN = 2;
    static final int OBJECT = 3;
    static final int OTHER = 4;

    /** One row; null columns are the ones the value's JSON type does not fill. */
    record Row(String attr, String sub, int elem, int kind, boolean present, boolean chosen,
            @Nullable String fold, @Nullable String exact, @Nullable BigDecimal number, @Nullable Boolean bool,
            @Nullable String dateTime) {
    }

    private ValueRows() {
    }

    /**
     * The rows of a resource's stored attributes.
     *
     * @throws BadRequestException {@code invalidValue} for a string holding U+0000, which PostgreSQL cannot
     *     keep in text, or half a surrogate pair, which UTF-8 cannot encode (refused on SQLite too, so both
     *     stores accept the same resources)
     */
    static List<Row> of(JsonNode attributes) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : attributes.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.regionMatches(true, 0, "urn:", 0, 4) && value.isObject()) {
                for (Map.Entry<String, JsonNode> inner : value.properties()) {
                    attribute(name + ":" + inner.getKey(), inner.getValue(), rows);
                }
            } else {
                attribute(name, value, rows);
            }
        }
        return rows;
    }

    private static void attribute(String attr, JsonNode value, List<Row> rows) {
        List<JsonNode> values = flatten(value);
        JsonNode sortElement = StoredValues.sortElement(value);
        // Elements of an array count from 1; 0 is a value that is not in an array.
        int first = value.isArray() ? 1 : 0;
        for (int i = 0; i < values.size(); i++) {
            JsonNode element = values.get(i);
            int elem = first + i;
            boolean chosen = element == sortElement;
            rows.add(row(attr, "", elem, element, chosen));
            if (element.isObject()) {
                for (Map.Entry<String, JsonNode> member : element.properties()) {
                    JsonNode subSort = chosen ? StoredValues.sortElement(member.getValue()) : null;
                    for (JsonNode subValue : flatten(member.getValue())) {
                        rows.add(row(attr, member.getKey(), elem, subValue, subValue == subSort));
                    }
                }
            }
        }
    }

    /** A value as the list of its values, as the evaluator flattens it: an array's elements, a value, or none. */
    private static List<JsonNode> flatten(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value);
        }
        List<JsonNode> out = new ArrayList<>(value.size());
        value.forEach(out::add);
        return out;
    }

    /**
     * What in a string no database text column keeps as it is: U+0000 (PostgreSQL refuses it) or half of a
     * surrogate pair (UTF-8 has no form for it, so the driver would store a replacement character).
     */
    private static @Nullable String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "the character U+0000";
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return String.format("an unpaired surrogate U+%04X", (int) c);
                }
                i++;
            }
        }
        return null;
    }

    private static Row row(String attr, String sub, int elem, JsonNode value, boolean chosen) {
        boolean present = StoredValues.isPresent(value);
        if (value.isTextual()) {
            String text = value.textValue();
            String problem = unstorable(text);
            if (problem != null) {
                throw BadRequestException.invalidValue("'" + (sub.isEmpty() ? attr : attr + "." + sub) + "' holds "
                        + problem + ", which cannot be stored; remove it.");
            }
            String fold = StoredValues.fold(text);
            Optional<java.time.Instant> instant = StoredValues.dateTime(text);
            return new Row(attr, sub, elem, STRING, present, chosen, fold, fold.equals(text) ? null : text, null,
                    null, instant.map(Instants::encode).orElse(null));
        }
        if (value.isNumber()) {
            return new Row(attr, sub, elem, NUMBER, present, chosen, null, null, value.decimalValue(), null, null);
        }
        if (value.isBoolean()) {
            return new Row(attr, sub, elem, BOOLEAN, present, chosen, null, null, null, value.booleanValue(), null);
        }
        return new Row(attr, sub, elem, value.isObject() ? OBJECT : OTHER, present, chosen, null, null, null, null,
                null);
    }
}
