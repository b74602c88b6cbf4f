package org.scimengine.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scimengine.core.internal.json.SchemaJson;

/**
 * A schema (RFC 7643 §7): its URN and its attributes. The common attributes {@code id}, {@code externalId}
 * and {@code meta} (RFC 7643 §3.1) belong to every resource and are not listed in any schema.
 *
 * @param id the schema URN, for example {@code urn:ietf:params:scim:schemas:core:2.0:User}
 * @param name a human-readable name, for example {@code User}
 * @param description a human-readable description; may be empty
 * @param attributes the attributes, in document order
 * @since 0.1
 */
public record Schema(String id, String name, String description, List<Attribute> attributes) {

    /**
     * @throws IllegalArgumentException if the id is blank or two attributes share a name (ignoring case)
     */
    public Schema {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
        if (id.isBlank()) {
            throw new IllegalArgumentException("a schema needs an id (its URN)");
        }
        Attribute.requireUniqueNames(attributes, "schema " + id);
    }

    /**
     * Reads a schema from its RFC 7643 §7 JSON representation (as {@code /Schemas} serves it). Missing
     * characteristics take the defaults of RFC 7643 §2.2.
     *
     * @param json one schema object
     * @return the schema
     * @throws IllegalArgumentException if the JSON is malformed or describes an invalid schema; the message
     *     names the attribute at fault
     */
    public static Schema fromJson(String json) {
        return SchemaJson.readSchema(json);
    }

    /** The attribute of that name, ignoring case. */
    public Optional<Attribute> attribute(String attributeName) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** This schema in its RFC 7643 §7 JSON representation, without {@code meta}. */
    public String toJson() {
        return SchemaJson.writeSchema(this);
    }
}
