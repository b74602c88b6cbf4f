package org.scimengine.jaxrs.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;

/**
 * Where a request goes, from its path segments below the feature's base path.
 *
 * @param type the resource type, for {@link Kind#RESOURCES}, {@link Kind#RESOURCE} and {@link Kind#TYPE_SEARCH}
 * @param name the id, resource type name or schema URN the path ends with, or null
 */
record Route(Kind kind, @Nullable ResourceType type, @Nullable String name) {

    /** The path names the adapter serves besides resource type endpoints, in lower case. */
    static final List<String> RESERVED = List.of(".search", "bulk", "me", "serviceproviderconfig", "resourcetypes",
            "schemas");

    enum Kind {
        RESOURCES("GET, POST"),
        RESOURCE("GET, PUT, PATCH, DELETE"),
        TYPE_SEARCH("POST"),
        ROOT_SEARCH("POST"),
        BULK("POST"),
        ME("GET, POST, PUT, PATCH, DELETE"),
        SERVICE_PROVIDER_CONFIG("GET"),
        RESOURCE_TYPES("GET"),
        RESOURCE_TYPE("GET"),
        SCHEMAS("GET"),
        SCHEMA("GET"),
        NOT_FOUND("");

        private final String allow;

        Kind(String allow) {
            this.allow = allow;
        }

        /** The methods served, as an {@code Allow} header lists them (HEAD and OPTIONS come with GET). */
        String allow() {
            return allow.startsWith("GET") ? allow + ", HEAD, OPTIONS" : allow.isEmpty() ? "" : allow + ", OPTIONS";
        }

        boolean allows(String method) {
            return (", " + allow() + ",").contains(", " + method + ",");
        }

        boolean isDiscovery() {
            return this == SERVICE_PROVIDER_CONFIG || this == RESOURCE_TYPES || this == RESOURCE_TYPE
                    || this == SCHEMAS || this == SCHEMA;
        }
    }

    /**
     * The route of a path, or null if the path is not the adapter's: with no base path, only the names above and
     * the registry's endpoints are; under a base path, everything is.
     *
     * @param segments the decoded path segments below the base path, without a trailing empty one
     */
    static @Nullable Route of(List<String> segments, SchemaRegistry registry, boolean claimAll) {
        if (segments.isEmpty()) {
            return claimAll ? new Route(Kind.NOT_FOUND, null, null) : null;
        }
        String first = segments.get(0);
        int size = segments.size();
        String second = size > 1 ? segments.get(1) : null;
        switch (first.toLowerCase(Locale.ROOT)) {
            case ".search":
                return size == 1 ? new Route(Kind.ROOT_SEARCH, null, null) : notFound();
            case "bulk":
                return size == 1 ? new Route(Kind.BULK, null, null) : notFound();
            case "me":
                return size == 1 ? new Route(Kind.ME, null, null) : notFound();
            case "serviceproviderconfig":
                return size == 1 ? new Route(Kind.SERVICE_PROVIDER_CONFIG, null, null) : notFound();
            case "resourcetypes":
                return size == 1 ? new Route(Kind.RESOURCE_TYPES, null, null)
                        : size == 2 ? new Route(Kind.RESOURCE_TYPE, null, second) : notFound();
            case "schemas":
                return size == 1 ? new Route(Kind.SCHEMAS, null, null)
                        : size == 2 ? new Route(Kind.SCHEMA, null, second) : notFound();
            default:
                break;
        }
        ResourceType type = registry.resourceTypeAtEndpoint("/" + first).orElse(null);
        if (type == null) {
            return claimAll ? notFound() : null;
        }
        if (size == 1) {
            return new Route(Kind.RESOURCES, type, null);
        }
        if (size == 2) {
            return ".search".equals(second) ? new Route(Kind.TYPE_SEARCH, type, null)
                    : new Route(Kind.RESOURCE, type, second);
        }
        return notFound();
    }

    private static Route notFound() {
        return new Route(Kind.NOT_FOUND, null, null);
    }
}
