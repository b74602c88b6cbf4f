package org.scimengine.jaxrs;

import java.util.Locale;

/**
 * What a request does to a resource type, as an {@link ScimAuthorizer} sees it.
 *
 * @since 0.1
 */
public enum ScimAction {
    /** GET of a resource or a list, {@code POST .search}. */
    READ("read"),
    /** POST (create), PUT and PATCH, also inside a Bulk request. */
    WRITE("write"),
    /** DELETE, also inside a Bulk request. */
    DELETE("delete");

    private final String word;

    ScimAction(String word) {
        this.word = word;
    }

    /**
     * The scope that permits this action on an endpoint: the endpoint without its {@code /}, in lower case, a
     * colon and the action, such as {@code users:read} for {@code /Users}.
     */
    public String scopeFor(String endpoint) {
        String name = endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
        return name.toLowerCase(Locale.ROOT) + ":" + word;
    }
}
