package org.scimengine.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.StoredResource;

/**
 * Turns a stored resource into its full SCIM representation: {@code schemas}, {@code id}, {@code externalId},
 * the attributes, members and groups with their {@code $ref}, and {@code meta} last, with its location. The
 * projection then narrows it.
 */
public final class Renderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaRegistry registry;
    /** The endpoint of the resource type groups are: where a user's {@code groups.$ref} points. */
    private final @Nullable String groupEndpoint;

    public Renderer(SchemaRegistry registry, @Nullable String groupEndpoint) {
        this.registry = registry;
        this.groupEndpoint = groupEndpoint;
    }

    public static String location(String baseUrl, ResourceType type, String id) {
        return baseUrl + type.endpoint() + "/" + id;
    }

    public ObjectNode render(String baseUrl, ResourceType type, StoredResource stored, @Nullable List<Member> members,
            @Nullable List<GroupRef> groups) {
        ObjectNode attributes = stored.attributes();
        ObjectNode out = NODES.objectNode();
        JsonNode schemas = attributes.get("schemas");
        if (schemas != null) {
            out.set("schemas", schemas);
        }
        out.put("id", stored.id());
        JsonNode externalId = attributes.get("externalId");
        if (externalId != null) {
            out.set("externalId", externalId);
        }
        for (Map.Entry<String, JsonNode> field : attributes.properties()) {
            if (!field.getKey().equals("schemas") && !field.getKey().equals("externalId")) {
                out.set(field.getKey(), field.getValue());
            }
        }
        if (members != null && !members.isEmpty()) {
            ArrayNode array = out.putArray("members");
            for (Member member : members) {
                ObjectNode element = array.addObject().put("value", member.id());
                String memberType = member.type();
                if (memberType != null) {
                    registry.resourceType(memberType).ifPresent(t ->
                            element.put("$ref", location(baseUrl, t, member.id())));
                    element.put("type", memberType);
                }
                if (member.display() != null) {
                    element.put("display", member.display());
                }
            }
        }
        if (groups != null && !groups.isEmpty()) {
            ArrayNode array = out.putArray("groups");
            for (GroupRef group : groups) {
                ObjectNode element = array.addObject().put("value", group.groupId());
                if (groupEndpoint != null) {
                    element.put("$ref", baseUrl + groupEndpoint + "/" + group.groupId());
                }
                if (group.display() != null) {
                    element.put("display", group.display());
                }
                element.put("type", group.direct() ? "direct" : "indirect");
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", type.name());
        meta.put("created", stored.created().toString());
        meta.put("lastModified", stored.lastModified().toString());
        meta.put("location", location(baseUrl, type, stored.id()));
        meta.put("version", stored.etag());
        return out;
    }
}
