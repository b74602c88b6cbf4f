package org.scimengine.core.schema;

import java.util.Objects;

/**
 * A schema extension of a resource type (RFC 7643 §6, {@code schemaExtensions}).
 *
 * @param schema the extension schema's URN
 * @param required whether every resource of the type must carry the extension
 * @since 0.1
 */
public record SchemaExtension(String schema, boolean required) {

    public SchemaExtension {
        Objects.requireNonNull(schema, "schema");
    }
}
