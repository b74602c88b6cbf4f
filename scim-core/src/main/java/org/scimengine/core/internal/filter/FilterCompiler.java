package org.scimengine.core.internal.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.internal.value.DateTimes;
import org.scimengine.core.schema.Attribute;
import org.scimengine.filter.And;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterValue;
import org.scimengine.filter.FilterVisitor;
import org.scimengine.filter.Not;
import org.scimengine.filter.Or;
import org.scimengine.filter.Presence;
import org.scimengine.filter.ValuePath;

/**
 * Compiles a resolved filter into a predicate over a resource's JSON (attributes in their schema's spelling,
 * extension attributes under their schema's URN). The semantics, which every store must reproduce:
 * <ul>
 *   <li>strings compare case-sensitively where the attribute is {@code caseExact}, else through
 *       {@code toLowerCase(Locale.ROOT)}; ordering compares code points (PostgreSQL's "C" collation);</li>
 *   <li>dateTimes compare as instants, numbers numerically, booleans as booleans;</li>
 *   <li>a multi-valued attribute matches if any of its values matches; a value filter matches if one element
 *       satisfies all of it;</li>
 *   <li>{@code pr} means a value that is not null, not an empty string, array or object;</li>
 *   <li>{@code ne} is {@code not (eq)}: true where the attribute has no value; {@code eq null} means no value,
 *       {@code ne null} a value;</li>
 *   <li>a stored value of the wrong JSON type never matches a comparison.</li>
 * </ul>
 */
public final class FilterCompiler implements FilterVisitor<Predicate<JsonNode>> {

    /** Finds the definitions of the filter's paths. */
    public interface Definitions {
        ResolvedAttribute top(AttributePath path);

        ResolvedAttribute within(ValuePath valuePath, AttributePath inner);
    }

    private final Definitions definitions;
    private final String coreSchema;
    /** Inside a value filter: the value path; its predicates then apply to one element. */
    private final @Nullable ValuePath within;

    private FilterCompiler(Definitions definitions, String coreSchema, @Nullable ValuePath within) {
        this.definitions = definitions;
        this.coreSchema = coreSchema;
        this.within = within;
    }

    public static Predicate<JsonNode> compile(Filter filter, Definitions definitions,
            String coreSchema) {
        return filter.accept(new FilterCompiler(definitions, coreSchema, null));
    }

    @Override
    public Predicate<JsonNode> visitComparison(Comparison comparison) {
        ResolvedAttribute resolved = resolve(comparison.attribute());
        Function<JsonNode, Iterable<JsonNode>> values = extractor(resolved);
        FilterValue value = comparison.value();
        CompareOp op = comparison.operator();
        if (value instanceof FilterValue.NullValue) {
            Predicate<JsonNode> present = node -> anyPresent(values.apply(node));
            return op == CompareOp.EQ ? present.negate() : present;
        }
        Predicate<JsonNode> test = scalarTest(resolved.leaf(), op == CompareOp.NE ? CompareOp.EQ : op, value);
        Predicate<JsonNode> any = node -> {
            for (JsonNode v : values.apply(node)) {
                if (test.test(v)) {
                    return true;
                }
            }
            return false;
        };
        return op == CompareOp.NE ? any.negate() : any;
    }

    @Override
    public Predicate<JsonNode> visitPresence(Presence presence) {
        Function<JsonNode, Iterable<JsonNode>> values = extractor(resolve(presence.attribute()));
        return node -> anyPresent(values.apply(node));
    }

    @Override
    public Predicate<JsonNode> visitAnd(And and) {
        Predicate<JsonNode> left = and.left().accept(this);
        Predicate<JsonNode> right = and.right().accept(this);
        return node -> left.test(node) && right.test(node);
    }

    @Override
    public Predicate<JsonNode> visitOr(Or or) {
        Predicate<JsonNode> left = or.left().accept(this);
        Predicate<JsonNode> right = or.right().accept(this);
        return node -> left.test(node) || right.test(node);
    }

    @Override
    public Predicate<JsonNode> visitNot(Not not) {
        return not.operand().accept(this).negate();
    }

    @Override
    public Predicate<JsonNode> visitValuePath(ValuePath valuePath) {
        Function<JsonNode, Iterable<JsonNode>> elements = extractor(definitions.top(valuePath.attribute()));
        Predicate<JsonNode> element = valuePath.filter().accept(new FilterCompiler(definitions, coreSchema, valuePath));
        return node -> {
            for (JsonNode e : elements.apply(node)) {
                if (e.isObject() && element.test(e)) {
                    return true;
                }
            }
            return false;
        };
    }

