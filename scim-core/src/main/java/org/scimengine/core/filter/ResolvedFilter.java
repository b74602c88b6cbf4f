package org.scimengine.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.filter.FilterCompiler;
import org.scimengine.core.internal.filter.FilterResolution;
import org.scimengine.core.internal.filter.ResolutionException;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterSyntaxException;
import org.scimengine.filter.ValuePath;

/**
 * A filter checked against a resource type and rewritten in canonical form: attribute names in their schema's
 * spelling; a schema URN only on extension attributes; a comparison on a complex attribute made explicit on its
 * {@code value} sub-attribute; boolean strings ({@code "True"}) as booleans. Every comparison fits its
 * attribute's type: no ordering of booleans or binaries, no substring match on numbers or dateTimes, dateTimes
 * that parse. Stores translate {@link #filter()} and look definitions up with {@link #attribute}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ResolvedFilter {

    private final Filter filter;
    private final AttributeResolver resolver;
    /** Compiled on first use; a race compiles twice, harmlessly. */
    private volatile @Nullable Predicate<JsonNode> predicate;

    private ResolvedFilter(Filter filter, AttributeResolver resolver) {
        this.filter = filter;
        this.resolver = resolver;
    }

    /**
     * Parses and resolves a filter.
     *
     * @throws BadRequestException {@code invalidFilter}, with the parser's or the resolver's message, if the
     *     text is not a filter or does not fit the resource type
     * @throws IllegalArgumentException if the resource type is not the registry's
     */
    public static ResolvedFilter parse(String text, FilterParser parser, SchemaRegistry registry, ResourceType type) {
        Filter parsed;
        try {
            parsed = parser.parseFilter(text);
        } catch (FilterSyntaxException e) {
            throw BadRequestException.invalidFilter(e.getMessage());
        }
        return resolve(parsed, registry, type);
    }

    /**
     * Resolves a parsed filter.
     *
     * @throws BadRequestException {@code invalidFilter} if the filter does not fit the resource type
     * @throws IllegalArgumentException if the resource type is not the registry's
     */
    public static ResolvedFilter resolve(Filter filter, SchemaRegistry registry, ResourceType type) {
        Objects.requireNonNull(filter, "filter");
        AttributeResolver resolver = new AttributeResolver(registry, type);
        try {
            return new ResolvedFilter(FilterResolution.resolve(filter, resolver), resolver);
        } catch (ResolutionException e) {
            throw BadRequestException.invalidFilter(e.getMessage());
        }
    }

    /** The canonical filter. */
    public Filter filter() {
        return filter;
    }

    /** The resource type the filter was resolved against. */
    public ResourceType resourceType() {
        return resolver.resourceType();
    }

    /**
     * The definition of a top-level path of {@link #filter()}.
     *
     * @throws IllegalArgumentException if the path is not one this filter's resource type has
     */
    public ResolvedAttribute attribute(AttributePath path) {
        try {
            return resolver.resolve(path);
        } catch (ResolutionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The definition of a path inside one of {@link #filter()}'s value filters: {@code type} inside
     * {@code emails[type eq "work"]} resolves to {@code emails.type}.
     *
     * @throws IllegalArgumentException if the paths are not ones this filter's resource type has
     */
    public ResolvedAttribute attribute(ValuePath within, AttributePath inner) {
        try {
            return resolver.resolveWithin(resolver.resolve(within.attribute()), inner);
        } catch (ResolutionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Whether a resource matches, evaluated in memory. The resource is its JSON representation with attribute
     * names in their schema's spelling and extension attributes under their schema's URN, as the engine stores
     * resources; it is only read. The semantics, which every store reproduces: strings compare case-sensitively
     * only where the attribute is {@code caseExact}; dateTimes compare as instants and numbers numerically; a
     * multi-valued attribute matches if any value does; a value filter matches if one element satisfies all of
     * it; {@code pr} is a non-empty value; {@code ne} is {@code not (eq)}, so it holds where the attribute has no
     * value; {@code eq null} means no value.
     *
     * @param resource the resource's JSON
     * @return whether the filter holds for it
     */
    public boolean matches(JsonNode resource) {
        Predicate<JsonNode> compiled = predicate;
        if (compiled == null) {
            compiled = FilterCompiler.compile(filter, new FilterCompiler.Definitions() {
                @Override
                public ResolvedAttribute top(AttributePath path) {
                    return attribute(path);
                }

                @Override
                public ResolvedAttribute within(ValuePath valuePath, AttributePath inner) {
                    return attribute(valuePath, inner);
                }
            }, resolver.coreSchemaId());
            predicate = compiled;
        }
        return compiled.test(resource);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolvedFilter other && filter.equals(other.filter)
                && resolver.resourceType().equals(other.resolver.resourceType());
    }

    @Override
    public int hashCode() {
        return 31 * filter.hashCode() + resolver.resourceType().hashCode();
    }

    /** The canonical filter text. */
    @Override
    public String toString() {
        return filter.toString();
    }
}
