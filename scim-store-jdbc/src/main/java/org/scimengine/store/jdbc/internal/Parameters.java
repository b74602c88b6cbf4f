package org.scimengine.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * The bind values of one statement, recorded in the order they are made, so that a statement kept by its shape
 * ({@link SearchStatements}) can be bound again without jOOQ rendering it. A statement that may be kept binds
 * every value through here and writes its constants inline; a value bound any other way makes its statement one
 * that is rendered every time.
 */
final class Parameters {

    private final List<Param<?>> made = new ArrayList<>();

    /** A bind value of the value's own type. */
    <T> Param<T> of(T value) {
        Param<T> param = DSL.val(value);
        made.add(param);
        return param;
    }

    /** A bind value of the type of {@code like}. */
    <T> Param<T> of(Object value, Field<T> like) {
        Param<T> param = DSL.val(value, like);
        made.add(param);
        return param;
    }

    /** Every value made so far, in the order made. */
    List<Param<?>> made() {
        return made;
    }
}
