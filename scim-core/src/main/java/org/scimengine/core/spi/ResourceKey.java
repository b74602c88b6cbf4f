package org.scimengine.core.spi;

import java.util.Objects;

/**
 * Names one resource of one tenant.
 *
 * @param tenant the tenant (account) the resource belongs to; tenants never see each other's resources
 * @param resourceType the resource type's name, such as {@code User}
 * @param id the resource's id
 * @since 0.1
 */
public record ResourceKey(String tenant, String resourceType, String id) {

    public ResourceKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(id, "id");
    }
}
