package org.scimengine.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.sort.ResourceOrder;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;

/**
 * The order of a query's results (RFC 7644 §3.4.2.3), checked against a resource type. Values compare as
 * filters compare them (case per {@code caseExact}, code-point order, dateTimes as instants, numbers
 * numerically, false before true); a multi-valued attribute sorts by its primary value, else its first; a
 * complex attribute by its {@code value}; resources without a value come last ascending and first descending;
 * {@code id} ascending breaks every tie, so pages are stable. Without {@code sortBy}, resources come by id.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ResolvedSort {

    private final @Nullable ResolvedAttribute attribute;
    private final boolean descending;
    private final Comparator<JsonNode> comparator;

    private ResolvedSort(@Nullable ResolvedAttribute attribute, boolean descending, String coreSchemaId) {
        this.attribute = attribute;
        this.descending = descending;
        this.comparator = ResourceOrder.comparator(attribute, descending, coreSchemaId);
    }

    /**
     * Reads the {@code sortBy} and {@code sortOrder} parameters; either may be null.
     *
     * @throws BadRequestException {@code invalidValue} if {@code sortBy} is not a sortable attribute of the
     *     resource type or {@code sortOrder} is neither {@code ascending} nor {@code descending}
     */
    public static ResolvedSort parse(@Nullable String sortBy, @Nullable String sortOrder, FilterParser parser,
            SchemaRegistry registry, ResourceType type) {
        AttributeResolver resolver = new AttributeResolver(registry, type);
        boolean descending = ResourceOrder.descending(sortOrder);
        return new ResolvedSort(ResourceOrder.resolveSortBy(sortBy, parser, resolver), descending,
                resolver.coreSchemaId());
    }

    /** The order by id alone. */
    public static ResolvedSort byId(ResourceType type) {
        return new ResolvedSort(null, false, Objects.requireNonNull(type, "type").schema());
    }

    /** The attribute sorted by (its {@code value} for a complex one), or null when sorting by id alone. */
    public @Nullable ResolvedAttribute attribute() {
        return attribute;
    }

    /** Whether the order is descending; the id tie-break is always ascending. */
    public boolean descending() {
        return descending;
    }

    /** The order over resources as {@link org.scimengine.core.spi.StoredResource#view} shows them. */
    public Comparator<JsonNode> comparator() {
        return comparator;
    }

    @Override
    public String toString() {
        return attribute == null ? "by id" : attribute + (descending ? " descending" : " ascending");
    }
}
