package org.scimengine.core.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group a resource belongs to, the source of a user's read-only {@code groups}.
 *
 * @param groupId the group's id
 * @param display the group's {@code displayName}, or null if it has none
 * @param direct whether the resource is a member of the group itself, rather than of a group nested in it
 * @since 0.1
 */
public record GroupRef(String groupId, @Nullable String display, boolean direct) {

    public GroupRef {
        Objects.requireNonNull(groupId, "groupId");
    }
}
