package org.scimengine.core.internal.filter;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.internal.value.DateTimes;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.Returned;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterValue;
import org.scimengine.filter.FilterRewriter;
import org.scimengine.filter.Presence;
import org.scimengine.filter.ValuePath;

/**
 * Rewrites a filter into its resolved form: every path canonical (see {@link AttributeResolver#canonical}),
 * a comparison on a complex attribute made explicit on its {@code value} sub-attribute (RFC 7644 §3.4.2.2's
 * {@code emails co "example.com"}), boolean strings such as {@code "True"} made booleans, and every comparison
 * checked against the attribute's type.
 */
public final class FilterResolution extends FilterRewriter {

    private final AttributeResolver resolver;
    /** Inside a value filter: the attribute the brackets filter; null at the top level. */
    private final @Nullable ResolvedAttribute parent;

    private FilterResolution(AttributeResolver resolver, @Nullable ResolvedAttribute parent) {
        this.resolver = resolver;
        this.parent = parent;
    }

    /**
     * @throws ResolutionException if an attribute is unknown or a comparison does not fit its attribute
     */
    public static Filter resolve(Filter filter, AttributeResolver resolver) {
        return filter.accept(new FilterResolution(resolver, null));
    }

    /**
     * Resolves a value filter on {@code parent}, whose paths name its sub-attributes (a PATCH path's
     * {@code members[value eq "..."]}).
     *
     * @throws ResolutionException if a sub-attribute is unknown or a comparison does not fit it
     */
    public static Filter resolveWithin(Filter filter, AttributeResolver resolver, ResolvedAttribute parent) {
        return filter.accept(new FilterResolution(resolver, parent));
    }

    @Override
    public Filter visitComparison(Comparison comparison) {
        ResolvedAttribute resolved = resolve(comparison.attribute());
        if (resolved.leaf().type() == AttributeType.COMPLEX) {
            // RFC 7644 §3.4.2.2: "emails co ..." compares the emails' values.
            if (resolved.attribute().subAttribute("value").isEmpty()) {
                throw new ResolutionException("'" + comparison.attribute() + "' is complex: compare one of its"
                        + " sub-attributes, like '" + comparison.attribute() + "."
                        + resolved.attribute().subAttributes().get(0).name() + "'");
            }
            resolved = new ResolvedAttribute(resolved.schemaUrn(), resolved.attribute(),
                    resolved.attribute().subAttribute("value").orElseThrow());
        }
        FilterValue value = checkedValue(resolved, comparison.operator(), comparison.value());
        return new Comparison(canonical(resolved), comparison.operator(), value);
    }

    @Override
    public Filter visitPresence(Presence presence) {
        return new Presence(canonical(resolve(presence.attribute())));
    }

    @Override
    public Filter visitValuePath(ValuePath valuePath) {
        ResolvedAttribute filtered = requireReturnable(resolver.resolve(valuePath.attribute()));
        if (filtered.subAttribute() != null || filtered.attribute().type() != AttributeType.COMPLEX) {
            throw new ResolutionException("'" + valuePath.attribute() + "' is not a complex attribute, so it takes"
                    + " no value filter");
        }
        Filter inner = valuePath.filter().accept(new FilterResolution(resolver, filtered));
        return new ValuePath(resolver.canonical(filtered), inner);
    }

    private ResolvedAttribute resolve(AttributePath path) {
        return requireReturnable(parent == null ? resolver.resolve(path) : resolver.resolveWithin(parent, path));
    }

    /**
     * A value that is never returned (a password's hash) must not be observable through matches either: a
     * filter or sort on it would let a client read it out piece by piece.
     *
     * @throws ResolutionException if the attribute or sub-attribute is {@code returned: never}
     */
    public static ResolvedAttribute requireReturnable(ResolvedAttribute resolved) {
        if (resolved.attribute().returned() == Returned.NEVER || resolved.leaf().returned() == Returned.NEVER) {
            throw new ResolutionException("'" + describe(resolved) + "' is never returned, so it cannot be filtered"
                    + " or sorted on");
        }
        return resolved;
    }

