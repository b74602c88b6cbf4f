package org.scimengine.store.memory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.DeleteRequest;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.GroupsQuery;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.MemberPage;
import org.scimengine.core.spi.MembersQuery;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ReplaceRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StoreCapabilities;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoreErrors;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.UniqueValue;
import org.scimengine.store.memory.internal.TenantState.Entry;
import org.scimengine.store.memory.internal.TenantState.Holder;

/**
 * The in-memory store. Each tenant has its own state and read-write lock; every write runs under the write lock
 * inside a journal level, checks everything before it changes anything, and is undone if it fails anyway.
 */
public final class MemoryStore implements ResourceStore {

    private static final StoreCapabilities CAPABILITIES = new StoreCapabilities(true, true);

    private final ConcurrentHashMap<String, TenantState> tenants = new ConcurrentHashMap<>();

    @Override
    public StoreCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StoredResource create(CreateRequest request) {
        ResourceKey key = request.key();
        TenantState state = tenant(key.tenant());
        return write(state, () -> {
            if (state.entry(key.id()) != null) {
                throw new IllegalArgumentException("the id " + key.id() + " is already in use; the engine must "
                        + "generate a new id for every resource");
            }
            requireUnique(state, key, request.uniqueValues());
            StoredResource resource = new StoredResource(key.resourceType(), key.id(), 1, request.now(),
                    request.now(), request.attributes().deepCopy());
            state.putResource(new Entry(resource, request.uniqueValues()));
            state.holdUniqueValues(key.id(), key.resourceType(), request.uniqueValues());
            return copyOut(resource);
        });
    }

    @Override
    public Optional<StoredResource> get(ResourceKey key) {
        TenantState state = tenants.get(key.tenant());
        if (state == null) {
            return Optional.empty();
        }
        return read(state, () -> {
            Entry entry = find(state, key);
            return entry == null ? Optional.empty() : Optional.of(copyOut(entry.resource()));
        });
    }

    @Override
    public StoredResource replace(ReplaceRequest request) {
        ResourceKey key = request.key();
        TenantState state = tenant(key.tenant());
        return write(state, () -> {
            Entry current = existing(state, key);
            requireVersion(current.resource(), request.expectedVersion());
            requireUnique(state, key, request.uniqueValues());
            StoredResource old = current.resource();
            StoredResource resource = new StoredResource(old.resourceType(), old.id(), old.version() + 1,
                    old.created(), request.now(), request.attributes().deepCopy());
            state.releaseUniqueValues(key.id(), key.resourceType(), current.uniqueValues());
            state.putResource(new Entry(resource, request.uniqueValues()));
            state.holdUniqueValues(key.id(), key.resourceType(), request.uniqueValues());
            return copyOut(resource);
        });
    }

    @Override
    public void delete(DeleteRequest request) {
        ResourceKey key = request.key();
        TenantState state = tenant(key.tenant());
        write(state, () -> {
            Entry current = existing(state, key);
            requireVersion(current.resource(), request.expectedVersion());
            String id = key.id();
            state.releaseUniqueValues(id, key.resourceType(), current.uniqueValues());
            state.setMembers(id, new LinkedHashMap<>());
            for (String groupId : List.copyOf(state.directGroups(id))) {
                LinkedHashMap<String, Member> next = new LinkedHashMap<>(state.members(groupId));
                next.remove(id);
                state.setMembers(groupId, next);
                touch(state, groupId, request.now());
            }
            state.removeResource(id);
            return null;
        });
    }

    @Override
    public StorePage search(StoreQuery query) {
        String cursor = query.cursor();
        int offset = cursor == null ? query.offset() : Cursors.read(cursor, query);
        TenantState state = tenants.get(query.tenant());
        if (state == null) {
            return new StorePage(List.of(), 0, null);
        }
        String type = query.resourceType().name();
        ResolvedFilter filter = query.filter();
        return read(state, () -> {
            Collection<Entry> candidates = candidates(state, filter, type);
            List<Match> matches = new ArrayList<>();
            for (Entry entry : candidates) {
                if (entry.resource().resourceType().equals(type)) {
                    JsonNode view = state.view(entry);
                    if (filter == null || filter.matches(view)) {
                        matches.add(new Match(entry.resource(), view));
                    }
                }
            }
            matches.sort(Comparator.comparing(Match::view, query.sort().comparator()));
            int from = Math.min(offset, matches.size());
            int to = (int) Math.min((long) from + query.count(), matches.size());
            List<StoredResource> page = new ArrayList<>(to - from);
            for (Match match : matches.subList(from, to)) {
                page.add(copyOut(match.resource()));
            }
            String next = cursor != null && to > from && to < matches.size() ? Cursors.issue(to, query) : null;
            return new StorePage(page, matches.size(), next);
        });
    }

    @Override
    public StoredResource changeMembers(MembershipChange change) {
        ResourceKey key = change.group();
        TenantState state = tenant(key.tenant());
        return write(state, () -> {
            Entry group = existing(state, key);
            requireVersion(group.resource(), change.expectedVersion());
            String groupId = key.id();
            List<Member> adds = new ArrayList<>();
            for (Member member : change.add()) {
                adds.add(new Member(member.id(), addable(state, change, member.id()), member.display()));
            }
            Map<String, Member> current = state.members(groupId);
            LinkedHashMap<String, Member> next = change.removeAll() ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(current);
            if (!change.removeAll()) {
                next.keySet().removeAll(change.remove());
            }
            for (Member member : adds) {
                next.putIfAbsent(member.id(), member);
            }
            if (List.copyOf(next.values()).equals(List.copyOf(current.values()))) {
                return copyOut(group.resource());
            }
            state.setMembers(groupId, next);
            return copyOut(touch(state, groupId, change.now()));
        });
    }

