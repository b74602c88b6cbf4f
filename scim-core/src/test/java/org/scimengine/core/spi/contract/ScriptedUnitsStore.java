package org.scimengine.core.spi.contract;

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
 * A store around another whose next unit of work, once armed, goes wrong as a database's can: it runs the work
 * and is then undone and run again (a transaction that lost a conflict and was retried), or it runs the work and
 * is then undone and fails (a commit that failed). Everything else passes through.
 */
final class ScriptedUnitsStore implements ResourceStore {

    /** What the next unit of work does. */
    enum Next { PASS, RUN_TWICE, FAIL_AFTER_WORK }

    /** The failure a unit armed with {@link Next#FAIL_AFTER_WORK} throws. */
    static final class CommitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailed() {
            super("the commit failed");
        }
    }

    /** Undoes a unit from inside, so that the delegate rolls it back. */
    private static final class Undo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undo() {
            super(null, null, false, false);
        }
    }

    private final ResourceStore delegate;
    private Next next = Next.PASS;
    private int units;

    ScriptedUnitsStore(ResourceStore delegate) {
        this.delegate = delegate;
    }

    /** Arms the next unit of work. */
    void next(Next what) {
        this.next = what;
    }

    /** How many units of work were started on this store (not nested ones), runs again included. */
    int units() {
        return units;
    }

    @Override
    public <T> T inUnitOfWork(String tenant, Function<ResourceStore, T> work) {
        Next what = next;
        next = Next.PASS;
        if (what != Next.PASS) {
            units++;
            try {
                delegate.inUnitOfWork(tenant, unit -> {
                    work.apply(unit);
                    throw new Undo();
                });
            } catch (Undo undone) {
                if (what == Next.FAIL_AFTER_WORK) {
                    throw new CommitFailed();
                }
            }
        }
        units++;
        return delegate.inUnitOfWork(tenant, work);
    }

    @Override
    public StoreCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public StoredResource create(CreateRequest request) {
        return delegate.create(request);
    }

    @Override
    public Optional<StoredResource> get(ResourceKey key) {
        return delegate.get(key);
    }

    @Override
    public StoredResource replace(ReplaceRequest request) {
        return delegate.replace(request);
    }

    @Override
    public void delete(DeleteRequest request) {
        delegate.delete(request);
    }

    @Override
    public StorePage search(StoreQuery query) {
        return delegate.search(query);
    }

    @Override
    public StoredResource changeMembers(MembershipChange change) {
        return delegate.changeMembers(change);
    }

    @Override
    public MemberPage members(MembersQuery query) {
        return delegate.members(query);
    }

    @Override
    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        return delegate.groupsOf(query);
    }
}
