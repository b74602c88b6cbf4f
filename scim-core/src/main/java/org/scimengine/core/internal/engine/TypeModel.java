package org.scimengine.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.patch.PatchApplier;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.internal.validate.ResourceValidator;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.schema.Uniqueness;
import org.scimengine.core.spi.UniqueValue;
import org.scimengine.filter.FilterParser;

/**
 * What the engine works out once per resource type: its resolver and validator, which attributes must be unique,
 * and whether it has members (a group) or shows the groups it belongs to (a user).
 */
public final class TypeModel {

    /** An attribute whose values must be unique: where to find it and how to compare it. */
    private record UniqueAttribute(String fullName, @Nullable String extension, String name, boolean caseExact,
            boolean global) {
    }

    private final ResourceType type;
    private final AttributeResolver resolver;
    private final ResourceValidator validator;
    private final PatchApplier patcher;
    private final List<UniqueAttribute> unique;
    private final boolean hasMembers;
    private final boolean showsGroups;

    public TypeModel(SchemaRegistry registry, ResourceType type, FilterParser parser, boolean strict,
            boolean canonicalOnly, PasswordHasher hasher, boolean uniqueExternalId) {
        this.type = type;
        this.resolver = new AttributeResolver(registry, type);
        this.validator = new ResourceValidator(registry, type, strict, hasher, canonicalOnly);
        this.patcher = new PatchApplier(registry, type, parser, validator, strict);
        Schema core = resolver.coreSchema();
        List<UniqueAttribute> found = new ArrayList<>();
        collectUnique(core, null, found);
        for (SchemaExtension extension : type.schemaExtensions()) {
            collectUnique(registry.schema(extension.schema()).orElseThrow(), extension.schema(), found);
        }
        if (uniqueExternalId) {
            found.add(new UniqueAttribute("externalId", null, "externalId", true, false));
        }
        this.unique = List.copyOf(found);
        this.hasMembers = isMembership(core.attribute("members"));
        this.showsGroups = isMembership(core.attribute("groups"));
    }

    private static boolean isMembership(Optional<Attribute> attribute) {
        return attribute.isPresent() && attribute.get().multiValued()
                && attribute.get().type() == AttributeType.COMPLEX
                && attribute.get().subAttribute("value").isPresent();
    }

    private static void collectUnique(Schema schema, @Nullable String extension, List<UniqueAttribute> out) {
        for (Attribute attribute : schema.attributes()) {
            if (attribute.uniqueness() == Uniqueness.NONE || attribute.multiValued()
                    || attribute.type() == AttributeType.COMPLEX) {
                continue;
            }
            String fullName = extension == null ? attribute.name() : extension + ":" + attribute.name();
            out.add(new UniqueAttribute(fullName, extension, attribute.name(), attribute.caseExact(),
                    attribute.uniqueness() == Uniqueness.GLOBAL));
        }
    }

    public ResourceType type() {
        return type;
    }

    public AttributeResolver resolver() {
        return resolver;
    }

    public ResourceValidator validator() {
        return validator;
    }

    public PatchApplier patcher() {
        return patcher;
    }

    /** Whether resources of this type have members kept as membership (a group). */
    public boolean hasMembers() {
        return hasMembers;
    }

    /** Whether resources of this type show the groups they belong to (a user). */
    public boolean showsGroups() {
        return showsGroups;
    }

    /** The unique values a resource's attributes hold. */
    public List<UniqueValue> uniqueValues(ObjectNode attributes) {
        List<UniqueValue> values = new ArrayList<>();
        for (UniqueAttribute attribute : unique) {
            JsonNode container = attribute.extension() == null ? attributes : attributes.path(attribute.extension());
            JsonNode value = container.get(attribute.name());
            if (value != null && value.isValueNode() && !value.isNull()) {
                values.add(UniqueValue.of(attribute.fullName(), value.asText(), attribute.caseExact(),
                        attribute.global()));
            }
        }
        return values;
    }
}
