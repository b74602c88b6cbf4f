package org.scimengine.core.filter;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;

/**
 * An attribute path resolved against a resource type: the schema it belongs to, the top-level attribute and,
 * for {@code emails.type} or {@code type} inside {@code emails[...]}, the sub-attribute.
 *
 * @param schemaUrn the schema's URN, or null for a common attribute ({@code id}, {@code externalId},
 *     {@code meta}, {@code schemas})
 * @param attribute the top-level attribute
 * @param subAttribute the sub-attribute, or null
 * @since 0.1
 */
public record ResolvedAttribute(@Nullable String schemaUrn, Attribute attribute, @Nullable Attribute subAttribute) {

    /**
     * @throws IllegalArgumentException if a sub-attribute is given for an attribute that is not complex
     */
    public ResolvedAttribute {
        Objects.requireNonNull(attribute, "attribute");
        if (subAttribute != null && attribute.type() != AttributeType.COMPLEX) {
            throw new IllegalArgumentException(attribute.name() + " is not complex");
        }
    }

    /** The definition the path ends at: the sub-attribute if there is one, else the attribute. */
    public Attribute leaf() {
        return subAttribute != null ? subAttribute : attribute;
    }

    /** Whether this is a common attribute rather than one of a schema's. */
    public boolean isCommon() {
        return schemaUrn == null;
    }
}
