package org.scimengine.core.internal.sort;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.filter.FilterCompiler;
import org.scimengine.core.internal.filter.FilterResolution;
import org.scimengine.core.internal.filter.ResolutionException;
import org.scimengine.core.internal.value.DateTimes;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterSyntaxException;

/**
 * The order of a query's results (RFC 7644 §3.4.2.3): by {@code sortBy}, compared as filters compare (case per
 * {@code caseExact}, code-point order, dateTimes as instants, numbers numerically, false before true); a
 * multi-valued attribute by its primary value, else its first; resources without a value last when ascending
 * and first when descending; and always {@code id} ascending to break ties, so that pages are stable.
 */
public final class ResourceOrder {

    private static final Comparator<JsonNode> BY_ID = Comparator.comparing(
            resource -> resource.path("id").asText(""), FilterCompiler::compareCodePoints);

    private ResourceOrder() {
    }

    /** The order of {@code id} alone: what results follow when no {@code sortBy} is given. */
    public static Comparator<JsonNode> byId() {
        return BY_ID;
    }

    /**
     * @param sortBy the attribute path, or null/blank for no sorting (then by id)
     * @param sortOrder {@code ascending} (the default) or {@code descending}, any case, or null
     * @throws BadRequestException {@code invalidValue} if {@code sortBy} is not a sortable attribute of the
     *     resource type or {@code sortOrder} is neither value
     */
    public static Comparator<JsonNode> parse(@Nullable String sortBy, @Nullable String sortOrder,
            FilterParser parser, AttributeResolver resolver) {
        return comparator(resolveSortBy(sortBy, parser, resolver), descending(sortOrder), resolver.coreSchemaId());
    }

    /**
     * The attribute {@code sortBy} names, made sortable (a complex attribute by its {@code value}), or null if
     * it is null or blank.
     *
     * @throws BadRequestException {@code invalidValue} if it is not a sortable attribute of the resource type
     */
    public static @Nullable ResolvedAttribute resolveSortBy(@Nullable String sortBy, FilterParser parser,
            AttributeResolver resolver) {
        if (sortBy == null || sortBy.isBlank()) {
            return null;
        }
        try {
            return sortable(FilterResolution.requireReturnable(resolver.resolve(parser.parseAttributePath(sortBy))),
                    sortBy);
        } catch (FilterSyntaxException | ResolutionException e) {
            throw BadRequestException.invalidValue("'sortBy': " + e.getMessage());
        }
    }

    /** The order of resources by an attribute (or by id alone when it is null), ties broken by id. */
    public static Comparator<JsonNode> comparator(@Nullable ResolvedAttribute attribute, boolean descending,
            String coreSchemaId) {
        if (attribute == null) {
            return BY_ID;
        }
        Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        // Missing values go last ascending and first descending: "last" of the reversed order.
        Comparator<Comparable<Object>> withMissing = descending
                ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        SortKey key = new SortKey(attribute, coreSchemaId);
        return Comparator.comparing(key::of, withMissing).thenComparing(BY_ID);
    }

    /**
     * Whether {@code sortOrder} asks for descending order.
     *
     * @throws BadRequestException {@code invalidValue} if it is neither ascending nor descending
     */
    public static boolean descending(@Nullable String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw BadRequestException.invalidValue("'sortOrder' must be ascending or descending, was '" + sortOrder + "'");
    }

    /** A complex attribute sorts by its value sub-attribute, as a filter compares it. */
    private static ResolvedAttribute sortable(ResolvedAttribute resolved, String sortBy) {
        if (resolved.leaf().type() != AttributeType.COMPLEX) {
            return resolved;
        }
        Optional<Attribute> value = resolved.attribute().subAttribute("value");
        if (value.isEmpty()) {
            throw new ResolutionException("'" + sortBy + "' is complex: sort by one of its sub-attributes");
        }
        return new ResolvedAttribute(resolved.schemaUrn(), resolved.attribute(), value.get());
    }

    /** Extracts the comparable sort value of a resource, or null when it has none. */
    private static final class SortKey {
        private final ResolvedAttribute attribute;
        private final boolean nested;

        SortKey(ResolvedAttribute attribute, String coreSchema) {
            this.attribute = attribute;
            this.nested = attribute.schemaUrn() != null && !attribute.schemaUrn().equals(coreSchema);
        }

        @SuppressWarnings("unchecked")
        @Nullable Comparable<Object> of(JsonNode resource) {
            JsonNode container = nested ? resource.path(attribute.schemaUrn()) : resource;
            JsonNode value = sortElement(container.get(attribute.attribute().name()));
            Attribute sub = attribute.subAttribute();
            if (value != null && sub != null) {
                value = sortElement(value.get(sub.name()));
            }
            return value == null ? null : (Comparable<Object>) (Comparable<?>) comparable(value, attribute.leaf());
        }

        private static @Nullable Comparable<?> comparable(JsonNode value, Attribute leaf) {
            return switch (leaf.type()) {
                case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
                case INTEGER, DECIMAL -> value.isNumber() ? value.decimalValue() : null;
                case DATE_TIME -> value.isTextual() ? DateTimes.parse(value.textValue()).orElse(null) : null;
                default -> value.isTextual()
                        ? new CodePointString(leaf.caseExact() ? value.textValue() : FilterCompiler.fold(value.textValue()))
                        : null;
            };
        }
    }

    /**
     * The value a sort compares among an attribute's values: an array's first element whose {@code primary} is
     * true, else its first element; the value itself when it is not an array; null for no value.
     */
    public static @Nullable JsonNode sortElement(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isArray()) {
            return value;
        }
        for (JsonNode element : value) {
            if (element.path("primary").asBoolean(false)) {
                return element;
            }
        }
        return value.isEmpty() ? null : value.get(0);
    }

    /** A string ordered by code point, as the evaluator and PostgreSQL's "C" collation order strings. */
    private record CodePointString(String value) implements Comparable<CodePointString> {
        @Override
        public int compareTo(CodePointString other) {
            return FilterCompiler.compareCodePoints(value, other.value);
        }
    }
}
