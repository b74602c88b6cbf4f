package org.scimengine.store.jdbc.internal;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The store's tables as jOOQ sees them (the scripts under {@code migration/} create them). Each nested class is
 * one table under an alias, so a query can join a table to itself: {@code Values.as("e")} and
 * {@code Values.as("v")} are the element rows and the value rows of one value filter.
 */
final class Tables {

    private Tables() {
    }

    private static <T> Field<T> field(String alias, String column, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name(alias, column), type);
    }

    private static Table<?> table(String table, String alias) {
        Name name = DSL.name(table);
        return table.equals(alias) ? DSL.table(name) : DSL.table(name).as(DSL.name(alias));
    }

    /** {@code scim_resource}: one row per resource. */
    static final class Resources {
        static final Resources R = new Resources("scim_resource");

        final Table<?> table;
        final Field<Long> pk;
        final Field<String> tenant;
        final Field<String> type;
        final Field<String> id;
        final Field<Long> version;
        final Field<String> created;
        final Field<String> lastModified;
        final Field<String> attributes;

        private Resources(String alias) {
            table = table("scim_resource", alias);
            pk = field(alias, "pk", SQLDataType.BIGINT);
            tenant = field(alias, "tenant", SQLDataType.VARCHAR);
            type = field(alias, "type", SQLDataType.VARCHAR);
            id = field(alias, "id", SQLDataType.VARCHAR);
            version = field(alias, "version", SQLDataType.BIGINT);
            created = field(alias, "created", SQLDataType.VARCHAR);
            lastModified = field(alias, "last_modified", SQLDataType.VARCHAR);
            attributes = field(alias, "attributes", SQLDataType.CLOB);
        }

        private static final ConcurrentHashMap<String, Resources> ALIASES = new ConcurrentHashMap<>();

        /** The table under an alias; jOOQ's objects are immutable, so one per alias serves every query. */
        static Resources as(String alias) {
            return ALIASES.computeIfAbsent(alias, Resources::new);
        }
    }

    /** {@code scim_value}: one row per value a filter can reach (see {@link ValueRows}). */
    static final class Values {
        static final Values V = new Values("scim_value");

        final Table<?> table;
        final Field<String> tenant;
        final Field<Long> res;
        final Field<String> attr;
        final Field<String> sub;
        final Field<Integer> elem;
        final Field<Integer> kind;
        final Field<Integer> present;
        final Field<Integer> chosen;
        final Field<String> sFold;
        final Field<String> sExact;
        final Field<BigDecimal> num;
        final Field<Integer> bool;
        final Field<String> dt;

        private Values(String alias) {
            table = table("scim_value", alias);
            tenant = field(alias, "tenant", SQLDataType.VARCHAR);
            res = field(alias, "res", SQLDataType.BIGINT);
            attr = field(alias, "attr", SQLDataType.VARCHAR);
            sub = field(alias, "sub", SQLDataType.VARCHAR);
            elem = field(alias, "elem", SQLDataType.INTEGER);
            kind = field(alias, "kind", SQLDataType.INTEGER);
            present = field(alias, "present", SQLDataType.INTEGER);
            chosen = field(alias, "chosen", SQLDataType.INTEGER);
            sFold = field(alias, "s_fold", SQLDataType.VARCHAR);
            sExact = field(alias, "s_exact", SQLDataType.VARCHAR);
            num = field(alias, "num", SQLDataType.NUMERIC);
            bool = field(alias, "bool", SQLDataType.INTEGER);
            dt = field(alias, "dt", SQLDataType.VARCHAR);
        }

        private static final ConcurrentHashMap<String, Values> ALIASES = new ConcurrentHashMap<>();

        /** The table under an alias; jOOQ's objects are immutable, so one per alias serves every query. */
        static Values as(String alias) {
            return ALIASES.computeIfAbsent(alias, Values::new);
        }

        /** The characters of a folded string PostgreSQL's lookup index holds (migration V3). */
        static final int KEY_LENGTH = 256;

        /**
         * The folded string as the lookup index holds it, written exactly as the index expression is: on
         * PostgreSQL its first {@link #KEY_LENGTH} characters (an index entry must stay under about 2.7 kB), on
         * SQLite, which has no such limit, the whole string (V5), so that {@code co} reads the index alone.
         */
        Field<String> foldKey(boolean bounded) {
            return bounded ? DSL.function("substr", SQLDataType.VARCHAR, sFold, DSL.inline(1), DSL.inline(KEY_LENGTH))
                    : sFold;
        }

        /** The string as stored: {@code s_exact} holds it only where it differs from its folded form. */
        Field<String> exact() {
            return DSL.coalesce(sExact, sFold);
        }
    }

    /** {@code scim_member}: one row per (group, member). */
    static final class Members {
        static final Members M = new Members("scim_member");

        final Table<?> table;
        final Field<String> tenant;
        final Field<Long> groupPk;
        final Field<Long> memberPk;
        final Field<Long> seq;
        final Field<String> memberId;
        final Field<String> memberType;
        final Field<String> typeFold;
        final Field<String> display;
        final Field<String> displayFold;

        private Members(String alias) {
            table = table("scim_member", alias);
            tenant = field(alias, "tenant", SQLDataType.VARCHAR);
            groupPk = field(alias, "group_pk", SQLDataType.BIGINT);
            memberPk = field(alias, "member_pk", SQLDataType.BIGINT);
            seq = field(alias, "seq", SQLDataType.BIGINT);
            memberId = field(alias, "member_id", SQLDataType.VARCHAR);
            memberType = field(alias, "member_type", SQLDataType.VARCHAR);
            typeFold = field(alias, "type_fold", SQLDataType.VARCHAR);
            display = field(alias, "display", SQLDataType.VARCHAR);
            displayFold = field(alias, "display_fold", SQLDataType.VARCHAR);
        }

        private static final ConcurrentHashMap<String, Members> ALIASES = new ConcurrentHashMap<>();

        /** The table under an alias; jOOQ's objects are immutable, so one per alias serves every query. */
        static Members as(String alias) {
            return ALIASES.computeIfAbsent(alias, Members::new);
        }
    }

    /** {@code scim_unique}: the unique values each resource holds. */
    static final class Uniques {
        static final Uniques U = new Uniques("scim_unique");

        final Table<?> table;
        final Field<String> tenant;
        final Field<String> attribute;
        final Field<String> value;
        final Field<String> type;
        final Field<Integer> global;
        final Field<Long> res;

        private Uniques(String alias) {
            table = table("scim_unique", alias);
            tenant = field(alias, "tenant", SQLDataType.VARCHAR);
            attribute = field(alias, "attribute", SQLDataType.VARCHAR);
            value = field(alias, "value", SQLDataType.VARCHAR);
            type = field(alias, "type", SQLDataType.VARCHAR);
            global = field(alias, "global", SQLDataType.INTEGER);
            res = field(alias, "res", SQLDataType.BIGINT);
        }
    }

    /** {@code scim_count}: resources per tenant and type, in slots that concurrent writers spread over. */
    static final class Counts {
        static final Counts C = new Counts("scim_count");

        final Table<?> table;
        final Field<String> tenant;
        final Field<String> type;
        final Field<Integer> slot;
        final Field<Long> n;

        private Counts(String alias) {
            table = table("scim_count", alias);
            tenant = field(alias, "tenant", SQLDataType.VARCHAR);
            type = field(alias, "type", SQLDataType.VARCHAR);
            slot = field(alias, "slot", SQLDataType.INTEGER);
            n = field(alias, "n", SQLDataType.BIGINT);
        }
    }
}
