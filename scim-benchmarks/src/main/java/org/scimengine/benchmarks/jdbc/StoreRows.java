package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scimengine.core.spi.StoredValues;

/**
 * The {@code scim_value} rows scim-store-jdbc writes for a resource, computed the way its internal
 * {@code ValueRows} computes them (which the benchmarks cannot call), for the bare baseline of
 * {@link JdbcBulkComparison}: one row per value and per array element at the top level and in extension
 * objects, one per sub-attribute value of a complex element, with the folded string, the exact string where it
 * differs, the dateTime as the store's fixed-width instant text, and the {@code present} and {@code chosen}
 * flags. {@link JdbcBulkComparison} checks at start that a user written both ways gets the same rows.
 */
final class StoreRows {

    static final int STRING = 0;
    static final int NUMBER = 1;
    static final int BOOLEAN = 2;
    static final int OBJECT = 3;
    static final int OTHER = 4;

    /** The store's encoding of instants: epoch seconds shifted positive, 18 digits, then 9 digits of nanos. */
    private static final long OFFSET = 100_000_000_000_000_000L;

    record Row(String attr, String sub, int elem, int kind, boolean present, boolean chosen, String fold,
            String exact, BigDecimal number, Boolean bool, String dateTime) {
    }

    private StoreRows() {
    }

    static String instant(Instant instant) {
        return String.format("%018d%09d", instant.getEpochSecond() + OFFSET, instant.getNano());
    }

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
        // Array elements count from 1; 0 is a value that is not in an array (as ValueRows numbers them).
        int first = value.isArray() ? 1 : 0;
        for (int i = 0; i < values.size(); i++) {
            int elem = first + i;
            JsonNode element = values.get(i);
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

    private static Row row(String attr, String sub, int elem, JsonNode value, boolean chosen) {
        boolean present = StoredValues.isPresent(value);
        if (value.isTextual()) {
            String text = value.textValue();
            String fold = StoredValues.fold(text);
            Optional<Instant> instant = StoredValues.dateTime(text);
            return new Row(attr, sub, elem, STRING, present, chosen, fold, fold.equals(text) ? null : text, null,
                    null, instant.map(StoreRows::instant).orElse(null));
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
