package org.scimengine.store.jdbc.internal;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.spi.StoredValues;

/**
 * The sort key of {@link ResolvedSort} as a SQL expression on a resource row: the value
 * {@link StoredValues#sortElement} picks (marked {@code chosen} in {@code scim_value}), in the column of the
 * attribute's type, so a value of another type sorts as missing, as in memory. Missing values go last ascending
 * and first descending, and {@code id} breaks ties, which the caller adds.
 */
final class Ordering {

    /** The SQL type of a key, for reading and writing it in a cursor. */
    enum KeyType { STRING, NUMBER, INTEGER }

    /** A sort key expression and its type. */
    record Key(Field<?> field, KeyType type) {
    }

    private Ordering() {
    }

    /** The key of the sort on rows of {@code r}, or null when the sort is by id alone. */
    static @Nullable Key of(ResolvedSort sort, Tables.Resources r, String coreSchema) {
        ResolvedAttribute resolved = sort.attribute();
        if (resolved == null) {
            return null;
        }
        Attribute leaf = resolved.leaf();
        String name = resolved.attribute().name();
        Attribute sub = resolved.subAttribute();
        String subName = sub == null ? "" : sub.name();
        String schema = resolved.schemaUrn();
        if (schema == null && name.equals("id")) {
            return new Key(r.id, KeyType.STRING);
        }
        if (schema == null && name.equals("meta")) {
            return switch (subName) {
                case "created" -> new Key(r.created, KeyType.STRING);
                case "lastModified" -> new Key(r.lastModified, KeyType.STRING);
                // The version's entity tag orders as its number does only below 10; W/"10" < W/"9" as text.
                case "version" -> new Key(DSL.concat(inline("W/\""), r.version.cast(String.class), inline("\"")),
                        KeyType.STRING);
                case "resourceType" -> null;
                default -> new Key(inline(null, String.class), KeyType.STRING);
            };
        }
        boolean core = schema != null && schema.equals(coreSchema);
        if (core && name.equals("members")) {
            Tables.Members m = Tables.Members.as("sort_m");
            Field<?> column = switch (subName) {
                case "value" -> m.memberId;
                case "type" -> leaf.caseExact() ? m.memberType : m.typeFold;
                case "display" -> leaf.caseExact() ? m.display : m.displayFold;
                default -> inline(null, String.class);
            };
            return new Key(select(column).from(m.table).where(m.groupPk.eq(r.pk)).orderBy(m.seq).limit(1).asField(),
                    KeyType.STRING);
        }
        if (core && name.equals("groups")) {
            // The first group the resource joined, as the in-memory store lists a resource's groups.
            Tables.Members m = Tables.Members.as("sort_m");
            Tables.Resources group = Tables.Resources.as("sort_g");
            Tables.Values display = Tables.Values.as("sort_d");
            Field<?> column = switch (subName) {
                case "value" -> group.id;
                case "display" -> leaf.caseExact() ? display.exact() : display.sFold;
                case "type" -> inline("direct");
                default -> inline(null, String.class);
            };
            return new Key(select(column).from(m.table).join(group.table).on(group.pk.eq(m.groupPk))
                    .leftJoin(display.table).on(display.res.eq(group.pk)).and(display.attr.eq("displayName"))
                    .and(display.sub.eq("")).and(display.elem.eq(0)).and(display.kind.eq(ValueRows.STRING))
                    .where(m.memberPk.eq(r.pk)).orderBy(m.seq).limit(1).asField(), KeyType.STRING);
        }
        String attr = schema == null || core ? name : schema + ":" + name;
        Tables.Values v = Tables.Values.as("sort_v");
        Key column = switch (leaf.type()) {
            case BOOLEAN -> new Key(v.bool, KeyType.INTEGER);
            case INTEGER, DECIMAL -> new Key(v.num, KeyType.NUMBER);
            case DATE_TIME -> new Key(v.dt, KeyType.STRING);
            default -> new Key(leaf.caseExact() ? v.exact() : v.sFold, KeyType.STRING);
        };
        return new Key(select(column.field()).from(v.table).where(v.res.eq(r.pk)).and(v.attr.eq(attr))
                .and(v.sub.eq(subName)).and(v.chosen.eq(1)).limit(1).asField(), column.type());
    }

    /** A key's value as a cursor writes it. */
    static @Nullable String write(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /** A key's value from a cursor, as the type's Java value. */
    static Object read(String text, KeyType type) {
        return switch (type) {
            case STRING -> text;
            case NUMBER -> new BigDecimal(text);
            case INTEGER -> Integer.valueOf(text);
        };
    }
}
