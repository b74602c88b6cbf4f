package org.scimengine.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.And;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterValue;
import org.scimengine.filter.FilterRewriter;
import org.scimengine.filter.Not;
import org.scimengine.filter.Or;
import org.scimengine.filter.Presence;
import org.scimengine.filter.ValuePath;

/** The evaluator's algebra and invariances over random users and random filters drawn from small value pools. */
class FilterEvaluationPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final List<String> NAMES = List.of("alice", "Alice", "ALICE", "bob", "Bo", "");
    private static final List<String> TYPES = List.of("work", "Work", "home", "other");
    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2011-05-13T04:42:34Z"), Instant.parse("2011-05-13T04:42:35Z"),
            Instant.parse("2020-02-29T23:59:59Z"));
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;

    @Property(tries = 400)
    void doubleNegationChangesNothing(@ForAll("users") JsonNode user, @ForAll("filters") Filter f) {
        assertThat(matches(new Not(new Not(f)), user)).isEqualTo(matches(f, user));
    }

    @Property(tries = 400)
    void deMorgan(@ForAll("users") JsonNode user, @ForAll("filters") Filter a, @ForAll("filters") Filter b) {
        assertThat(matches(new Not(new And(a, b)), user)).isEqualTo(matches(new Or(new Not(a), new Not(b)), user));
        assertThat(matches(new Not(new Or(a, b)), user)).isEqualTo(matches(new And(new Not(a), new Not(b)), user));
    }

    @Property(tries = 400)
    void andAndOrCommuteAndAssociate(@ForAll("users") JsonNode user, @ForAll("filters") Filter a,
            @ForAll("filters") Filter b, @ForAll("filters") Filter c) {
        assertThat(matches(new And(a, b), user)).isEqualTo(matches(new And(b, a), user));
        assertThat(matches(new Or(a, b), user)).isEqualTo(matches(new Or(b, a), user));
        assertThat(matches(new And(new And(a, b), c), user)).isEqualTo(matches(new And(a, new And(b, c)), user));
        assertThat(matches(new Or(new Or(a, b), c), user)).isEqualTo(matches(new Or(a, new Or(b, c)), user));
        assertThat(matches(new And(a, b), user)).isEqualTo(matches(a, user) && matches(b, user));
        assertThat(matches(new Or(a, b), user)).isEqualTo(matches(a, user) || matches(b, user));
    }

    @Property(tries = 400)
    void neIsNotEq(@ForAll("users") JsonNode user, @ForAll("equalities") Comparison eq) {
        Comparison ne = new Comparison(eq.attribute(), CompareOp.NE, eq.value());
        assertThat(matches(ne, user)).isEqualTo(!matches(eq, user));
    }

    @Property(tries = 400)
    void caseOfValuesOfCaseInsensitiveAttributesDoesNotMatter(@ForAll("users") JsonNode user,
            @ForAll("filters") Filter f) {
        // Every string attribute these filters use is not case-exact.
        assertThat(matches(f.accept(new ValueRewriter(true)), user)).isEqualTo(matches(f, user));
    }

    @Property(tries = 400)
    void theOffsetADateTimeIsWrittenInDoesNotMatter(@ForAll("users") JsonNode user, @ForAll("filters") Filter f) {
        assertThat(matches(f.accept(new ValueRewriter(false)), user)).isEqualTo(matches(f, user));
    }

    @Provide
    Arbitrary<JsonNode> users() {
        Arbitrary<ObjectNode> email = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(TYPES),
                        Arbitraries.of(true, false).injectNull(0.5))
                .as((value, type, primary) -> {
                    ObjectNode e = JSON.createObjectNode().put("value", value + "@example.com").put("type", type);
                    if (primary != null) {
                        e.put("primary", primary);
                    }
                    return e;
                });
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(NAMES).injectNull(0.3),
                        Arbitraries.of(true, false).injectNull(0.3), email.list().ofMaxSize(3),
                        Arbitraries.of(NAMES).injectNull(0.4), Arbitraries.of(INSTANTS).injectNull(0.3),
                        Arbitraries.integers().between(-12, 12), Arbitraries.of(NAMES).injectNull(0.5))
                .as((userName, title, active, emails, givenName, modified, offsetHours, employeeNumber) -> {
                    ObjectNode user = JSON.createObjectNode().put("userName", userName);
                    if (title != null) {
                        user.put("title", title);
                    }
                    if (active != null) {
                        user.put("active", active);
                    }
                    if (!emails.isEmpty()) {
                        ArrayNode list = user.putArray("emails");
                        emails.forEach(list::add);
                    }
                    if (givenName != null) {
                        user.putObject("name").put("givenName", givenName);
                    }
                    if (modified != null) {
                        user.putObject("meta").put("lastModified",
                                modified.atOffset(ZoneOffset.ofHours(offsetHours)).toString());
                    }
                    if (employeeNumber != null) {
                        user.putObject(ENTERPRISE).put("employeeNumber", employeeNumber);
                    }
                    return user;
                });
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filters(2);
    }

    @Provide
    Arbitrary<Comparison> equalities() {
        return Combinators.combine(Arbitraries.of("userName", "title", "emails.type", "name.givenName",
                        ENTERPRISE + ":employeeNumber"), Arbitraries.of(NAMES))
                .as((path, value) -> new Comparison(path(path), CompareOp.EQ, FilterValue.of(value)));
    }

    private static Arbitrary<Filter> filters(int depth) {
        Arbitrary<Filter> strings = Combinators.combine(
                        Arbitraries.of("userName", "title", "emails.value", "emails.type", "name.givenName",
                                ENTERPRISE + ":employeeNumber"),
                        Arbitraries.of(CompareOp.class), Arbitraries.of(NAMES).map(v -> FilterValue.of(v)))
                .as((path, op, value) -> new Comparison(path(path), op, value));
        Arbitrary<Filter> dates = Combinators.combine(Arbitraries.of(CompareOp.EQ, CompareOp.NE, CompareOp.GT,
                        CompareOp.GE, CompareOp.LT, CompareOp.LE), Arbitraries.of(INSTANTS))
                .as((op, instant) -> new Comparison(path("meta.lastModified"), op, FilterValue.of(instant.toString())));
        Arbitrary<Filter> booleans = Combinators.combine(Arbitraries.of(CompareOp.EQ, CompareOp.NE),
                        Arbitraries.of(FilterValue.TRUE, FilterValue.FALSE, FilterValue.of("True"), FilterValue.NULL))
                .as((op, value) -> new Comparison(path("active"), op, value));
        Arbitrary<Filter> presence = Arbitraries.of("userName", "title", "emails", "name", "active",
                "meta.lastModified", ENTERPRISE + ":employeeNumber").map(p -> new Presence(path(p)));
        Arbitrary<Filter> inner = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("type", "value"), Arbitraries.of(CompareOp.EQ, CompareOp.SW),
                        Arbitraries.of(TYPES)).as((p, op, v) -> new Comparison(AttributePath.of(p), op, FilterValue.of(v))),
                Arbitraries.of(FilterValue.TRUE, FilterValue.FALSE)
                        .map(v -> new Comparison(AttributePath.of("primary"), CompareOp.EQ, v)));
        Arbitrary<Filter> valuePath = Combinators.combine(inner, inner, Arbitraries.of(true, false))
                .as((a, b, both) -> new ValuePath(path("emails"), both ? new And(a, b) : new Or(a, new Not(b))));
        Arbitrary<Filter> leaf = Arbitraries.oneOf(strings, dates, booleans, presence, valuePath);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filters(depth - 1));
        return Arbitraries.frequencyOf(Tuple.of(3, leaf),
                Tuple.of(1, Combinators.combine(sub, sub).as(And::new)),
                Tuple.of(1, Combinators.combine(sub, sub).as(Or::new)),
                Tuple.of(1, sub.map(Not::new)));
    }

    private static boolean matches(Filter filter, JsonNode user) {
        return ResolvedFilter.resolve(filter, REGISTRY, CoreSchemas.USER_TYPE).matches(user);
    }

    private static AttributePath path(String text) {
        int colon = text.lastIndexOf(':');
        String urn = colon < 0 ? null : text.substring(0, colon);
        String rest = text.substring(colon + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? new AttributePath(urn, rest, null)
                : new AttributePath(urn, rest.substring(0, dot), rest.substring(dot + 1));
    }

    /** Upper-cases string values, or rewrites dateTime values into another offset; the same instant either way. */
    private static final class ValueRewriter extends FilterRewriter {
        private final boolean upperCase;

        ValueRewriter(boolean upperCase) {
            this.upperCase = upperCase;
        }

        @Override
        public Filter visitComparison(Comparison comparison) {
            if (!(comparison.value() instanceof FilterValue.StringValue text)) {
                return comparison;
            }
            String value = text.value();
            if (upperCase) {
                value = value.toUpperCase(Locale.ROOT);
            } else if (comparison.attribute().name().equals("meta")) {
                value = Instant.parse(value).atOffset(ZoneOffset.ofHoursMinutes(5, 30)).toString();
            }
            return new Comparison(comparison.attribute(), comparison.operator(), FilterValue.of(value));
        }
    }
}
