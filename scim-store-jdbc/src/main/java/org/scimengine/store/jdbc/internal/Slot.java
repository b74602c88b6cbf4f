package org.scimengine.store.jdbc.internal;

import java.math.BigDecimal;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * Where one value of an attribute sits in a row, by the JSON type it has: the columns a comparison of that
 * type reads. A column is null in a row whose value has another type, so a comparison of the wrong type never
 * holds, as in the in-memory evaluator.
 *
 * @param fold the string in its folded form, compared for attributes that are not caseExact
 * @param exact the string as stored, compared for caseExact attributes
 * @param number the number
 * @param bool the boolean as 0 or 1
 * @param dateTime the string's instant, as {@link Instants} encodes it, where the string is a dateTime
 * @param present whether {@code pr} holds for the value
 * @param foldKey the indexed prefix of {@code fold} ({@link Tables.Values#foldKey}), or null where nothing is
 *     indexed: a condition on it lets the database find the rows by index before it compares whole strings
 */
record Slot(Field<String> fold, Field<String> exact, Field<BigDecimal> number, Field<Integer> bool,
        Field<String> dateTime, Condition present, @Nullable Field<String> foldKey) {

    private static final Field<String> NO_STRING = DSL.inline(null, SQLDataType.VARCHAR);
    private static final Field<BigDecimal> NO_NUMBER = DSL.inline(null, SQLDataType.NUMERIC);
    private static final Field<Integer> NO_INTEGER = DSL.inline(null, SQLDataType.INTEGER);

    /** A row of {@code scim_value}, whose lookup key is bounded on PostgreSQL ({@link Tables.Values#foldKey}). */
    static Slot of(Tables.Values v, boolean boundedKey) {
        return new Slot(v.sFold, v.exact(), v.num, v.bool, v.dt, v.present.eq(DSL.inline(1)), v.foldKey(boundedKey));
    }

    /**
     * A string held in two columns, one folded and one as it is; present when not null and not empty.
     */
    static Slot string(Field<String> fold, Field<String> exact) {
        return new Slot(fold, exact, NO_NUMBER, NO_INTEGER, NO_STRING,
                exact.isNotNull().and(exact.ne(DSL.inline(""))), null);
    }

    /** A dateTime column that is never null. */
    static Slot dateTime(Field<String> dateTime) {
        return new Slot(NO_STRING, NO_STRING, NO_NUMBER, NO_INTEGER, dateTime, DSL.trueCondition(), null);
    }

    /** A complex value that is always there (a resource's {@code meta}) and that comparisons never reach. */
    static Slot alwaysPresent() {
        return new Slot(NO_STRING, NO_STRING, NO_NUMBER, NO_INTEGER, NO_STRING, DSL.trueCondition(), null);
    }

    /** A value no resource has: {@code meta.location}, which depends on the request. */
    static Slot absent() {
        return new Slot(NO_STRING, NO_STRING, NO_NUMBER, NO_INTEGER, NO_STRING, DSL.falseCondition(), null);
    }
}
