package org.scimengine.store.memory;

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
import org.scimengine.store.memory.internal.MemoryStore;

/**
 * A {@link ResourceStore} that keeps every tenant's resources and group membership in memory, for tests, demos
 * and small deployments. Nothing is written anywhere: the data is lost when the process exits.
 *
 * <p>Thread-safe. Each tenant has its own read-write lock, so tenants never wait for each other; within a tenant,
 * reads run in parallel and writes one at a time. {@link #inUnitOfWork} holds the tenant's write lock for the
 * whole unit, so other callers of that tenant wait until it ends; the store it hands the work must be used only
 * inside the work, on the same thread.
 *
 * <p>Searches evaluate the filter in memory on every resource of the type, except {@code attribute eq "value"}
 * on an attribute with unique values (such as {@code userName}), which is answered from the unique-value index.
 * Cursor paging is supported ({@link StoreCapabilities#cursorPaging()}): a cursor stands for a position in the
 * sorted matches, so writes between two pages may shift what the next page shows, by skipping or repeating a
 * resource.
 *
 * <p>Attributes are copied on the way in and on the way out; no caller can change what the store holds.
 *
 * @since 0.1
 */
public final class InMemoryResourceStore implements ResourceStore {

    private final MemoryStore store = new MemoryStore();

    private InMemoryResourceStore() {
    }

    /** A new, empty store. */
    public static InMemoryResourceStore create() {
        return new InMemoryResourceStore();
    }

    /** Cursor paging. */
    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public StoredResource create(CreateRequest request) {
        return store.create(request);
    }

    @Override
    public Optional<StoredResource> get(ResourceKey key) {
        return store.get(key);
    }

    @Override
    public StoredResource replace(ReplaceRequest request) {
        return store.replace(request);
    }

    @Override
    public void delete(DeleteRequest request) {
        store.delete(request);
    }

    @Override
    public StorePage search(StoreQuery query) {
        return store.search(query);
    }

    @Override
    public StoredResource changeMembers(MembershipChange change) {
        return store.changeMembers(change);
    }

    @Override
    public MemberPage members(MembersQuery query) {
        return store.members(query);
    }

    @Override
    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        return store.groupsOf(query);
    }

    /**
     * Runs {@code work} holding the tenant's write lock; if it throws, every change it made is undone before the
     * exception propagates. A unit started from within the unit (with the same tenant) joins it.
     *
     * @throws IllegalArgumentException from the unit's store, for a call on another tenant
     * @throws IllegalStateException from the unit's store, when used after the unit ended or from another thread
     */
    @Override
    public <T> T inUnitOfWork(String tenant, Function<ResourceStore, T> work) {
        return store.inUnitOfWork(tenant, work);
    }
}
