package org.scimengine.core.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.config.ServiceProviderConfig;

/** The ServiceProviderConfig resource (RFC 7643 §5, RFC 9865 §4) as JSON; absent optional values are left out. */
public final class ConfigJson {

    public static final String SERVICE_PROVIDER_CONFIG_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private ConfigJson() {
    }

    public static String write(ServiceProviderConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("schemas").add(SERVICE_PROVIDER_CONFIG_URN);
        putIfPresent(root, "documentationUri", config.documentationUri());
        root.putObject("patch").put("supported", config.patch());
        root.putObject("bulk").put("supported", config.bulk().supported())
                .put("maxOperations", config.bulk().maxOperations())
                .put("maxPayloadSize", config.bulk().maxPayloadSize());
        root.putObject("filter").put("supported", config.filter().supported())
                .put("maxResults", config.filter().maxResults());
        root.putObject("changePassword").put("supported", config.changePassword());
        root.putObject("sort").put("supported", config.sort());
        root.putObject("etag").put("supported", config.etag());
        ServiceProviderConfig.Pagination pagination = config.pagination();
        ObjectNode paging = root.putObject("pagination").put("cursor", pagination.cursor())
                .put("index", pagination.index())
                .put("defaultPaginationMethod", pagination.defaultMethod().wire())
                .put("defaultPageSize", pagination.defaultPageSize())
                .put("maxPageSize", pagination.maxPageSize());
        if (pagination.cursor()) {
            paging.put("cursorTimeout", pagination.cursorTimeoutSeconds());
        }
        ArrayNode schemes = root.putArray("authenticationSchemes");
        for (ServiceProviderConfig.AuthenticationScheme scheme : config.authenticationSchemes()) {
            ObjectNode node = schemes.addObject().put("type", scheme.type()).put("name", scheme.name())
                    .put("description", scheme.description());
            putIfPresent(node, "specUri", scheme.specUri());
            putIfPresent(node, "documentationUri", scheme.documentationUri());
            node.put("primary", scheme.primary());
        }
        return root.toString();
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
