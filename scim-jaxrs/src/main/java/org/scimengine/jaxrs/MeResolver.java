package org.scimengine.jaxrs;

import java.util.Objects;
import java.util.Optional;

/**
 * Maps the authenticated principal to the resource {@code /Me} stands for (RFC 7644 §3.11). Without one, every
 * {@code /Me} request answers 501 Not Implemented.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MeResolver {

    /**
     * @return the principal's own resource, or empty if it has none (the request then answers 404)
     */
    Optional<Target> resolve(ScimPrincipal principal);

    /**
     * A resource in the principal's tenant.
     *
     * @param resourceType the resource type's name, such as {@code User}
     * @param id the resource's id
     */
    record Target(String resourceType, String id) {

        public Target {
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(id, "id");
        }
    }
}
