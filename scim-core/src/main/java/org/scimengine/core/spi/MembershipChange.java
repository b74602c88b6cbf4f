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
 * @since 0.1
 */
public record MembershipChange(ResourceKey group, boolean removeAll, Set<String> remove, List<Member> add,
        @Nullable Long expectedVersion, Instant now) {

    public MembershipChange {
        Objects.requireNonNull(group, "group");
        remove = Set.copyOf(remove);
        add = List.copyOf(add);
        Objects.requireNonNull(now, "now");
    }

    /** Whether the change changes nothing at all. */
    public boolean isEmpty() {
        return !removeAll && remove.isEmpty() && add.isEmpty();
    }
}
