package org.scimengine.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.Returned;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.And;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterValue;
import org.scimengine.filter.Not;
import org.scimengine.filter.Or;
import org.scimengine.filter.Presence;

/**
 * Over random filters built from every path of the User resource type, written in any case and with or without
 * the schema URN, with comparisons that fit each attribute's type: resolution succeeds, and resolving the
 * canonical form again changes nothing.
 */
class ResolvedFilterPropertiesTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    @Property(tries = 1000)
    void typeCorrectFiltersResolveAndTheCanonicalFormIsAFixedPoint(@ForAll("filters") Filter filter) {
        ResolvedFilter resolved = ResolvedFilter.resolve(filter, REGISTRY, CoreSchemas.USER_TYPE);
        ResolvedFilter again = ResolvedFilter.parse(resolved.toString(), FilterParser.standard(), REGISTRY,
                CoreSchemas.USER_TYPE);
        assertThat(again).isEqualTo(resolved);
        assertThat(ResolvedFilter.resolve(resolved.filter(), REGISTRY, CoreSchemas.USER_TYPE)).isEqualTo(resolved);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filters(3);
    }

    private static Arbitrary<Filter> filters(int depth) {
        Arbitrary<Filter> leaf = Arbitraries.oneOf(Arbitraries.of(leaves()).flatMap(l -> l));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filters(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(And::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(Or::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Not::new)));
    }

    /** For every attribute path of the User type (core, enterprise, common): presence and fitting comparisons. */
    private static List<Arbitrary<Filter>> leaves() {
        List<Arbitrary<Filter>> leaves = new ArrayList<>();
        addPaths(leaves, CoreSchemas.USER, CoreSchemas.USER_URN, true);
        addPaths(leaves, CoreSchemas.ENTERPRISE_USER, CoreSchemas.ENTERPRISE_USER_URN, false);
        for (Attribute common : CoreSchemas.COMMON_ATTRIBUTES) {
            addLeaves(leaves, Arbitraries.just(AttributePath.of(common.name())), common, common);
            for (Attribute sub : common.subAttributes()) {
                addLeaves(leaves, Arbitraries.just(AttributePath.of(common.name(), sub.name())), common, sub);
            }
        }
        return leaves;
    }

    private static void addPaths(List<Arbitrary<Filter>> leaves, Schema schema, String urn, boolean urnOptional) {
        for (Attribute attribute : schema.attributes()) {
            if (attribute.returned() == Returned.NEVER) {
                continue; // never observable, so not filterable: ResolvedFilterTest covers the refusal
            }
            addLeaves(leaves, paths(urn, urnOptional, attribute.name(), null), attribute, attribute);
            for (Attribute sub : attribute.subAttributes()) {
                addLeaves(leaves, paths(urn, urnOptional, attribute.name(), sub.name()), attribute, sub);
            }
        }
    }

    private static Arbitrary<AttributePath> paths(String urn, boolean urnOptional, String name, String sub) {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((qualify, upperName, upperUrn) -> new AttributePath(
                        qualify || !urnOptional ? (upperUrn ? urn.toUpperCase(Locale.ROOT) : urn) : null,
                        upperName ? name.toUpperCase(Locale.ROOT) : name,
                        sub == null ? null : (upperName ? sub.toUpperCase(Locale.ROOT) : sub)));
    }

    private static void addLeaves(List<Arbitrary<Filter>> leaves, Arbitrary<AttributePath> paths, Attribute top,
            Attribute leaf) {
        leaves.add(paths.map(Presence::new));
        if (leaf.type() == AttributeType.COMPLEX && leaf.subAttribute("value").isEmpty()) {
            return;
        }
        AttributeType type = leaf.type() == AttributeType.COMPLEX
                ? leaf.subAttribute("value").orElseThrow().type() : leaf.type();
        Arbitrary<CompareOp> ops = switch (type) {
            case BOOLEAN, BINARY -> Arbitraries.of(CompareOp.EQ, CompareOp.NE);
            case INTEGER, DECIMAL, DATE_TIME -> Arbitraries.of(CompareOp.EQ, CompareOp.NE, CompareOp.GT, CompareOp.GE,
                    CompareOp.LT, CompareOp.LE);
            default -> Arbitraries.of(CompareOp.class);
        };
        Arbitrary<FilterValue> values = switch (type) {
            case BOOLEAN -> Arbitraries.of(FilterValue.TRUE, FilterValue.FALSE, FilterValue.of("True"),
                    FilterValue.of("false"));
            case INTEGER -> Arbitraries.integers().map(i -> FilterValue.of(BigDecimal.valueOf(i)));
            case DECIMAL -> Arbitraries.doubles().map(d -> FilterValue.of(BigDecimal.valueOf(d)));
            case DATE_TIME -> Arbitraries.of(FilterValue.of("2011-05-13T04:42:34Z"),
                    FilterValue.of("2026-11-22T19:00:00.123+05:30"), FilterValue.of("2020-02-29T00:00:00"));
            default -> Arbitraries.strings().ofMaxLength(8).map(FilterValue::of);
        };
        leaves.add(Combinators.combine(paths, ops, values).as(Comparison::new));
    }
}
