package org.scimengine.store.memory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.UniqueValue;

/**
 * Everything one tenant holds, and the lock that guards it: reads share it, writes hold it exclusively. Every
 * stored value (resource, member map, group set, holder list) is replaced, never changed in place, so the
 * {@link Journal} can undo a write by putting the old reference back.
 */
final class TenantState {

    /** A resource and the unique values it holds. */
    record Entry(StoredResource resource, List<UniqueValue> uniqueValues) {
        Entry {
            uniqueValues = List.copyOf(uniqueValues);
        }
    }

    /** A unique value's place in the index: attribute name in lower case (names ignore case), exact value. */
    record Slot(String attribute, String value) {
        static Slot of(UniqueValue value) {
            return new Slot(lower(value.attribute()), value.value());
        }
    }

    /** A resource holding a value in a slot. */
    record Holder(String id, String resourceType, boolean global) {
    }

    /** A resource type and a lower-case attribute name: which unique attributes a type's resources hold. */
    private record TypedAttribute(String resourceType, String attribute) {
    }

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Journal journal = new Journal();

    private final Map<String, Entry> resources = new HashMap<>();
    private final Map<Slot, List<Holder>> unique = new HashMap<>();
    private final Map<TypedAttribute, Integer> uniqueUse = new HashMap<>();
    /** Group id to its members, in the order added. */
    private final Map<String, LinkedHashMap<String, Member>> members = new HashMap<>();
    /** Member id to the groups it is a direct member of: the reverse index for groupsOf and delete. */
    private final Map<String, LinkedHashSet<String>> memberOf = new HashMap<>();

    // ---- reads -------------------------------------------------------------------------------------------------

    @Nullable Entry entry(String id) {
        return resources.get(id);
    }

    Collection<Entry> entries() {
        return resources.values();
    }

    List<Holder> holders(Slot slot) {
        return unique.getOrDefault(slot, List.of());
    }

    /** Whether some resource of the type holds a unique value of the attribute (a lower-case name). */
    boolean usesUnique(String resourceType, String attribute) {
        return uniqueUse.containsKey(new TypedAttribute(resourceType, attribute));
    }

    /** A group's members in the order added; empty for a resource without member rows. */
    Map<String, Member> members(String groupId) {
        Map<String, Member> found = members.get(groupId);
        return found == null ? Map.of() : found;
    }

    /** Whether {@code target} is {@code from} or is reached from it through member rows (nested groups). */
    boolean reaches(String from, String target) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> pending = new ArrayDeque<>();
        pending.add(from);
        while (!pending.isEmpty()) {
            String current = pending.poll();
            if (current.equals(target)) {
                return true;
            }
            if (seen.add(current)) {
                pending.addAll(members(current).keySet());
            }
        }
        return false;
    }

    /**
     * The groups a resource belongs to: direct ones first, in the order joined, then those reached through
     * nesting, each once. The visited set keeps a cycle (which changeMembers prevents anyway) from looping.
     */
    List<GroupRef> groupsOf(String id) {
        Set<String> direct = directGroups(id);
        if (direct.isEmpty()) {
            return List.of();
        }
        List<GroupRef> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>(direct);
        seen.add(id);
        ArrayDeque<String> pending = new ArrayDeque<>(direct);
        for (String groupId : direct) {
            groups.add(new GroupRef(groupId, displayName(groupId), true));
        }
        while (!pending.isEmpty()) {
            for (String parent : directGroups(pending.poll())) {
                if (seen.add(parent)) {
                    groups.add(new GroupRef(parent, displayName(parent), false));
                    pending.add(parent);
                }
            }
        }
        return groups;
    }

    /** The resource as filters and sorting see it, with its members and groups when it has any. */
    ObjectNode view(Entry entry) {
        String id = entry.resource().id();
        Map<String, Member> own = members(id);
        List<GroupRef> groups = groupsOf(id);
        return entry.resource().view(own.isEmpty() ? null : List.copyOf(own.values()),
                groups.isEmpty() ? null : groups);
    }

    private @Nullable String displayName(String groupId) {
        Entry group = resources.get(groupId);
        JsonNode name = group == null ? null : group.resource().attributes().get("displayName");
        return name != null && name.isTextual() ? name.textValue() : null;
    }

    // ---- writes: only under the write lock, inside a journal level ----------------------------------------------

    void putResource(Entry entry) {
        journal.put(resources, entry.resource().id(), entry);
    }

    void removeResource(String id) {
        journal.remove(resources, id);
    }

    void holdUniqueValues(String id, String resourceType, List<UniqueValue> values) {
        for (UniqueValue value : values) {
            Slot slot = Slot.of(value);
            List<Holder> next = new ArrayList<>(holders(slot));
            next.add(new Holder(id, resourceType, value.global()));
            journal.put(unique, slot, List.copyOf(next));
            TypedAttribute use = new TypedAttribute(resourceType, slot.attribute());
            journal.put(uniqueUse, use, uniqueUse.getOrDefault(use, 0) + 1);
        }
    }

    void releaseUniqueValues(String id, String resourceType, List<UniqueValue> values) {
        for (UniqueValue value : values) {
            Slot slot = Slot.of(value);
            List<Holder> next = new ArrayList<>(holders(slot));
            next.removeIf(holder -> holder.id().equals(id));
            if (next.isEmpty()) {
                journal.remove(unique, slot);
            } else {
                journal.put(unique, slot, List.copyOf(next));
            }
            TypedAttribute use = new TypedAttribute(resourceType, slot.attribute());
            int count = uniqueUse.getOrDefault(use, 0) - 1;
            if (count <= 0) {
                journal.remove(uniqueUse, use);
            } else {
                journal.put(uniqueUse, use, count);
            }
        }
    }

    /** Replaces a group's members, keeping the reverse index in step. */
    void setMembers(String groupId, LinkedHashMap<String, Member> next) {
        Map<String, Member> current = members(groupId);
        for (String gone : current.keySet()) {
            if (!next.containsKey(gone)) {
                leave(gone, groupId);
            }
        }
        for (String added : next.keySet()) {
            if (!current.containsKey(added)) {
                join(added, groupId);
            }
        }
        if (next.isEmpty()) {
            journal.remove(members, groupId);
        } else {
            journal.put(members, groupId, next);
        }
    }

    /** The ids of the groups a resource is a direct member of. */
    Set<String> directGroups(String id) {
        Set<String> groups = memberOf.get(id);
        return groups == null ? Set.of() : groups;
    }

    private void join(String memberId, String groupId) {
        LinkedHashSet<String> next = new LinkedHashSet<>(directGroups(memberId));
        next.add(groupId);
        journal.put(memberOf, memberId, next);
    }

    private void leave(String memberId, String groupId) {
        LinkedHashSet<String> next = new LinkedHashSet<>(directGroups(memberId));
        next.remove(groupId);
        if (next.isEmpty()) {
            journal.remove(memberOf, memberId);
        } else {
            journal.put(memberOf, memberId, next);
        }
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