    private ResolvedAttribute resolve(AttributePath path) {
        return within == null ? definitions.top(path) : definitions.within(within, path);
    }

    /** The values a path reaches from the node the predicate sees: the resource, or one element of a value path. */
    private Function<JsonNode, Iterable<JsonNode>> extractor(ResolvedAttribute resolved) {
        Attribute sub = resolved.subAttribute();
        if (within != null) {
            String name = resolved.leaf().name();
            return element -> flatten(element.get(name));
        }
        String schema = resolved.schemaUrn();
        boolean nested = schema != null && !schema.equals(coreSchema);
        String name = resolved.attribute().name();
        if (sub == null) {
            return resource -> flatten(container(resource, nested, schema).get(name));
        }
        String subName = sub.name();
        return resource -> {
            List<JsonNode> out = new ArrayList<>(2);
            for (JsonNode parent : flatten(container(resource, nested, schema).get(name))) {
                for (JsonNode v : flatten(parent.get(subName))) {
                    out.add(v);
                }
            }
            return out;
        };
    }

    private static JsonNode container(JsonNode resource, boolean nested, @Nullable String schema) {
        if (!nested) {
            return resource;
        }
        JsonNode extension = resource.get(schema);
        return extension == null ? MissingNode.getInstance() : extension;
    }

    /** A value as the list of its values: an array's elements, a single value, or nothing. */
    private static Iterable<JsonNode> flatten(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return List.of();
        }
        return value.isArray() ? value : List.of(value);
    }

    private static boolean anyPresent(Iterable<JsonNode> values) {
        for (JsonNode v : values) {
            if (isPresent(v)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 7644 §3.4.2.2: "pr" is a non-empty value; a complex value is present when one of its members is. */
    public static boolean isPresent(JsonNode v) {
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        if (v.isObject()) {
            for (Iterator<JsonNode> members = v.elements(); members.hasNext(); ) {
                JsonNode member = members.next();
                if (member.isArray() ? anyPresent(member) : isPresent(member)) {
                    return true;
                }
            }
            return false;
        }
        if (v.isArray()) {
            return anyPresent(v);
        }
        return !v.isNull() && !v.isMissingNode();
    }

    /** A test of one stored value against the filter's value, for a resolved (type-checked) comparison. */
    private static Predicate<JsonNode> scalarTest(Attribute leaf, CompareOp op, FilterValue value) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> stringTest(leaf.caseExact(), op, ((FilterValue.StringValue) value).value());
            case BOOLEAN -> {
                boolean expected = ((FilterValue.BooleanValue) value).value();
                yield v -> v.isBoolean() && v.booleanValue() == expected;
            }
            case INTEGER, DECIMAL -> {
                BigDecimal expected = ((FilterValue.NumberValue) value).value();
                yield v -> v.isNumber() && ordered(op, v.decimalValue().compareTo(expected));
            }
            case DATE_TIME -> {
                Instant expected = DateTimes.parse(((FilterValue.StringValue) value).value()).orElseThrow();
                yield v -> {
                    if (!v.isTextual()) {
                        return false;
                    }
                    Optional<Instant> stored = DateTimes.parse(v.textValue());
                    return stored.isPresent() && ordered(op, stored.get().compareTo(expected));
                };
            }
            case COMPLEX -> throw new IllegalStateException("a resolved comparison never targets a complex value");
        };
    }

    private static Predicate<JsonNode> stringTest(boolean caseExact, CompareOp op, String expected) {
        String target = caseExact ? expected : fold(expected);
        return v -> {
            if (!v.isTextual()) {
                return false;
            }
            String actual = caseExact ? v.textValue() : fold(v.textValue());
            return switch (op) {
                case EQ -> actual.equals(target);
                case CO -> actual.contains(target);
                case SW -> actual.startsWith(target);
                case EW -> actual.endsWith(target);
                default -> ordered(op, compareCodePoints(actual, target));
            };
        };
    }

    /** The case-insensitive form; stores keep the same form of case-insensitive values to index them. */
    public static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Code-point order, as PostgreSQL's "C" collation orders UTF-8 (UTF-16 order differs above U+FFFF). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean ordered(CompareOp op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalStateException("not an ordering: " + op);
        };
    }
}
