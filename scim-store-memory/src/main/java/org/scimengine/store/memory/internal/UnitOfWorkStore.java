package org.scimengine.store.memory.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * The store a unit of work hands its work: the same store, but only for the unit's tenant and only while the
 * unit runs, on its thread (the thread that holds the tenant's write lock). Its calls take that lock again,
 * reentrantly, so they join the unit's journal.
 */
final class UnitOfWorkStore implements ResourceStore {

    private final MemoryStore store;
    private final String tenant;
    private final TenantState state;
    private volatile boolean open = true;

    UnitOfWorkStore(MemoryStore store, String tenant, TenantState state) {
        this.store = store;
        this.tenant = tenant;
        this.state = state;
    }

    void close() {
        open = false;
    }

    private void check(String requested) {
        if (!open || !state.lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("This store belongs to a unit of work that has ended or runs on another "
                    + "thread; use it only inside the work, on the thread that started the unit.");
        }
        if (!tenant.equals(requested)) {
            throw new IllegalArgumentException("This unit of work is for tenant '" + tenant + "'; a call for tenant '"
                    + requested + "' must run outside it.");
        }
    }

    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public StoredResource create(CreateRequest request) {
        check(request.key().tenant());
        return store.create(request);
    }

    @Override
    public Optional<StoredResource> get(ResourceKey key) {
        check(key.tenant());
        return store.get(key);
    }

    @Override
    public StoredResource replace(ReplaceRequest request) {
        check(request.key().tenant());
        return store.replace(request);
    }

    @Override
    public void delete(DeleteRequest request) {
        check(request.key().tenant());
        store.delete(request);
    }

    @Override
    public StorePage search(StoreQuery query) {
        check(query.tenant());
        return store.search(query);
    }

    @Override
    public StoredResource changeMembers(MembershipChange change) {
        check(change.group().tenant());
        return store.changeMembers(change);
    }

    @Override
    public MemberPage members(MembersQuery query) {
        check(query.group().tenant());
        return store.members(query);
    }

    @Override
    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        check(query.tenant());
        return store.groupsOf(query);
    }

    @Override
    public <T> T inUnitOfWork(String requested, Function<ResourceStore, T> work) {
        check(requested);
        return store.inUnitOfWork(requested, work);
    }
}
