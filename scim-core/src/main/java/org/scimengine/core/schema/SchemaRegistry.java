package org.scimengine.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schemas and resource types an engine serves: immutable once built, looked up by URN, name or endpoint
 * ignoring case. The builder rejects a duplicate on the call that adds it, and {@link Builder#build()} rejects
 * a resource type whose schema or extension is not registered.
 *
 * @since 0.1
 */
public final class SchemaRegistry {

    private final Map<String, Schema> schemas;
    private final Map<String, ResourceType> typesByName;
    private final Map<String, ResourceType> typesByEndpoint;
    private final List<Schema> orderedSchemas;
    private final List<ResourceType> orderedTypes;

    private SchemaRegistry(Builder builder) {
        schemas = Map.copyOf(builder.schemas);
        typesByName = Map.copyOf(builder.typesByName);
        typesByEndpoint = Map.copyOf(builder.typesByEndpoint);
        orderedSchemas = List.copyOf(builder.schemas.values());
        orderedTypes = List.copyOf(builder.typesByName.values());
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The registry of RFC 7643 §8: the User, Group and EnterpriseUser schemas, and the User (with the
     * enterprise extension, optional) and Group resource types.
     */
    public static SchemaRegistry standard() {
        return builder().addStandard().build();
    }

    /** The schema with that URN, ignoring case. */
    public Optional<Schema> schema(String urn) {
        return Optional.ofNullable(schemas.get(key(urn)));
    }

    /** Every schema, in the order added. */
    public List<Schema> schemas() {
        return orderedSchemas;
    }

    /** The resource type with that name, ignoring case. */
    public Optional<ResourceType> resourceType(String name) {
        return Optional.ofNullable(typesByName.get(key(name)));
    }

    /** The resource type served at that endpoint ({@code /Users}), ignoring case. */
    public Optional<ResourceType> resourceTypeAtEndpoint(String endpoint) {
        return Optional.ofNullable(typesByEndpoint.get(key(endpoint)));
    }

    /** Every resource type, in the order added. */
    public List<ResourceType> resourceTypes() {
        return orderedTypes;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects schemas and resource types; not thread-safe. */
    public static final class Builder {
        private final Map<String, Schema> schemas = new LinkedHashMap<>();
        private final Map<String, ResourceType> typesByName = new LinkedHashMap<>();
        private final Map<String, ResourceType> typesByEndpoint = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds the standard schemas and resource types of {@link SchemaRegistry#standard()}. */
        public Builder addStandard() {
            addSchema(CoreSchemas.USER);
            addSchema(CoreSchemas.GROUP);
            addSchema(CoreSchemas.ENTERPRISE_USER);
            addResourceType(CoreSchemas.USER_TYPE);
            return addResourceType(CoreSchemas.GROUP_TYPE);
        }

        /**
         * @throws IllegalArgumentException if a schema with the same URN (ignoring case) is already added
         */
        public Builder addSchema(Schema schema) {
            Objects.requireNonNull(schema, "schema");
            if (schemas.putIfAbsent(key(schema.id()), schema) != null) {
                throw new IllegalArgumentException("schema " + schema.id() + " is already registered");
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException if a resource type with the same name or endpoint (ignoring case) is
         *     already added
         */
        public Builder addResourceType(ResourceType type) {
            Objects.requireNonNull(type, "type");
            if (typesByName.containsKey(key(type.name()))) {
                throw new IllegalArgumentException("resource type " + type.name() + " is already registered");
            }
            if (typesByEndpoint.containsKey(key(type.endpoint()))) {
                throw new IllegalArgumentException("endpoint " + type.endpoint() + " already serves resource type "
                        + typesByEndpoint.get(key(type.endpoint())).name());
            }
            typesByName.put(key(type.name()), type);
            typesByEndpoint.put(key(type.endpoint()), type);
            return this;
        }

        /**
         * @throws IllegalArgumentException if a resource type names a schema or extension not added, listing
         *     every such reference
         */
        public SchemaRegistry build() {
            List<String> missing = new ArrayList<>();
            for (ResourceType type : typesByName.values()) {
                if (!schemas.containsKey(key(type.schema()))) {
                    missing.add("resource type " + type.name() + " uses unknown schema " + type.schema());
                }
                for (SchemaExtension extension : type.schemaExtensions()) {
                    if (!schemas.containsKey(key(extension.schema()))) {
                        missing.add("resource type " + type.name() + " uses unknown extension " + extension.schema());
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", missing));
            }
            return new SchemaRegistry(this);
        }
    }
}