    /** Top level: the canonical path; inside a value filter: the bare sub-attribute name. */
    private AttributePath canonical(ResolvedAttribute resolved) {
        if (parent == null) {
            return resolver.canonical(resolved);
        }
        return AttributePath.of(resolved.leaf().name());
    }

    private static FilterValue checkedValue(ResolvedAttribute resolved, CompareOp op, FilterValue value) {
        Attribute leaf = resolved.leaf();
        String name = describe(resolved);
        if (value instanceof FilterValue.NullValue) {
            if (op != CompareOp.EQ && op != CompareOp.NE) {
                throw new ResolutionException("'" + name + "' can be compared with null only by eq or ne");
            }
            return value;
        }
        switch (leaf.type()) {
            case STRING, REFERENCE -> requireString(name, leaf, value);
            case BINARY -> {
                requireString(name, leaf, value);
                requireEquality(name, leaf, op);
            }
            case BOOLEAN -> {
                requireEquality(name, leaf, op);
                return booleanValue(name, value);
            }
            case INTEGER, DECIMAL -> {
                requireNoSubstring(name, leaf, op);
                if (!(value instanceof FilterValue.NumberValue number)
                        || (leaf.type() == AttributeType.INTEGER && !number.isIntegral())) {
                    throw new ResolutionException("'" + name + "' is " + leaf.type().wire() + ": compare it with "
                            + (leaf.type() == AttributeType.INTEGER ? "a whole number" : "a number") + ", not "
                            + value);
                }
            }
            case DATE_TIME -> {
                requireNoSubstring(name, leaf, op);
                if (!(value instanceof FilterValue.StringValue text) || DateTimes.parse(text.value()).isEmpty()) {
                    throw new ResolutionException("'" + name + "' is a dateTime: compare it with a quoted xsd:dateTime"
                            + " such as \"2011-05-13T04:42:34Z\", not " + value);
                }
            }
            case COMPLEX -> throw new IllegalStateException("complex attributes are compared through 'value'");
            default -> throw new IllegalStateException("unhandled type " + leaf.type());
        }
        return value;
    }

    private static void requireString(String name, Attribute leaf, FilterValue value) {
        if (!(value instanceof FilterValue.StringValue)) {
            throw new ResolutionException("'" + name + "' is " + article(leaf) + ": compare it with a quoted string,"
                    + " not " + value);
        }
    }

    private static void requireEquality(String name, Attribute leaf, CompareOp op) {
        if (op != CompareOp.EQ && op != CompareOp.NE) {
            throw new ResolutionException("'" + name + "' is " + article(leaf) + ": only eq, ne and pr apply, not "
                    + op.keyword());
        }
    }

    private static void requireNoSubstring(String name, Attribute leaf, CompareOp op) {
        if (op.isSubstring()) {
            throw new ResolutionException("'" + name + "' is " + article(leaf) + ": " + op.keyword()
                    + " applies to strings only");
        }
    }

    /** Identity providers send booleans as "True" and "False"; accept those spellings, as JSON booleans. */
    private static FilterValue booleanValue(String name, FilterValue value) {
        if (value instanceof FilterValue.BooleanValue) {
            return value;
        }
        if (value instanceof FilterValue.StringValue text) {
            String lower = text.value().toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return FilterValue.of(lower.equals("true"));
            }
        }
        throw new ResolutionException("'" + name + "' is boolean: compare it with true or false, not " + value);
    }

    private static String describe(ResolvedAttribute resolved) {
        Attribute sub = resolved.subAttribute();
        return sub == null ? resolved.attribute().name() : resolved.attribute().name() + "." + sub.name();
    }

    private static String article(Attribute leaf) {
        return switch (leaf.type()) {
            case INTEGER -> "an integer";
            default -> "a " + leaf.type().wire();
        };
    }
}
