package org.scimengine.core.internal.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.AttributePath;

/**
 * Resolves attribute paths against one resource type (RFC 7644 §3.10), ignoring case. A path without a schema
 * URN names an attribute of the core schema, else a common attribute, else an attribute that exactly one of
 * the extensions defines; with a URN it names an attribute of that schema (the core schema's URN also reaches
 * the common attributes, which some clients qualify).
 */
public final class AttributeResolver {

    private final ResourceType type;
    private final Schema core;
    private final List<Schema> extensions;

    /**
     * @throws IllegalArgumentException if the resource type or one of its schemas is not in the registry
     */
    public AttributeResolver(SchemaRegistry registry, ResourceType type) {
        this.type = type;
        if (!registry.resourceType(type.name()).filter(type::equals).isPresent()) {
            throw new IllegalArgumentException("resource type " + type.name() + " is not the registry's");
        }
        this.core = registry.schema(type.schema()).orElseThrow();
        List<Schema> found = new ArrayList<>();
        for (SchemaExtension extension : type.schemaExtensions()) {
            found.add(registry.schema(extension.schema()).orElseThrow());
        }
        this.extensions = List.copyOf(found);
    }

    public ResourceType resourceType() {
        return type;
    }

    /** The core schema's URN as registered: resources keep extension attributes under other URNs only. */
    public String coreSchemaId() {
        return core.id();
    }

    public Schema coreSchema() {
        return core;
    }

    /** The resource type's extension schemas, in its order. */
    public List<Schema> extensions() {
        return extensions;
    }

    /** Resolves a top-level path such as {@code userName}, {@code emails.type} or {@code urn:...:manager.value}. */
    public ResolvedAttribute resolve(AttributePath path) {
        String urn = path.schemaUrn();
        ResolvedAttribute top = urn == null ? resolveUnqualified(path.name()) : resolveQualified(urn, path);
        String sub = path.subAttribute();
        return sub == null ? top : withSub(top, sub);
    }

    /** Resolves {@code inner}, a path inside a value filter on {@code parent} ({@code type} in {@code emails[type eq "work"]}). */
    public ResolvedAttribute resolveWithin(ResolvedAttribute parent, AttributePath inner) {
        if (inner.schemaUrn() != null) {
            throw new ResolutionException("'" + inner + "' inside a value filter on '" + parent.attribute().name()
                    + "' must name one of its sub-attributes, without a schema URN");
        }
        if (inner.subAttribute() != null) {
            throw new ResolutionException("'" + inner + "': sub-attributes of '" + parent.attribute().name()
                    + "' have no sub-attributes of their own");
        }
        return withSub(parent, inner.name());
    }

    /** The canonical path: schema spelling, and a schema URN only for extension attributes. */
    public AttributePath canonical(ResolvedAttribute resolved) {
        String urn = resolved.isCommon() || core.id().equals(resolved.schemaUrn()) ? null : resolved.schemaUrn();
        Attribute sub = resolved.subAttribute();
        return new AttributePath(urn, resolved.attribute().name(), sub == null ? null : sub.name());
    }

    private ResolvedAttribute resolveUnqualified(String name) {
        Optional<Attribute> inCore = core.attribute(name);
        if (inCore.isPresent()) {
            return new ResolvedAttribute(core.id(), inCore.get(), null);
        }
        Optional<Attribute> common = CoreSchemas.commonAttribute(name);
        if (common.isPresent()) {
            return new ResolvedAttribute(null, common.get(), null);
        }
        List<Schema> defining = extensions.stream().filter(s -> s.attribute(name).isPresent()).toList();
        if (defining.size() == 1) {
            Schema schema = defining.get(0);
            return new ResolvedAttribute(schema.id(), schema.attribute(name).orElseThrow(), null);
        }
        if (defining.size() > 1) {
            throw new ResolutionException("'" + name + "' is ambiguous for resource type " + type.name()
                    + ": qualify it with one of " + defining.stream().map(Schema::id).collect(Collectors.joining(", ")));
        }
        throw new ResolutionException("unknown attribute '" + name + "' for resource type " + type.name());
    }

    private ResolvedAttribute resolveQualified(String urn, AttributePath path) {
        Schema schema = schemaOfType(urn).orElseThrow(() -> {
            if (schemaOfType(urn + ":" + path.name()).isPresent()) {
                return new ResolutionException("'" + path.fullText() + "' is a schema, not an attribute");
            }
            return new ResolutionException("schema '" + urn + "' is not one of resource type " + type.name() + "'s");
        });
        Optional<Attribute> attribute = schema.attribute(path.name());
        if (attribute.isPresent()) {
            return new ResolvedAttribute(schema.id(), attribute.get(), null);
        }
        if (schema == core) {
            Optional<Attribute> common = CoreSchemas.commonAttribute(path.name());
            if (common.isPresent()) {
                return new ResolvedAttribute(null, common.get(), null);
            }
        }
        throw new ResolutionException("unknown attribute '" + path.name() + "' in schema " + schema.id());
    }

    private Optional<Schema> schemaOfType(String urn) {
        if (core.id().equalsIgnoreCase(urn)) {
            return Optional.of(core);
        }
        return extensions.stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
    }

    private static ResolvedAttribute withSub(ResolvedAttribute parent, String sub) {
        Attribute attribute = parent.attribute();
        if (parent.subAttribute() != null) {
            throw new ResolutionException("'" + attribute.name() + "." + parent.subAttribute().name()
                    + "' has no sub-attributes");
        }
        if (attribute.type() != AttributeType.COMPLEX) {
            throw new ResolutionException("'" + attribute.name() + "' is " + attribute.type().wire()
                    + " and has no sub-attributes");
        }
        Attribute subAttribute = attribute.subAttribute(sub).orElseThrow(() -> new ResolutionException(
                "unknown sub-attribute '" + sub + "' of '" + attribute.name() + "'"));
        return new ResolvedAttribute(parent.schemaUrn(), attribute, subAttribute);
    }
}
