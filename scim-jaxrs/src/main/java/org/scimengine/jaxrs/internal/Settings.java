package org.scimengine.jaxrs.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.jaxrs.MeResolver;
import org.scimengine.jaxrs.ScimAuthenticator;
import org.scimengine.jaxrs.ScimAuthorizer;

/**
 * A feature's frozen configuration.
 *
 * @param noContentOnPatch resource type names, in lower case, whose PATCH answers 204
 * @param basePath the path segments under the application's base URI where the feature serves; empty for the root
 * @throws IllegalStateException if a resource type's endpoint is one of the adapter's own paths
 */
public record Settings(ScimEngine engine, ScimAuthenticator authenticator, ScimAuthorizer authorizer,
        @Nullable MeResolver meResolver, Set<String> noContentOnPatch, int maxRequestBodySize,
        List<String> basePath) {

    public Settings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authorizer, "authorizer");
        noContentOnPatch = Set.copyOf(noContentOnPatch);
        basePath = List.copyOf(basePath);
        for (ResourceType type : engine.registry().resourceTypes()) {
            if (Route.RESERVED.contains(key(type.endpoint().substring(1)))) {
                throw new IllegalStateException("resource type " + type.name() + " is served at " + type.endpoint()
                        + ", which is one of SCIM's own endpoints");
            }
        }
    }

    /** A resource type name as {@link #noContentOnPatch()} holds it. */
    public static String key(String resourceTypeName) {
        return resourceTypeName.toLowerCase(Locale.ROOT);
    }
}
