package org.scimengine.store.jdbc.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jspecify.annotations.Nullable;

/**
 * The SQL text of search statements, kept by their shape, so that a search of a shape seen before is not rendered
 * by jOOQ again: rendering the statement of a lookup, and collecting its bind values, took about 60 µs, more
 * than SQLite took to run it.
 *
 * <p>The caller names a statement's shape, which must determine its text, and makes every bind value through
 * {@link Parameters}. The first statement of a shape is rendered and its bind values are matched, by identity,
 * to the values the caller made; later statements of the shape get the text and their own values in that order.
 * A statement with a bind value the caller did not make (a constant jOOQ bound for it) is never kept, so a value
 * missed there costs only speed. Thread-safe; the least recently used shape goes first when the cache is full.
 */
public final class SearchStatements {

    /** A kept statement: its text, and which of the values made goes to each bind marker. */
    private record Kept(String sql, int[] order, int made) {
    }

    /** The mark of a shape whose statements are rendered every time. */
    private static final Kept RENDERED = new Kept("", new int[0], -1);

    private final Map<String, Kept> byShape;

    /** @param capacity how many shapes are kept */
    public SearchStatements(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byShape = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The query to run for {@code query}, whose bind values were all made through {@code parameters}: its kept
     * text with this query's values when its shape is kept, else {@code query} itself (kept for next time when
     * it can be).
     *
     * @param fields the fields {@code query} selects (which jOOQ would find only by rendering it)
     */
    ResultQuery<? extends Record> statement(DSLContext sql, String shape, ResultQuery<? extends Record> query,
            Field<?>[] fields, Parameters parameters) {
        Kept kept;
        synchronized (byShape) {
            kept = byShape.get(shape);
        }
        List<Param<?>> made = parameters.made();
        if (kept == RENDERED) {
            return query;
        }
        if (kept != null && kept.made() == made.size()) {
            Object[] values = new Object[kept.order().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = made.get(kept.order()[i]);
            }
            return sql.resultQuery(kept.sql(), values).coerce(fields);
        }
        Kept learned = learn(sql, query, made);
        synchronized (byShape) {
            byShape.put(shape, learned == null ? RENDERED : learned);
        }
        return query;
    }

    /** How many shapes are kept, rendered ones included. */
    int size() {
        synchronized (byShape) {
            return byShape.size();
        }
    }

    /**
     * The text of the query and the order of its values, or null if a value the caller did not make is bound,
     * or if the text with the values as plain SQL bind differently from the query.
     */
    private static @Nullable Kept learn(DSLContext sql, Query query, List<Param<?>> made) {
        Map<Param<?>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < made.size(); i++) {
            index.put(made.get(i), i);
        }
        List<Integer> order = new ArrayList<>();
        List<Object> ordered = new ArrayList<>();
        // jOOQ names the unnamed values by their bind index, in the order of the text.
        for (Param<?> param : query.getParams().values()) {
            if (param.isInline()) {
                continue;
            }
            Integer at = index.get(param);
            if (at == null) {
                return null;
            }
            order.add(at);
            ordered.add(param);
        }
        String text = query.getSQL();
        Query plain = sql.resultQuery(text, ordered.toArray());
        if (!plain.getSQL().equals(text) || !Objects.equals(plain.getBindValues(), query.getBindValues())) {
            return null;
        }
        return new Kept(text, order.stream().mapToInt(Integer::intValue).toArray(), made.size());
    }
}
