package org.scimengine.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scimengine.core.internal.json.SchemaJson;

/**
 * A resource type (RFC 7643 §6): a name, the endpoint it is served at, its core schema and its schema
 * extensions.
 *
 * @param name the name, which is also its id, for example {@code User}
 * @param endpoint the endpoint relative to the base URL, starting with {@code /}, for example {@code /Users}
 * @param description a human-readable description; may be empty
 * @param schema the core schema's URN
 * @param schemaExtensions the extensions, each optional or required
 * @since 0.1
 */
public record ResourceType(
        String name, String endpoint, String description, String schema, List<SchemaExtension> schemaExtensions) {

    /**
     * @throws IllegalArgumentException if the name is blank, the endpoint does not start with {@code /} or
     *     has no name after it, or an extension is listed twice or repeats the core schema
     */
    public ResourceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        schemaExtensions = List.copyOf(schemaExtensions);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a resource type needs a name");
        }
        if (endpoint.length() < 2 || endpoint.charAt(0) != '/' || endpoint.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("resource type " + name + ": the endpoint must be one path segment "
                    + "after '/', like /Users, was '" + endpoint + "'");
        }
        for (int i = 0; i < schemaExtensions.size(); i++) {
            String urn = schemaExtensions.get(i).schema();
            if (urn.equalsIgnoreCase(schema)) {
                throw new IllegalArgumentException("resource type " + name + " lists its core schema as an extension");
            }
            for (int j = 0; j < i; j++) {
                if (schemaExtensions.get(j).schema().equalsIgnoreCase(urn)) {
                    throw new IllegalArgumentException("resource type " + name + " lists extension " + urn + " twice");
                }
            }
        }
    }

    /**
     * Reads a resource type from its RFC 7643 §6 JSON representation.
     *
     * @throws IllegalArgumentException if the JSON is malformed or describes an invalid resource type
     */
    public static ResourceType fromJson(String json) {
        return SchemaJson.readResourceType(json);
    }

    /** The extension with that URN, ignoring case. */
    public Optional<SchemaExtension> extension(String urn) {
        return schemaExtensions.stream().filter(e -> e.schema().equalsIgnoreCase(urn)).findFirst();
    }

    /** This resource type in its RFC 7643 §6 JSON representation, without {@code meta}. */
    public String toJson() {
        return SchemaJson.writeResourceType(this);
    }
}