    @Override
    public MemberPage members(MembersQuery query) {
        ResourceKey key = query.group();
        TenantState state = tenants.get(key.tenant());
        if (state == null) {
            throw StoreErrors.notFound(key);
        }
        return read(state, () -> {
            existing(state, key);
            Collection<Member> all = state.members(key.id()).values();
            List<Member> page = all.stream().skip(query.offset()).limit(query.count()).toList();
            return new MemberPage(page, all.size());
        });
    }

    @Override
    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        Map<String, List<GroupRef>> groups = new LinkedHashMap<>();
        TenantState state = tenants.get(query.tenant());
        if (state == null) {
            query.memberIds().forEach(id -> groups.put(id, List.of()));
            return groups;
        }
        return read(state, () -> {
            for (String id : query.memberIds()) {
                groups.put(id, state.groupsOf(id));
            }
            return groups;
        });
    }

    @Override
    public <T> T inUnitOfWork(String tenant, Function<ResourceStore, T> work) {
        Objects.requireNonNull(work, "work");
        TenantState state = tenant(tenant);
        return write(state, () -> {
            UnitOfWorkStore unit = new UnitOfWorkStore(this, tenant, state);
            try {
                return work.apply(unit);
            } finally {
                unit.close();
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A resource and its view, for sorting. */
    private record Match(StoredResource resource, JsonNode view) {
    }

    private TenantState tenant(String tenant) {
        return tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), name -> new TenantState());
    }

    /** Runs a write under the tenant's write lock in a journal level: if it throws, what it changed is undone. */
    private static <T> T write(TenantState state, Supplier<T> action) {
        state.lock.writeLock().lock();
        try {
            state.journal.begin();
            T result;
            try {
                result = action.get();
            } catch (Throwable e) {
                state.journal.rollback();
                throw e;
            }
            state.journal.commit();
            return result;
        } finally {
            state.lock.writeLock().unlock();
        }
    }

    private static <T> T read(TenantState state, Supplier<T> action) {
        state.lock.readLock().lock();
        try {
            return action.get();
        } finally {
            state.lock.readLock().unlock();
        }
    }

    private static Collection<Entry> candidates(TenantState state, @Nullable ResolvedFilter filter, String type) {
        Collection<String> ids = filter == null ? null : UniqueLookup.candidates(filter, type, state);
        if (ids == null) {
            return state.entries();
        }
        List<Entry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            Entry entry = state.entry(id);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static @Nullable Entry find(TenantState state, ResourceKey key) {
        Entry entry = state.entry(key.id());
        return entry != null && entry.resource().resourceType().equals(key.resourceType()) ? entry : null;
    }

    private static Entry existing(TenantState state, ResourceKey key) {
        Entry entry = find(state, key);
        if (entry == null) {
            throw StoreErrors.notFound(key);
        }
        return entry;
    }

    private static void requireVersion(StoredResource resource, @Nullable Long expected) {
        if (expected != null && expected != resource.version()) {
            throw StoreErrors.staleVersion(resource, expected);
        }
    }

    private static void requireUnique(TenantState state, ResourceKey key, List<UniqueValue> values) {
        for (UniqueValue value : values) {
            for (Holder holder : state.holders(TenantState.Slot.of(value))) {
                boolean sameScope = value.global() || holder.global()
                        || holder.resourceType().equals(key.resourceType());
                if (sameScope && !holder.id().equals(key.id())) {
                    throw StoreErrors.uniqueValueTaken(key, value);
                }
            }
        }
    }

    /** The type of a resource that may join the group, or a 400 saying why it may not. */
    private static String addable(TenantState state, MembershipChange change, String memberId) {
        String groupId = change.group().id();
        if (memberId.equals(groupId)) {
            throw StoreErrors.memberIsTheGroup(groupId);
        }
        Entry member = state.entry(memberId);
        if (member == null) {
            throw StoreErrors.noSuchMember(memberId, groupId);
        }
        String type = member.resource().resourceType();
        if (!change.memberTypes().isEmpty() && !change.memberTypes().contains(type)) {
            throw StoreErrors.memberTypeNotAllowed(type, memberId, groupId, change.memberTypes());
        }
        if (state.reaches(memberId, groupId)) {
            throw StoreErrors.membershipCycle(memberId, groupId);
        }
        return type;
    }

    /** Gives a resource a new version and last-modified time, its attributes unchanged. */
    private static StoredResource touch(TenantState state, String id, Instant now) {
        Entry entry = Objects.requireNonNull(state.entry(id), id);
        StoredResource old = entry.resource();
        StoredResource resource = new StoredResource(old.resourceType(), old.id(), old.version() + 1, old.created(),
                now, old.attributes());
        state.putResource(new Entry(resource, entry.uniqueValues()));
        return resource;
    }

    private static StoredResource copyOut(StoredResource resource) {
        return new StoredResource(resource.resourceType(), resource.id(), resource.version(), resource.created(),
                resource.lastModified(), resource.attributes().deepCopy());
    }
}
