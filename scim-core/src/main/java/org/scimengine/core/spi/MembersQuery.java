package org.scimengine.core.spi;

import java.util.Objects;

/**
 * Asks for one page of a group's direct members, in the order they were added.
 *
 * @param group the group
 * @param offset how many members to skip, from 0
 * @param count the most members to return
 * @since 0.1
 */
public record MembersQuery(ResourceKey group, int offset, int count) {

    public MembersQuery {
        Objects.requireNonNull(group, "group");
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count must not be negative, were " + offset + ", " + count);
        }
    }
}
