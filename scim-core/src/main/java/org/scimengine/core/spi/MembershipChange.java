package org.scimengine.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Asks a store to change a group's members, in this order: remove them all if {@code removeAll}, remove those
 * in {@code remove}, add those in {@code add}. Adding a member already present changes nothing; removing one
 * absent changes nothing. The group's version increases once if anything changed.
 *
 * @param group the group
 * @param removeAll whether to start by removing every member (a replace of the whole member list)
 * @param remove ids of members to remove
 * @param add members to add; each must be an existing resource of the tenant, and no group may end up
 *     containing itself, directly or through nesting
 * @param expectedVersion the version the group must still have, or null
 * @param now the modification time
 * @param memberTypes the resource type names a member may have ({@code User}, {@code Group}); a member of
 *     another type is a 400 {@code invalidValue}; empty allows any type
 * @since 0.1
 */
public record MembershipChange(ResourceKey group, boolean removeAll, Set<String> remove, List<Member> add,
        @Nullable Long expectedVersion, Instant now, Set<String> memberTypes) {

    public MembershipChange {
        Objects.requireNonNull(group, "group");
        remove = Set.copyOf(remove);
        add = List.copyOf(add);
        Objects.requireNonNull(now, "now");
        memberTypes = Set.copyOf(memberTypes);
    }

    /** A change that lets a resource of any type be a member. */
    public MembershipChange(ResourceKey group, boolean removeAll, Set<String> remove, List<Member> add,
            @Nullable Long expectedVersion, Instant now) {
        this(group, removeAll, remove, add, expectedVersion, now, Set.of());
    }

    /** Whether the change changes nothing at all. */
    public boolean isEmpty() {
        return !removeAll && remove.isEmpty() && add.isEmpty();
    }
}
