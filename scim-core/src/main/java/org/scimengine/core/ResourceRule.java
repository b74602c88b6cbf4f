package org.scimengine.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scimengine.core.error.ScimException;
import org.scimengine.core.schema.ResourceType;

/**
 * A host's own rule for resources about to be stored, beyond what the schemas say: a {@code userName} that must
 * be an email address, a generated value filled in when absent. The engine runs every rule after validating a
 * create, replace or patch and before storing it. Rules run outside the store's unit of work, so a slow rule
 * holds no lock; a rule may run twice for one request when the resource changed meanwhile, so it must not
 * have side effects beyond the attributes it is given.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ResourceRule {

    /**
     * Checks, and may complete, a resource.
     *
     * @param type the resource's type
     * @param attributes the validated attributes about to be stored (no {@code id}, {@code meta} or
     *     {@code members}); a rule may add or change values, and must then keep {@code schemas} listing every
     *     extension it fills in
     * @throws ScimException (usually a {@link org.scimengine.core.error.BadRequestException}) to refuse the write
     */
    void apply(ResourceType type, ObjectNode attributes);
}
