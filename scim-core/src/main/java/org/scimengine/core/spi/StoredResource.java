package org.scimengine.core.spi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resource as a store keeps it.
 *
 * <p>{@code attributes} is the client-writable part of the resource as the engine normalised it: {@code schemas},
 * {@code externalId} and every schema attribute, but never {@code id}, {@code meta}, a group's {@code members}
 * (kept as membership) or a user's {@code groups} (derived from membership). A store copies the node on the way
 * in and hands out a copy on the way out, so neither side can change what the other holds.
 *
 * @param resourceType the name of its resource type, such as {@code User}
 * @param id the server-assigned id, unique within the tenant across resource types
 * @param version a number the store increases on every write to the resource, membership changes included
 * @param created when it was created
 * @param lastModified when it was last written
 * @param attributes the stored attributes
 * @since 0.1
 */
public record StoredResource(String resourceType, String id, long version, Instant created, Instant lastModified,
        ObjectNode attributes) {

    public StoredResource {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** The version as the weak entity tag that is {@code meta.version} and the HTTP {@code ETag}. */
    public String etag() {
        return etag(version);
    }

    /** The weak entity tag of a version number: {@code W/"3"}. */
    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * The resource as filters and sorting see it: a copy of its attributes with {@code id}, {@code meta}
     * ({@code resourceType}, {@code created}, {@code lastModified}, {@code version}; no {@code location}, which
     * depends on the request) and, when given, {@code members} ({@code value}, {@code type}, {@code display}) and
     * {@code groups} ({@code value}, {@code display}, {@code type} {@code direct} or {@code indirect}). A store
     * that evaluates {@link org.scimengine.core.filter.ResolvedFilter#matches} in memory evaluates it on this.
     *
     * @param members the group's members, or null for a resource that has none
     * @param groups the groups the resource belongs to, or null when its type shows none
     */
    public ObjectNode view(@Nullable List<Member> members, @Nullable List<GroupRef> groups) {
        ObjectNode view = attributes.objectNode();
        view.put("id", id);
        view.setAll(attributes.deepCopy());
        ObjectNode meta = view.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("version", etag());
        if (members != null && !members.isEmpty()) {
            ArrayNode array = view.putArray("members");
            for (Member member : members) {
                ObjectNode element = array.addObject().put("value", member.id());
                putIfPresent(element, "type", member.type());
                putIfPresent(element, "display", member.display());
            }
        }
        if (groups != null && !groups.isEmpty()) {
            ArrayNode array = view.putArray("groups");
            for (GroupRef group : groups) {
                ObjectNode element = array.addObject().put("value", group.groupId());
                putIfPresent(element, "display", group.display());
                element.put("type", group.direct() ? "direct" : "indirect");
            }
        }
        return view;
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
