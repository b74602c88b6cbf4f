package org.scimengine.core.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One member of a group.
 *
 * @param id the member resource's id
 * @param type the member's resource type name ({@code User}, {@code Group}); a store ignores it on input and
 *     always fills it in on output from the member it found
 * @param display the human-readable name the client gave, or null
 * @since 0.1
 */
public record Member(String id, @Nullable String type, @Nullable String display) {

    public Member {
        Objects.requireNonNull(id, "id");
    }

    /** A member to add, known only by id. */
    public static Member of(String id) {
        return new Member(id, null, null);
    }
}
