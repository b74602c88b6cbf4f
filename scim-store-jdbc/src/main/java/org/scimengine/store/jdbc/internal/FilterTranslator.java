package org.scimengine.store.jdbc.internal;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.StoredValues;
import org.scimengine.filter.And;
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
 * Translates a resolved filter into a condition on {@code scim_resource}, with exactly the semantics of the
 * in-memory evaluator ({@link ResolvedFilter#matches}); user input reaches the SQL only as bind values.
 *
 * <p>Every comparison becomes "some value of the attribute passes the test": a semi-join on the attribute's
 * rows in {@code scim_value} (served by the index on attribute and folded string), on {@code scim_member} for a
 * group's {@code members}, on the nesting closure for a resource's {@code groups}, or a test of a column for
 * {@code id} and {@code meta}. {@code ne} and {@code not} negate such a condition, so they hold where the
 * attribute has no value, as in memory. Every test is two-valued (a missing column is false, never SQL's
 * unknown), so negation never meets a null. Inside a value filter the tests apply to one element: its rows are
 * those with the element's number.
 */
final class FilterTranslator {

    private final ResolvedFilter filter;
    private final Field<String> tenant;
    private final Parameters parameters;
    /** What the SQL text depends on besides its bind values, written as the translation goes. */
    private final StringBuilder shape = new StringBuilder();
    private final Tables.Resources r;
    private final String coreSchema;
    private final String resourceType;
    private final boolean boundedKey;
    private int aliases;

    private FilterTranslator(ResolvedFilter filter, Field<String> tenant, Parameters parameters, Tables.Resources r,
            boolean boundedKey) {
        this.filter = filter;
        this.tenant = tenant;
        this.parameters = parameters;
        this.r = r;
        this.boundedKey = boundedKey;
        this.coreSchema = filter.resourceType().schema();
        this.resourceType = filter.resourceType().name();
    }

    /**
     * The condition and its shape: filters of one shape translate to the same SQL text, with other bind values.
     * The shape names every attribute the filter compares (its schema, name, sub-attribute, type and
     * caseExact), every operator, and of each value its kind and what of it the text depends on.
     */
    record Translation(Condition condition, String shape) {
    }

    /**
     * The condition on the resources table {@code r} under which a resource of the filter's type matches, with
     * every value bound through {@code parameters}.
     *
     * @param tenant the tenant, bound through {@code parameters}
     * @param boundedKey whether the lookup index holds only a prefix of folded strings (PostgreSQL)
     */
    static Translation translate(ResolvedFilter filter, Field<String> tenant, Parameters parameters,
            Tables.Resources r, boolean boundedKey) {
        FilterTranslator translator = new FilterTranslator(filter, tenant, parameters, r, boundedKey);
        Condition condition = filter.filter().accept(translator.new Visitor(null));
        return new Translation(condition, translator.shape.toString());
    }

    private <T> Field<T> val(T value) {
        return parameters.of(value);
    }

    private <T> Field<T> val(Object value, Field<T> like) {
        return parameters.of(value, like);
    }

    /** An attribute in a statement's shape: all of what its resolution decides about the SQL. */
    static String shapeOf(ResolvedAttribute resolved) {
        Attribute leaf = resolved.leaf();
        Attribute sub = resolved.subAttribute();
        return resolved.schemaUrn() + "|" + resolved.attribute().name() + "|" + (sub == null ? "" : sub.name()) + "|"
                + leaf.type() + "|" + leaf.caseExact() + "|" + leaf.multiValued();
    }

    // ---- where an attribute's values are ------------------------------------------------------------------------

    /** The values of one attribute path, as a place a test can run on. */
    private interface Operand {
        /** Whether some value of the attribute passes the test. */
        Condition any(Function<Slot, Condition> test);
    }

    /** The scope of a value filter's conditions: one element of the filtered attribute. */
    private interface Element {
        Operand sub(String name);
    }

    private Slot slot(Tables.Values v) {
        return Slot.of(v, boundedKey);
    }

    private String alias(String prefix) {
        return prefix + (aliases++);
    }

    /** The operand of a top-level path. */
    private Operand top(ResolvedAttribute resolved) {
        String name = resolved.attribute().name();
        Attribute sub = resolved.subAttribute();
        String subName = sub == null ? "" : sub.name();
        String schema = resolved.schemaUrn();
        if (schema == null) {
            if (name.equals("id")) {
                return test -> test.apply(Slot.string(r.id, r.id));
            }
            if (name.equals("meta")) {
                Slot slot = sub == null ? Slot.alwaysPresent() : metaSlot(subName);
                return test -> test.apply(slot);
            }
            return valueRows(name, subName);
        }
        if (!schema.equals(coreSchema)) {
            return valueRows(schema + ":" + name, subName);
        }
        if (name.equals("members")) {
            return test -> {
                Tables.Members m = Tables.Members.as(alias("m"));
                return r.pk.in(select(m.groupPk).from(m.table)
                        .where(m.tenant.eq(tenant)).and(test.apply(memberSlot(m, sub == null ? null : subName))));
            };
        }
        if (name.equals("groups")) {
            return test -> {
                Groups g = new Groups(alias("g"), tenant);
                return r.pk.in(select(g.memberPk).from(g.table)
                        .where(test.apply(g.slot(sub == null ? null : subName))));
            };
        }
        return valueRows(name, subName);
    }

    private Operand valueRows(String attr, String sub) {
        return test -> {
            Tables.Values v = Tables.Values.as(alias("v"));
            return r.pk.in(select(v.res).from(v.table)
                    .where(v.tenant.eq(tenant)).and(v.attr.eq(val(attr))).and(v.sub.eq(val(sub)))
                    .and(test.apply(slot(v))));
        };
    }

    private Slot metaSlot(String sub) {
        return switch (sub) {
            case "resourceType" -> Slot.string(inline(StoredValues.fold(resourceType)), inline(resourceType));
            case "created" -> Slot.dateTime(r.created);
            case "lastModified" -> Slot.dateTime(r.lastModified);
            case "version" -> Slot.string(etag(r.version, "w/\""), etag(r.version, "W/\""));
            default -> Slot.absent();
        };
    }

    /** {@link StoredResource#etag} in SQL: {@code W/"3"}, or its folded form. */
    private static Field<String> etag(Field<Long> version, String prefix) {
        return DSL.concat(inline(prefix), version.cast(String.class), inline("\""));
    }

    private static Slot memberSlot(Tables.Members m, @Nullable String sub) {
        if (sub == null) {
            return Slot.alwaysPresent();
        }
        return switch (sub) {
            case "value" -> Slot.string(m.memberId, m.memberId);
            case "type" -> Slot.string(m.typeFold, m.memberType);
            case "display" -> Slot.string(m.displayFold, m.display);
            default -> Slot.absent();
        };
    }

    // ---- the visitor --------------------------------------------------------------------------------------------

    private final class Visitor implements FilterVisitor<Condition> {
        private final @Nullable Element within;
        private final @Nullable ValuePath valuePath;

        Visitor(@Nullable ValuePath valuePath) {
            this(valuePath, null);
        }

        Visitor(@Nullable ValuePath valuePath, @Nullable Element within) {
            this.valuePath = valuePath;
            this.within = within;
        }

        private ResolvedAttribute resolve(org.scimengine.filter.AttributePath path) {
            return valuePath == null ? filter.attribute(path) : filter.attribute(valuePath, path);
        }

        private Operand operand(ResolvedAttribute resolved) {
            return within == null ? top(resolved) : within.sub(resolved.leaf().name());
        }

        @Override
        public Condition visitComparison(Comparison comparison) {
            ResolvedAttribute resolved = resolve(comparison.attribute());
            FilterValue value = comparison.value();
            CompareOp op = comparison.operator();
            shape.append("c(");
            shape.append(shapeOf(resolved));
            shape.append(' ').append(op).append(' ').append(valueShape(resolved.leaf(), value)).append(')');
            Operand operand = operand(resolved);
            if (value instanceof FilterValue.NullValue) {
                Condition present = operand.any(Slot::present);
                return op == CompareOp.EQ ? present.not() : present;
            }
            Attribute leaf = resolved.leaf();
            Condition any = operand.any(slot -> test(leaf, op == CompareOp.NE ? CompareOp.EQ : op, value, slot));
            return op == CompareOp.NE ? any.not() : any;
        }

        @Override
        public Condition visitPresence(Presence presence) {
            ResolvedAttribute resolved = resolve(presence.attribute());
            shape.append("p(");
            shape.append(shapeOf(resolved));
            shape.append(')');
            return operand(resolved).any(Slot::present);
        }

        @Override
        public Condition visitAnd(And and) {
            return both("and", and.left(), and.right(), Condition::and);
        }

        @Override
        public Condition visitOr(Or or) {
            return both("or", or.left(), or.right(), Condition::or);
        }

        private Condition both(String name, Filter left, Filter right, BinaryOperator<Condition> join) {
            shape.append(name).append('(');
            Condition first = left.accept(this);
            shape.append(',');
            Condition second = right.accept(this);
            shape.append(')');
            return join.apply(first, second);
        }

        @Override
        public Condition visitNot(Not not) {
            shape.append("not(");
            Condition operand = not.operand().accept(this);
            shape.append(')');
            return operand.not();
        }

        @Override
        public Condition visitValuePath(ValuePath path) {
            if (within != null) {
                throw new IllegalArgumentException("a value filter cannot hold another: " + path);
            }
            ResolvedAttribute resolved = filter.attribute(path.attribute());
            String name = resolved.attribute().name();
            String schema = resolved.schemaUrn();
            Filter inner = path.filter();
            shape.append("v(");
            shape.append(shapeOf(resolved));
            shape.append(')');
            if (schema == null && name.equals("meta")) {
                return inner.accept(new Visitor(path, sub -> test -> test.apply(metaSlot(sub))));
            }
            if (schema != null && schema.equals(coreSchema) && name.equals("members")) {
                Tables.Members m = Tables.Members.as(alias("m"));
                return r.pk.in(select(m.groupPk).from(m.table).where(m.tenant.eq(tenant))
                        .and(inner.accept(new Visitor(path, sub -> test -> test.apply(memberSlot(m, sub))))));
            }
            if (schema != null && schema.equals(coreSchema) && name.equals("groups")) {
                Groups g = new Groups(alias("g"), tenant);
                return r.pk.in(select(g.memberPk).from(g.table)
                        .where(inner.accept(new Visitor(path, sub -> test -> test.apply(g.slot(sub))))));
            }
            String attr = schema == null || schema.equals(coreSchema) ? name : schema + ":" + name;
            Comparison driver = driver(inner);
            if (driver != null && isString(filter.attribute(path, driver.attribute()).leaf())) {
                return drivenValuePath(path, attr, driver);
            }
            Tables.Values e = Tables.Values.as(alias("e"));
            return r.pk.in(select(e.res).from(e.table)
                    .where(e.tenant.eq(tenant)).and(e.attr.eq(val(attr))).and(e.sub.eq(inline("")))
                    .and(e.kind.eq(inline(ValueRows.OBJECT)))
                    .and(inner.accept(new Visitor(path, element(e.res, e.elem, attr)))));
        }

        /**
         * A value filter found from the rows of one of its equalities, through the index, rather than by
         * visiting every element of the attribute: {@code emails[type eq "work" and value eq "x"]} reads the
         * rows of {@code emails.value} equal to "x" and checks the rest on their elements. The element must
         * still be an object, and the whole filter still holds on it, so the answer is the same.
         */
        private Condition drivenValuePath(ValuePath path, String attr, Comparison driver) {
            Tables.Values d = Tables.Values.as(alias("d"));
            Tables.Values e = Tables.Values.as(alias("e"));
            ResolvedAttribute resolved = filter.attribute(path, driver.attribute());
            Condition test = test(resolved.leaf(), CompareOp.EQ, driver.value(), slot(d));
            return r.pk.in(select(d.res).from(d.table)
                    .where(d.tenant.eq(tenant)).and(d.attr.eq(val(attr))).and(d.sub.eq(val(resolved.leaf().name())))
                    .and(test)
                    .and(exists(selectOne().from(e.table).where(e.res.eq(d.res)).and(e.attr.eq(val(attr)))
                            .and(e.elem.eq(d.elem)).and(e.sub.eq(inline(""))).and(e.kind.eq(inline(ValueRows.OBJECT)))))
                    .and(path.filter().accept(new Visitor(path, element(d.res, d.elem, attr)))));
        }
    }

    /**
     * What the SQL text depends on in a comparison's value: its kind and, for a string, whether it is empty, longer
     * than the lookup key and without a successor ({@link #stringTest} branches on these, nothing else).
     */
    private static String valueShape(Attribute leaf, FilterValue value) {
        if (!(value instanceof FilterValue.StringValue string)) {
            return value.getClass().getSimpleName();
        }
        String target = leaf.caseExact() ? string.value() : StoredValues.fold(string.value());
        return "string" + (target.isEmpty() ? " empty" : "")
                + (target.codePointCount(0, target.length()) > Tables.Values.KEY_LENGTH ? " long" : "")
                + (!target.isEmpty() && successor(target) == null ? " last" : "");
    }

    private static boolean isString(Attribute leaf) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> true;
            default -> false;
        };
    }

    /** The element of a value filter at ({@code res}, {@code elem}) of an attribute: its sub-attributes' rows. */
    private Element element(Field<Long> res, Field<Integer> elem, String attr) {
        return sub -> test -> {
            Tables.Values v = Tables.Values.as(alias("v"));
            return exists(selectOne().from(v.table).where(v.res.eq(res)).and(v.attr.eq(val(attr)))
                    .and(v.elem.eq(elem)).and(v.sub.eq(val(sub))).and(test.apply(slot(v))));
        };
    }

    /**
     * The equality to find a value filter's elements by: one that must hold on the element, so a term of the
     * filter's top-level conjunction, comparing a string with {@code eq}. The one on {@code value} if there is
     * one (the sub-attribute that holds what a multi-valued attribute is about, and the one Entra ID's
     * {@code emails[type eq "work"].value eq "x"} compares), else the last.
     */
    private static @Nullable Comparison driver(Filter inner) {
        Comparison chosen = null;
        for (Filter term : conjuncts(inner)) {
            if (term instanceof Comparison comparison && comparison.operator() == CompareOp.EQ
                    && comparison.value() instanceof FilterValue.StringValue) {
                if (chosen == null || !chosen.attribute().name().equalsIgnoreCase("value")) {
                    chosen = comparison;
                }
            }
        }
        return chosen;
    }

    private static List<Filter> conjuncts(Filter filter) {
        List<Filter> terms = new ArrayList<>();
        ArrayDeque<Filter> pending = new ArrayDeque<>();
        pending.push(filter);
        while (!pending.isEmpty()) {
            Filter next = pending.pop();
            if (next instanceof And and) {
                pending.push(and.right());
                pending.push(and.left());
            } else {
                terms.add(next);
            }
        }
        return terms;
    }

    // ---- comparisons ------------------------------------------------------------------------------------------

    /** Whether one value passes a comparison of the attribute's type; false where the slot has no such value. */
    private Condition test(Attribute leaf, CompareOp op, FilterValue value, Slot slot) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> stringTest(leaf.caseExact(), op,
                    ((FilterValue.StringValue) value).value(), slot);
            case BOOLEAN -> slot.bool().isNotNull()
                    .and(slot.bool().eq(val(((FilterValue.BooleanValue) value).value() ? 1 : 0)));
            case INTEGER, DECIMAL -> ordered(slot.number(), op, ((FilterValue.NumberValue) value).value());
            case DATE_TIME -> {
                Instant instant = StoredValues.dateTime(((FilterValue.StringValue) value).value()).orElseThrow();
                yield ordered(slot.dateTime(), op, Instants.encode(instant));
            }
            case COMPLEX -> throw new IllegalStateException("a resolved comparison never targets a complex value");
        };
    }

    private Condition stringTest(boolean caseExact, CompareOp op, String expected, Slot slot) {
        Field<String> field = caseExact ? slot.exact() : slot.fold();
        String target = caseExact ? expected : StoredValues.fold(expected);
        Condition isString = field.isNotNull();
        Field<String> key = slot.foldKey();
        switch (op) {
            case EQ:
                if (key != null) {
                    // Equal strings have equal folded forms, so the index finds the candidates for both cases.
                    // BETWEEN rather than = on the folded column: SQLite would substitute the constant of
                    // "s_fold = ?" into the indexed expression and then no longer see the index.
                    Condition whole = caseExact ? field.eq(val(target)) : field.between(val(target), val(target));
                    return key.eq(val(keyOf(StoredValues.fold(expected), key, slot))).and(whole);
                }
                return isString.and(field.eq(val(target)));
            case CO:
                return target.isEmpty() ? isString : isString.and(DSL.position(field, val(target)).gt(0));
            case SW: {
                if (target.isEmpty()) {
                    return isString;
                }
                if (key != null && !caseExact && keyOf(target, key, slot).equals(target)) {
                    // A prefix within the indexed length is a prefix of the indexed part.
                    return range(key, target);
                }
                Condition within = range(field, target);
                return key != null && !caseExact ? key.eq(val(keyOf(target, key, slot))).and(within)
                        : isString.and(within);
            }
            case EW: {
                if (target.isEmpty()) {
                    return isString;
                }
                int length = target.codePointCount(0, target.length());
                // A suffix of the wrong length never equals the target, whatever substr makes of the start.
                return isString.and(DSL.substring(field, DSL.length(field).minus(val(length - 1))).eq(val(target)));
            }
            default:
                return ordered(field, op, target);
        }
    }

    /** The strings that start with {@code prefix}: {@code [prefix, successor(prefix))}; false for null. */
    private Condition range(Field<String> field, String prefix) {
        Condition from = field.isNotNull().and(field.ge(val(prefix)));
        String successor = successor(prefix);
        return successor == null ? from : from.and(field.lt(val(successor)));
    }

    /**
     * The part of a folded string the lookup index holds: all of it where the key is the folded column itself,
     * else its first {@link Tables.Values#KEY_LENGTH} characters.
     */
    private static String keyOf(String folded, Field<String> key, Slot slot) {
        if (key == slot.fold()) {
            return folded;
        }
        int count = folded.codePointCount(0, folded.length());
        return count <= Tables.Values.KEY_LENGTH ? folded
                : folded.substring(0, folded.offsetByCodePoints(0, Tables.Values.KEY_LENGTH));
    }

    private <T> Condition ordered(Field<T> field, CompareOp op, T value) {
        Field<T> bound = val(value, field);
        Condition comparison = switch (op) {
            case EQ -> field.eq(bound);
            case GT -> field.gt(bound);
            case GE -> field.ge(bound);
            case LT -> field.lt(bound);
            case LE -> field.le(bound);
            default -> throw new IllegalStateException("not an ordering: " + op);
        };
        return field.isNotNull().and(comparison);
    }

    /**
     * The least string greater than every string that starts with {@code prefix}, in code-point order, or null if
     * there is none (a prefix of U+10FFFF only): {@code [prefix, successor)} is exactly the strings with that prefix.
     */
    static @Nullable String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < Character.MAX_CODE_POINT) {
                int next = codePoints[i] + 1;
                if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                    next = Character.MAX_SURROGATE + 1;
                }
                return new String(codePoints, 0, i) + new String(Character.toChars(next));
            }
        }
        return null;
    }
}
