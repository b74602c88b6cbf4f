package org.scimengine.core.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.internal.value.DateTimes;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.Mutability;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.SchemaRegistry;

/**
 * Checks a resource a client sends to create or replace, and returns it normalised: attribute names in their
 * schema's spelling, extension attributes under their schema's canonical URN, {@code schemas} listing exactly
 * the core schema and the extensions present, server-owned and read-only input dropped, absent values (null,
 * empty arrays and objects) dropped, and values otherwise exactly as sent. Two coercions serve identity
 * providers: {@code "True"}/{@code "False"} strings become booleans, and a plain string given for a complex
 * attribute with a {@code value} sub-attribute (Entra ID's {@code manager}) becomes {@code {"value": ...}}.
 *
 * <p>Errors are 400s: {@code invalidSyntax} for what does not belong (an unknown attribute in strict mode, a
 * missing schema URN in strict mode, JSON of the wrong shape), {@code invalidValue} for a value that does not
 * fit its attribute or a missing required one, {@code mutability} for a change to an immutable value.
 */
public final class ResourceValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SERVER_OWNED = Set.of("id", "meta");

    private final ResourceType type;
    private final Schema core;
    /** The type's extensions by lower-cased URN. */
    private final Map<String, Schema> extensions;
    private final boolean strict;
    private final PasswordHasher hasher;

    /**
     * @param strict whether unknown attributes and unlisted schemas are errors (else dropped and inferred)
     * @param hasher hashes write-only values, which are kept only as hashes
     */
    public ResourceValidator(SchemaRegistry registry, ResourceType type, boolean strict, PasswordHasher hasher) {
        this.type = Objects.requireNonNull(type, "type");
        this.core = registry.schema(type.schema()).orElseThrow();
        Map<String, Schema> byUrn = new LinkedHashMap<>();
        for (SchemaExtension extension : type.schemaExtensions()) {
            Schema schema = registry.schema(extension.schema()).orElseThrow();
            byUrn.put(schema.id().toLowerCase(Locale.ROOT), schema);
        }
        this.extensions = Map.copyOf(byUrn);
        this.strict = strict;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** Validates a resource to create. */
    public ObjectNode forCreate(JsonNode body) {
        return normalise(body, null);
    }

    /**
     * Validates a replacement (PUT) of {@code existing}, the stored, normalised resource: immutable values it
     * holds must come back unchanged or not at all, and write-only values the body leaves out are kept (a client
     * that pushes a whole profile cannot send back a password it can never read).
     */
    public ObjectNode forReplace(JsonNode body, JsonNode existing) {
        return normalise(body, Objects.requireNonNull(existing, "existing"));
    }

    private ObjectNode normalise(JsonNode body, @Nullable JsonNode existing) {
        if (body == null || !body.isObject()) {
            throw BadRequestException.invalidSyntax("the request body must be a JSON object");
        }
        Set<String> listed = listedSchemas(fieldIgnoringCase(body, "schemas"));
        ObjectNode out = NODES.objectNode();
        ArrayNode schemas = out.putArray("schemas");
        // A set: a body may name one extension twice, in different case; the later one wins, listed once.
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas") || SERVER_OWNED.contains(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Schema extension = extensions.get(key.toLowerCase(Locale.ROOT));
            if (extension != null) {
                ObjectNode attributes = extensionObject(extension, field.getValue());
                if (!attributes.isEmpty()) {
                    out.set(extension.id(), attributes);
                    used.add(extension.id());
                }
                continue;
            }
            Optional<Attribute> attribute = core.attribute(key).or(() -> commonWritable(key));
            if (attribute.isEmpty()) {
                unknown("'" + key + "' is not an attribute of resource type " + type.name());
                continue;
            }
            put(out, attribute.get(), field.getValue(), attribute.get().name());
        }
        requireSchemasListed(listed, used);
        schemas.add(core.id());
        used.forEach(schemas::add);
        requireRequired(out);
        if (existing != null) {
            keepWriteOnly(core.attributes(), existing, out);
            for (String urn : used) {
                keepWriteOnly(extensions.get(urn.toLowerCase(Locale.ROOT)).attributes(), existing.get(urn),
                        (ObjectNode) out.get(urn));
            }
            requireImmutablesKept(core.attributes(), existing, out, "");
            for (Schema extension : extensions.values()) {
                JsonNode before = existing.get(extension.id());
                if (before != null) {
                    JsonNode after = out.get(extension.id());
                    requireImmutablesKept(extension.attributes(), before,
                            after == null ? NODES.objectNode() : after, extension.id() + ":");
                }
            }
        }
        return out;
    }

    /** Attribute names are case-insensitive (RFC 7643 §2.1), {@code schemas} included. */
    private static @Nullable JsonNode fieldIgnoringCase(JsonNode body, String name) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** {@code externalId}: the one common attribute a client writes. */
    private static Optional<Attribute> commonWritable(String key) {
        return CoreSchemas.commonAttribute(key).filter(a -> a.name().equals("externalId"));
    }

    private Set<String> listedSchemas(@Nullable JsonNode schemas) {
        Set<String> listed = new LinkedHashSet<>();
        if (schemas == null || schemas.isNull()) {
            return listed;
        }
        if (!schemas.isArray()) {
            throw BadRequestException.invalidSyntax("'schemas' must be an array of schema URIs");
        }
        for (JsonNode urn : schemas) {
            if (!urn.isTextual()) {
                throw BadRequestException.invalidSyntax("'schemas' must hold only strings, had " + urn);
            }
            // URIs of schemas this type does not have (Entra adds a Microsoft one to groups) carry no data: ignored.
            listed.add(urn.textValue().toLowerCase(Locale.ROOT));
        }
        return listed;
    }

    private void requireSchemasListed(Set<String> listed, Set<String> used) {
        if (!strict) {
            return;
        }
        if (!listed.contains(core.id().toLowerCase(Locale.ROOT))) {
            throw BadRequestException.invalidSyntax("'schemas' must include " + core.id());
        }
        for (String urn : used) {
            if (!listed.contains(urn.toLowerCase(Locale.ROOT))) {
                throw BadRequestException.invalidSyntax("'schemas' must include " + urn
                        + ", whose attributes the resource carries");
            }
        }
    }

    private ObjectNode extensionObject(Schema extension, JsonNode value) {
        ObjectNode out = NODES.objectNode();
        if (value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            throw BadRequestException.invalidSyntax("'" + extension.id() + "' must be an object of its attributes");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            Optional<Attribute> attribute = extension.attribute(field.getKey());
            if (attribute.isEmpty()) {
                unknown("'" + field.getKey() + "' is not an attribute of " + extension.id());
                continue;
            }
            put(out, attribute.get(), field.getValue(), extension.id() + ":" + attribute.get().name());
        }
        return out;
    }

    /** Puts the normalised value of one attribute, or nothing when it is read-only or absent. */
    private void put(ObjectNode out, Attribute attribute, JsonNode value, String path) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return;
        }
        JsonNode normalised = attribute.multiValued() ? multiValue(attribute, value, path) : singleValue(attribute, value, path);
        if (normalised != null) {
            out.set(attribute.name(), normalised);
        }
    }

    private @Nullable JsonNode multiValue(Attribute attribute, JsonNode value, String path) {
        if (value.isNull()) {
            return null;
        }
        // A single value where an array belongs is read as an array of one.
        JsonNode values = value.isArray() ? value : NODES.arrayNode().add(value);
        ArrayNode out = NODES.arrayNode();
        int primaries = 0;
        for (JsonNode element : values) {
            JsonNode normalised = singleValue(attribute, element, path);
            if (normalised != null) {
                out.add(normalised);
                JsonNode primary = normalised.get("primary");
                if (primary != null && primary.asBoolean(false)) {
                    primaries++;
                }
            }
        }
        if (primaries > 1) {
            throw BadRequestException.invalidValue("at most one value of '" + path + "' may be primary, "
                    + primaries + " are");
        }
        return out.isEmpty() ? null : out;
    }

    private @Nullable JsonNode singleValue(Attribute attribute, JsonNode value, String path) {
        if (value.isNull()) {
            return null;
        }
        return switch (attribute.type()) {
            case COMPLEX -> complexValue(attribute, value, path);
            case STRING, REFERENCE -> {
                requireText(value, path, "a string");
                yield attribute.mutability() == Mutability.WRITE_ONLY
                        ? NODES.textNode(hasher.hash(value.textValue()))
                        : value;
            }
            case BINARY -> {
                requireText(value, path, "a base64 string");
                try {
                    Base64.getDecoder().decode(value.textValue());
                } catch (IllegalArgumentException e) {
                    throw BadRequestException.invalidValue("'" + path + "' must be base64: " + e.getMessage());
                }
                yield value;
            }
            case BOOLEAN -> booleanValue(value, path);
            case INTEGER -> {
                if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value))) {
                    throw BadRequestException.invalidValue("'" + path + "' must be an integer, was " + value);
                }
                yield value;
            }
            case DECIMAL -> {
                if (!value.isNumber()) {
                    throw BadRequestException.invalidValue("'" + path + "' must be a number, was " + value);
                }
                yield value;
            }
            case DATE_TIME -> {
                if (!value.isTextual() || DateTimes.parse(value.textValue()).isEmpty()) {
                    throw BadRequestException.invalidValue("'" + path + "' must be an xsd:dateTime such as"
                            + " \"2011-05-13T04:42:34Z\", was " + value);
                }
                yield value;
            }
        };
    }

    private @Nullable JsonNode complexValue(Attribute attribute, JsonNode value, String path) {
        if (value.isTextual() && attribute.subAttribute("value").isPresent()) {
            // Entra ID sends manager as a plain id: read it as {"value": id}.
            value = NODES.objectNode().set("value", value);
        }
        if (!value.isObject()) {
            throw BadRequestException.invalidValue("'" + path + "' must be an object of its sub-attributes, was "
                    + value);
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            Optional<Attribute> sub = attribute.subAttribute(field.getKey());
            if (sub.isEmpty()) {
                unknown("'" + field.getKey() + "' is not a sub-attribute of '" + path + "'");
                continue;
            }
            put(out, sub.get(), field.getValue(), path + "." + sub.get().name());
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Attribute sub : attribute.subAttributes()) {
            if (sub.required() && sub.mutability() != Mutability.READ_ONLY && !out.has(sub.name())) {
                throw BadRequestException.invalidValue("'" + path + "." + sub.name() + "' is required");
            }
        }
        return out;
    }

    private static JsonNode booleanValue(JsonNode value, String path) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.textValue().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return NODES.booleanNode(text.equals("true"));
            }
        }
        throw BadRequestException.invalidValue("'" + path + "' must be true or false, was " + value);
    }

    private static boolean isWhole(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    private static void requireText(JsonNode value, String path, String what) {
        if (!value.isTextual()) {
            throw BadRequestException.invalidValue("'" + path + "' must be " + what + ", was " + value);
        }
    }

    private void unknown(String message) {
        if (strict) {
            throw BadRequestException.invalidSyntax(message);
        }
    }

    private void requireRequired(ObjectNode out) {
        for (Attribute attribute : core.attributes()) {
            if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY && !out.has(attribute.name())) {
                throw BadRequestException.invalidValue("'" + attribute.name() + "' is required");
            }
        }
        for (SchemaExtension extension : type.schemaExtensions()) {
            Schema schema = extensions.get(extension.schema().toLowerCase(Locale.ROOT));
            JsonNode values = out.get(schema.id());
            if (extension.required() && values == null) {
                throw BadRequestException.invalidValue("extension " + schema.id() + " is required for resource type "
                        + type.name());
            }
            if (values != null) {
                for (Attribute attribute : schema.attributes()) {
                    if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY
                            && !values.has(attribute.name())) {
                        throw BadRequestException.invalidValue("'" + schema.id() + ":" + attribute.name()
                                + "' is required");
                    }
                }
            }
        }
    }

    private static void keepWriteOnly(List<Attribute> attributes, @Nullable JsonNode before, @Nullable ObjectNode after) {
        if (before == null || after == null) {
            return;
        }
        for (Attribute attribute : attributes) {
            if (attribute.mutability() == Mutability.WRITE_ONLY && !after.has(attribute.name())
                    && before.has(attribute.name())) {
                after.set(attribute.name(), before.get(attribute.name()));
            }
        }
    }

    /** An immutable value, once set, must come back unchanged or not at all (RFC 7643 §7, RFC 7644 §3.5.1). */
    private static void requireImmutablesKept(List<Attribute> attributes, JsonNode before, JsonNode after,
            String prefix) {
        for (Attribute attribute : attributes) {
            if (attribute.mutability() != Mutability.IMMUTABLE) {
                continue;
            }
            JsonNode old = before.get(attribute.name());
            JsonNode now = after.get(attribute.name());
            if (old != null && now != null && !old.equals(now)) {
                throw BadRequestException.mutability("'" + prefix + attribute.name() + "' is immutable: it cannot"
                        + " change from " + old + " to " + now);
            }
        }
    }
}
