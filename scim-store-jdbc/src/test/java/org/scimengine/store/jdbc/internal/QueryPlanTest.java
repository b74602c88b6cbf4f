package org.scimengine.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;
import org.scimengine.store.jdbc.JdbcResourceStore;

/**
 * The lookups identity providers send before nearly every write are answered through an index, never by
 * scanning values: SQLite's plan for each names the index. (SQLite plans by rules before statistics, so an
 * empty database shows the plan a full one gets; PostgreSQL's cost-based plans are checked by the benchmarks.)
 */
class QueryPlanTest {

    @TempDir
    Path folder;

    @Test
    void userNameExternalIdEmailAndMembershipLookupsUseAnIndex() {
        try (JdbcResourceStore store = JdbcResourceStore.open(folder.resolve("plan.db").toString())) {
            DSLContext sql = DSL.using(store.dataSource(), SQLDialect.SQLITE);
            String byValue = "scim_value_lookup (tenant=? AND attr=? AND sub=? AND s_fold=?)";
            assertIndexed(sql, CoreSchemas.USER_TYPE, "userName eq \"Bjensen@Example.com\"", byValue);
            assertIndexed(sql, CoreSchemas.USER_TYPE, "externalId eq \"00u1\"", byValue);
            // Entra ID's matching attribute: found from the value, not by visiting every email of the tenant.
            assertIndexed(sql, CoreSchemas.USER_TYPE, "emails[type eq \"work\"].value eq \"b@example.com\"", byValue);
            assertIndexed(sql, CoreSchemas.USER_TYPE, "userName sw \"bj\"",
                    "scim_value_lookup (tenant=? AND attr=? AND sub=? AND s_fold>? AND s_fold<?)");
            assertIndexed(sql, CoreSchemas.GROUP_TYPE, "displayName eq \"Admins\"", byValue);
            assertIndexed(sql, CoreSchemas.GROUP_TYPE, "members eq \"2819c223\"",
                    "scim_member_by_id (tenant=? AND member_id=?)");
        }
    }

    /** The plan of the filter's search reaches the resources through {@code index}, whose search is given. */
    private static void assertIndexed(DSLContext sql, ResourceType type, String text, String index) {
        ResolvedFilter filter = ResolvedFilter.parse(text, FilterParser.standard(), SchemaRegistry.standard(), type);
        Tables.Resources r = Tables.Resources.as("r");
        String query = sql.renderInlined(sql.select(r.pk).from(r.table).where(r.tenant.eq("acme"))
                .and(r.type.eq(type.name())).and(FilterTranslator.translate(filter, DSL.val("acme"), new Parameters(), r, false).condition()));
        List<String> plan = new ArrayList<>();
        sql.fetch("EXPLAIN QUERY PLAN " + query).forEach(row -> plan.add(row.get("detail", String.class)));

        assertThat(plan).as(text + "\n" + query).anyMatch(step -> step.contains("USING INDEX " + index)
                || step.contains("USING COVERING INDEX " + index));
        assertThat(plan).as(text + "\n" + query).noneMatch(step -> step.startsWith("SCAN"));
        // The resources are fetched by key, not found by walking every resource of the type.
        assertThat(plan).as(text + "\n" + query).anyMatch(step -> step.equals("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"));
    }
}
