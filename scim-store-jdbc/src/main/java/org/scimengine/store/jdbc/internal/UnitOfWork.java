package org.scimengine.store.jdbc.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.DeleteRequest;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.GroupsQuery;
import org.scimengine.core.spi.MemberPage;
import org.scimengine.core.spi.MembersQuery;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ReplaceRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StoreCapabilities;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;

/**
 * The store a unit of work is given: every call joins the unit's transaction, and a nested unit is a savepoint in
 * it.
 */
public final class UnitOfWork implements ResourceStore {
    private final String tenant;
    private final DSLContext sql;
    private final Operations operations;
    private final StoreCapabilities capabilities;
    private boolean open = true;
    /** How many nested units are open, which names the next one's savepoint. */
    private int depth;
    /**
     * A failure inside a nested unit after which the transaction must not commit, even though the work
     * caught it: a lost conflict (the whole unit must run again) or a savepoint that could not be rolled back.
     */
    private @Nullable RuntimeException lost;

    private UnitOfWork(String tenant, DSLContext sql, StoreCapabilities capabilities, SearchStatements searches) {
        this.tenant = tenant;
        this.sql = sql;
        this.operations = new Operations(sql, true, searches);
        this.capabilities = capabilities;
    }

    /**
     * Runs {@code work} on a unit of the transaction {@code sql} belongs to; the caller commits it when this
     * returns, and rolls it back when this throws.
     */
    public static <T> T run(DSLContext sql, String tenant, StoreCapabilities capabilities,
            SearchStatements searches, Function<ResourceStore, T> work) {
        UnitOfWork unit = new UnitOfWork(tenant, sql, capabilities, searches);
        Throwable failure = null;
        try {
            T result = work.apply(unit);
            if (unit.lost != null) {
                throw unit.lost;
            }
            return result;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            unit.open = false;
            // The unit's statements close with it; a failure to close them never hides the work's own.
            try {
                unit.operations.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    private Operations on(String tenant) {
        if (!open) {
            throw new IllegalStateException("the unit of work has ended; use the store it was started on");
        }
        if (!this.tenant.equals(tenant)) {
            throw new IllegalArgumentException("a unit of work of tenant " + this.tenant
                    + " cannot work on tenant " + tenant);
        }
        return operations;
    }

    @Override
    public StoreCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public StoredResource create(CreateRequest request) {
        return on(request.key().tenant()).create(request);
    }

    @Override
    public Optional<StoredResource> get(ResourceKey key) {
        return on(key.tenant()).get(key);
    }

    @Override
    public StoredResource replace(ReplaceRequest request) {
        return on(request.key().tenant()).replace(request);
    }

    @Override
    public void delete(DeleteRequest request) {
        on(request.key().tenant()).delete(request);
    }

    @Override
    public StorePage search(StoreQuery query) {
        return on(query.tenant()).search(query);
    }

    @Override
    public StoredResource changeMembers(MembershipChange change) {
        return on(change.group().tenant()).changeMembers(change);
    }

    @Override
    public MemberPage members(MembersQuery query) {
        return on(query.group().tenant()).members(query);
    }

    @Override
    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        return on(query.tenant()).groupsOf(query);
    }

    /**
     * Runs {@code work} between a savepoint and its release; if it throws, the transaction returns to the
     * savepoint, which on PostgreSQL also clears the abort a failed statement leaves.
     */
    @Override
    public <T> T inUnitOfWork(String tenant, Function<ResourceStore, T> work) {
        on(tenant);
        // Names come from the depth alone, never from input.
        String savepoint = "scim_unit_" + (++depth);
        try {
            sql.execute("SAVEPOINT " + savepoint);
            T result;
            try {
                result = work.apply(this);
            } catch (RuntimeException | Error e) {
                undo(savepoint, e);
                throw e;
            }
            sql.execute("RELEASE SAVEPOINT " + savepoint);
            return result;
        } finally {
            depth--;
        }
    }

    private void undo(String savepoint, Throwable failure) {
        if (failure instanceof RuntimeException e && SqlErrors.isTransient(e) && lost == null) {
            lost = e;
        }
        try {
            sql.execute("ROLLBACK TO SAVEPOINT " + savepoint);
            sql.execute("RELEASE SAVEPOINT " + savepoint);
        } catch (RuntimeException rollback) {
            failure.addSuppressed(rollback);
            if (lost == null) {
                lost = rollback;
            }
        }
    }
}
