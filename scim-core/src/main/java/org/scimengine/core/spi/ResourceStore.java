package org.scimengine.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.PreconditionFailedException;
import org.scimengine.core.error.ResourceNotFoundException;

/**
 * Where the engine keeps resources and group membership. Implementations are thread-safe; every call names its
 * tenant and sees nothing of any other. A write is durable when the call returns.
 *
 * <p>The store, not the engine, guarantees what concurrency could break: a {@link UniqueValue} is held by one
 * resource at most, so of two concurrent creates of one {@code userName} one fails with
 * {@link ConflictException}; an expected version is checked and the version increased in one step; membership
 * changes of concurrent callers are all kept.
 *
 * <p>Errors are the engine's exceptions: {@link ResourceNotFoundException} (404) for a resource that does not
 * exist, {@link PreconditionFailedException} (412) for a version that does not match, {@link ConflictException}
 * (409 {@code uniqueness}) for a unique value already held, {@link BadRequestException} (400) for a member that
 * does not exist, a membership cycle, or a cursor that is not valid. A failed call changes nothing.
 *
 * @since 0.1
 */
public interface ResourceStore {

    /** What this store supports beyond the required operations. */
    default StoreCapabilities capabilities() {
        return StoreCapabilities.MINIMAL;
    }

    /** Keeps a new resource at version 1. */
    StoredResource create(CreateRequest request);

    /** The resource, if it exists. */
    Optional<StoredResource> get(ResourceKey key);

    /** Replaces a resource's attributes and unique values; its membership stays. */
    StoredResource replace(ReplaceRequest request);

    /**
     * Deletes a resource, its members, and its membership of every group; each group it leaves gets a new
     * version and last-modified time.
     */
    void delete(DeleteRequest request);

    /** One page of the resources of a type that match a filter, and how many match in all. */
    StorePage search(StoreQuery query);

    /** Changes a group's members, and returns the group at its new version. */
    StoredResource changeMembers(MembershipChange change);

    /** One page of a group's direct members. */
    MemberPage members(MembersQuery query);

    /**
     * The groups each resource belongs to, directly or through nesting, keyed by resource id; a resource in no
     * group (or not existing) maps to an empty list. A group reached both directly and through nesting is listed
     * once, as direct.
     */
    Map<String, List<GroupRef>> groupsOf(GroupsQuery query);

    /**
     * Runs {@code work} as one unit: everything it does through the store it is given happens, or, if it throws,
     * none of it does. Calls on other tenants from within the unit are not allowed. A call that fails inside the
     * unit ends it: the engine lets the exception propagate and never goes on with a unit after a failed call, so
     * a store need not keep one usable (a database transaction may be aborted by then). The engine runs every
     * write, and each Bulk operation, this way.
     *
     * <p>Units may nest: {@code inUnitOfWork} called on the store a unit was given starts a unit inside it. A
     * store that declares {@link StoreCapabilities#nestedUnits()} undoes a nested unit that throws on its own
     * (as a database's savepoint does) and keeps the enclosing unit usable, so the engine may go on with it; what
     * the nested unit did, when it returns, becomes durable with the enclosing unit. A store that does not
     * declare it may simply run the nested work as part of the enclosing unit.
     *
     * <p>A store may run {@code work} more than once, for instance again after losing a conflict with a
     * concurrent unit; only the last run's effects and result count. {@code work} must therefore keep no state
     * of its own across runs except what it returns.
     *
     * @param tenant the tenant every call inside works on
     * @param work what to do, given a store whose calls belong to the unit
     * @return what {@code work} returned
     */
    <T> T inUnitOfWork(String tenant, Function<ResourceStore, T> work);
}
