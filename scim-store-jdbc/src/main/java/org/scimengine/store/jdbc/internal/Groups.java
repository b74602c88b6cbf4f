package org.scimengine.store.jdbc.internal;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The groups each resource belongs to, directly or through nested groups, as a derived table: one row per
 * (member, group) with the group's id, its {@code displayName} and whether the membership is direct. A group
 * * reached both ways is one row, direct. The display is the displayName only where it is one string, not an array. It is what a user's {@code groups} are, for filters and for
 * {@code groupsOf}, computed by a recursive query over {@code scim_member} so that nesting costs nothing when
 * membership changes.
 */
final class Groups {

    final Table<?> table;
    final Field<Long> memberPk;
    final Field<String> groupId;
    final Field<String> displayFold;
    final Field<String> displayExact;
    final Field<Integer> direct;

    /** The closure of every membership of the tenant, under an alias. */
    Groups(String alias, Field<String> tenant) {
        this(alias, Tables.Members.M.tenant.eq(tenant));
    }

    /**
     * The closure of the memberships that {@code seed} selects from {@code scim_member} (unaliased), and of the
     * groups those groups are in.
     */
    Groups(String alias, Condition seed) {
        String cte = alias + "_up";
        Field<Long> upMember = DSL.field(DSL.name(cte, "member_pk"), SQLDataType.BIGINT);
        Field<Long> upGroup = DSL.field(DSL.name(cte, "group_pk"), SQLDataType.BIGINT);
        Field<Integer> upDirect = DSL.field(DSL.name(cte, "direct"), SQLDataType.INTEGER);
        Tables.Members m = Tables.Members.M;
        Tables.Members next = Tables.Members.as(alias + "_m");
        CommonTableExpression<Record3<Long, Long, Integer>> up = DSL.name(cte)
                .fields("member_pk", "group_pk", "direct")
                .as(select(m.memberPk, m.groupPk, inline(1)).from(m.table).where(seed)
                        .union(select(upMember, next.groupPk, inline(0)).from(DSL.table(DSL.name(cte)))
                                .join(next.table).on(next.memberPk.eq(upGroup))));
        Tables.Resources group = Tables.Resources.as(alias + "_r");
        Tables.Values name = Tables.Values.as(alias + "_n");
        table = DSL.withRecursive(up)
                .select(upMember.as("member_pk"), group.id.as("group_id"), name.sFold.as("display_fold"),
                        name.exact().as("display_exact"), DSL.max(upDirect).as("direct"))
                .from(DSL.table(DSL.name(cte)))
                .join(group.table).on(group.pk.eq(upGroup))
                .leftJoin(name.table).on(name.res.eq(group.pk)).and(name.attr.eq("displayName"))
                .and(name.sub.eq("")).and(name.elem.eq(0)).and(name.kind.eq(ValueRows.STRING))
                .groupBy(upMember, group.id, name.sFold, name.sExact)
                .asTable(alias);
        memberPk = DSL.field(DSL.name(alias, "member_pk"), SQLDataType.BIGINT);
        groupId = DSL.field(DSL.name(alias, "group_id"), SQLDataType.VARCHAR);
        displayFold = DSL.field(DSL.name(alias, "display_fold"), SQLDataType.VARCHAR);
        displayExact = DSL.field(DSL.name(alias, "display_exact"), SQLDataType.VARCHAR);
        direct = DSL.field(DSL.name(alias, "direct"), SQLDataType.INTEGER);
    }

    /** A sub-attribute of {@code groups} in this table's row; the attribute itself when {@code sub} is null. */
    Slot slot(@Nullable String sub) {
        if (sub == null) {
            return Slot.alwaysPresent();
        }
        return switch (sub) {
            case "value" -> Slot.string(groupId, groupId);
            case "display" -> Slot.string(displayFold, displayExact);
            case "type" -> {
                Field<String> type = DSL.when(direct.eq(1), inline("direct")).otherwise(inline("indirect"));
                yield Slot.string(type, type);
            }
            default -> Slot.absent();
        };
    }
}
