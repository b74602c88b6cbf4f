package org.scimengine.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who asks and where: every engine call carries one.
 *
 * @param tenant the tenant (account) whose resources the call sees; tenants never see each other's
 * @param baseUrl the SCIM base URL the client used, such as {@code https://example.com/scim/v2}, from which
 *     {@code meta.location} and {@code $ref} values are built; a trailing {@code /} is dropped
 * @param principal who is calling, for the host's own use (logs, audit), or null
 * @since 0.1
 */
public record RequestContext(String tenant, String baseUrl, @Nullable String principal) {

    public RequestContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("the tenant must not be empty");
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** A context for a tenant, with no principal. */
    public static RequestContext of(String tenant, String baseUrl) {
        return new RequestContext(tenant, baseUrl, null);
    }
}
