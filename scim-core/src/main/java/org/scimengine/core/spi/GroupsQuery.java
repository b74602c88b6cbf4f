package org.scimengine.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Asks for the groups each of several resources belongs to, directly or through nested groups: one call for a
 * whole page of users.
 *
 * @param tenant the tenant
 * @param memberIds the ids of the resources
 * @since 0.1
 */
public record GroupsQuery(String tenant, List<String> memberIds) {

    public GroupsQuery {
        Objects.requireNonNull(tenant, "tenant");
        memberIds = List.copyOf(memberIds);
    }
}
