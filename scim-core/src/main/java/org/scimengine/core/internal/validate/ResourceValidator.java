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
 * fit its attribute or a missing required one, {@code mutability} for a change to an immutable value (and, after
 * a PATCH, for a required value removed).
 *
 * <p>PATCH uses it twice: {@link #patchValue}/{@link #patchValues} normalise (and hash) each value an operation
 * writes, and {@link #forPatch} checks the whole result without hashing again.
 */
public final class ResourceValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SERVER_OWNED = Set.of("id", "meta");

    private final ResourceType type;
    private final Schema core;
    /** The type's extensions by lower-cased URN. */
    private final Map<String, Schema> extensions;
    private final boolean strict;
    private final boolean canonicalOnly;
    private final PasswordHasher hasher;

    /** What a pass over a body does besides normalising. */
    private enum Mode {
        /** A create or a replacement: write-only values are hashed, schemas must be listed (strict mode). */
        BODY(true, true),
        /** A value a PATCH operation writes: hashed, but sub-attributes it leaves out may already be there. */
        PATCH_VALUE(true, false),
        /** The result of a PATCH: every value was normalised when written; stored hashes are not hashed again. */
        PATCH_RESULT(false, true);

        final boolean hashWriteOnly;
        final boolean requireSubAttributes;

        Mode(boolean hashWriteOnly, boolean requireSubAttributes) {
            this.hashWriteOnly = hashWriteOnly;
            this.requireSubAttributes = requireSubAttributes;
        }
    }

    /**
     * @param strict whether unknown attributes and unlisted schemas are errors (else dropped and inferred)
     * @param hasher hashes write-only values, which are kept only as hashes
     */
    public ResourceValidator(SchemaRegistry registry, ResourceType type, boolean strict, PasswordHasher hasher) {
        this(registry, type, strict, hasher, false);
    }

    /**
     * @param strict whether unknown attributes and unlisted schemas are errors (else dropped and inferred)
     * @param hasher hashes write-only values, which are kept only as hashes
     * @param canonicalOnly whether a string attribute with canonical values accepts only those (ignoring case
     *     unless the attribute is caseExact); RFC 7643 lets a service provider choose
     */
    public ResourceValidator(SchemaRegistry registry, ResourceType type, boolean strict, PasswordHasher hasher,
            boolean canonicalOnly) {
        this.canonicalOnly = canonicalOnly;
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
        return normalise(body, null, Mode.BODY);
    }

    /**
     * Validates a replacement (PUT) of {@code existing}, the stored, normalised resource: immutable values it
     * holds must come back unchanged or not at all, and write-only values the body leaves out are kept (a client
     * that pushes a whole profile cannot send back a password it can never read).
     */
    public ObjectNode forReplace(JsonNode body, JsonNode existing) {
        return normalise(body, Objects.requireNonNull(existing, "existing"), Mode.BODY);
    }

    /**
     * Validates what PATCH operations made of {@code existing}, the stored, normalised resource. The operations
     * wrote values normalised by {@link #patchValue} or {@link #patchValues}, so write-only values here are
     * hashes already and are kept as they are. {@code schemas} is recomputed from the extensions present. A
     * required attribute or extension left without a value, and an immutable value changed or removed, are 400
     * {@code mutability} (RFC 7644 §3.5.2.2); an immutable multi-valued attribute may gain values but keeps
     * those it had (RFC 7643 §7).
     */
    public ObjectNode forPatch(JsonNode patched, JsonNode existing) {
        return normalise(patched, Objects.requireNonNull(existing, "existing"), Mode.PATCH_RESULT);
    }

    /**
     * Normalises one value a PATCH operation writes to {@code attribute}: a sub-attribute's value, a
     * single-valued attribute's value, or one value of a multi-valued attribute. As on create (write-only values
     * hashed, {@code "True"} a boolean, a plain string for a complex attribute with a {@code value}
     * sub-attribute read as {@code {"value": ...}}), except that required sub-attributes of a complex value are
     * not demanded: the operation may merge it into a value that has them; {@link #forPatch} checks the result.
     *
     * @param path the attribute's name as errors should show it
     * @return the normalised value, or null if it is absent (null, an empty object, read-only parts only)
     */
    public @Nullable JsonNode patchValue(Attribute attribute, JsonNode value, String path) {
        return singleValue(attribute, value, path, Mode.PATCH_VALUE);
    }

    /**
     * Normalises the values a PATCH operation writes to the multi-valued {@code attribute}: an array, or one
     * value read as an array of one; at most one of them may be primary.
     *
     * @return the non-empty normalised array, or null if no value remains
     */
    public @Nullable ArrayNode patchValues(Attribute attribute, JsonNode value, String path) {
        return multiValue(attribute, value, path, Mode.PATCH_VALUE);
    }

    private ObjectNode normalise(JsonNode body, @Nullable JsonNode existing, Mode mode) {
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
                ObjectNode attributes = extensionObject(extension, field.getValue(), mode);
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
            put(out, attribute.get(), field.getValue(), attribute.get().name(), mode);
        }
        if (mode == Mode.BODY) {
            // After a PATCH, schemas follows the attributes: the operations could not have listed it.
            requireSchemasListed(listed, used);
        }
        boolean patch = mode == Mode.PATCH_RESULT;
        if (existing != null && !patch) {
            // A PUT that leaves a password or an immutable value out keeps it; a PATCH that leaves it out removed
            // it. Without this, a PUT could drop an immutable value and the next one set it anew.
            keepOmitted(core.attributes(), existing, out);
            for (Schema extension : extensions.values()) {
                JsonNode before = existing.get(extension.id());
                if (before == null) {
                    continue;
                }
                JsonNode present = out.get(extension.id());
                ObjectNode after = present == null ? NODES.objectNode() : (ObjectNode) present;
                keepOmitted(extension.attributes(), before, after);
                if (present == null && !after.isEmpty()) {
                    out.set(extension.id(), after);
                    used.add(extension.id());
                }
            }
        }
        schemas.add(core.id());
        used.forEach(schemas::add);
        requireRequired(out, patch);
        if (existing != null) {
            requireImmutablesKept(core.attributes(), existing, out, "", patch);
            for (Schema extension : extensions.values()) {
                JsonNode before = existing.get(extension.id());
                if (before != null) {
                    JsonNode after = out.get(extension.id());
                    requireImmutablesKept(extension.attributes(), before,
                            after == null ? NODES.objectNode() : after, extension.id() + ":", patch);
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

    private ObjectNode extensionObject(Schema extension, JsonNode value, Mode mode) {
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
            put(out, attribute.get(), field.getValue(), extension.id() + ":" + attribute.get().name(), mode);
        }
        return out;
    }

    /** Puts the normalised value of one attribute, or nothing when it is read-only or absent. */
    private void put(ObjectNode out, Attribute attribute, JsonNode value, String path, Mode mode) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return;
        }
        JsonNode normalised = attribute.multiValued()
                ? multiValue(attribute, value, path, mode)
                : singleValue(attribute, value, path, mode);
        if (normalised != null) {
            out.set(attribute.name(), normalised);
        }
    }

    private @Nullable ArrayNode multiValue(Attribute attribute, JsonNode value, String path, Mode mode) {
        if (value.isNull()) {
            return null;
        }
        // A single value where an array belongs is read as an array of one.
        JsonNode values = value.isArray() ? value : NODES.arrayNode().add(value);
        ArrayNode out = NODES.arrayNode();
        int primaries = 0;
        for (JsonNode element : values) {
            JsonNode normalised = singleValue(attribute, element, path, mode);
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

    private @Nullable JsonNode singleValue(Attribute attribute, JsonNode value, String path, Mode mode) {
        if (value.isNull()) {
            return null;
        }
        return switch (attribute.type()) {
            case COMPLEX -> complexValue(attribute, value, path, mode);
            case STRING, REFERENCE -> {
                requireText(value, path, "a string");
                requireCanonical(attribute, value.textValue(), path);
                yield attribute.mutability() == Mutability.WRITE_ONLY && mode.hashWriteOnly
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
                requireFinite(value, path);
                if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value))) {
                    throw BadRequestException.invalidValue("'" + path + "' must be an integer, was " + value);
                }
                yield value;
            }
            case DECIMAL -> {
                requireFinite(value, path);
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

    private @Nullable JsonNode complexValue(Attribute attribute, JsonNode value, String path, Mode mode) {
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
            put(out, sub.get(), field.getValue(), path + "." + sub.get().name(), mode);
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Attribute sub : attribute.subAttributes()) {
            if (mode.requireSubAttributes && sub.required() && sub.mutability() != Mutability.READ_ONLY
                    && !out.has(sub.name())) {
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

    /** JSON has no infinity, but a number beyond a double's range (1e400) parses as one. */
    private static void requireFinite(JsonNode value, String path) {
        if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
            throw BadRequestException.invalidValue("'" + path + "' is a number beyond the range of a double");
        }
    }

    private static boolean isWhole(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    private void requireCanonical(Attribute attribute, String value, String path) {
        if (!canonicalOnly || attribute.canonicalValues().isEmpty()) {
            return;
        }
        for (String canonical : attribute.canonicalValues()) {
            if (attribute.caseExact() ? canonical.equals(value) : canonical.equalsIgnoreCase(value)) {
                return;
            }
        }
        throw BadRequestException.invalidValue("'" + path + "' must be one of " + String.join(", ",
                attribute.canonicalValues()) + "; was '" + value + "'");
    }

    /** An empty string is no value for a required attribute: {@code userName: ""} names nobody. */
    private static boolean hasValue(JsonNode container, String name) {
        JsonNode value = container.get(name);
        return value != null && !(value.isTextual() && value.textValue().isEmpty());
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

    /** After a PATCH a missing required value was removed, which RFC 7644 §3.5.2.2 makes a mutability error. */
    private void requireRequired(ObjectNode out, boolean patch) {
        for (Attribute attribute : core.attributes()) {
            if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY
                    && !hasValue(out, attribute.name())) {
                throw missingRequired("'" + attribute.name() + "' is required", patch);
            }
        }
        for (SchemaExtension extension : type.schemaExtensions()) {
            Schema schema = extensions.get(extension.schema().toLowerCase(Locale.ROOT));
            JsonNode values = out.get(schema.id());
            if (extension.required() && values == null) {
                throw missingRequired("extension " + schema.id() + " is required for resource type " + type.name(),
                        patch);
            }
            if (values != null) {
                for (Attribute attribute : schema.attributes()) {
                    if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY
                            && !hasValue(values, attribute.name())) {
                        throw missingRequired("'" + schema.id() + ":" + attribute.name()
                                + "' is required", patch);
                    }
                }
            }
        }
    }

    private static BadRequestException missingRequired(String what, boolean patch) {
        return patch
                ? BadRequestException.mutability(what + ": no operation may remove it or set it to null")
                : BadRequestException.invalidValue(what);
    }

    /** Carries over the write-only and immutable values a replacement leaves out. */
    private static void keepOmitted(List<Attribute> attributes, JsonNode before, ObjectNode after) {
        for (Attribute attribute : attributes) {
            boolean kept = attribute.mutability() == Mutability.WRITE_ONLY
                    || attribute.mutability() == Mutability.IMMUTABLE;
            if (kept && !after.has(attribute.name()) && before.has(attribute.name())) {
                after.set(attribute.name(), before.get(attribute.name()));
            }
        }
    }

    /**
     * An immutable value, once set, must come back unchanged or not at all (RFC 7643 §7, RFC 7644 §3.5.1). After
     * a PATCH nothing was "left out": it must still be there, and a multi-valued one may only have gained values
     * (RFC 7643 §7 lets a value be defined "at record addition").
     */
    private static void requireImmutablesKept(List<Attribute> attributes, JsonNode before, JsonNode after,
            String prefix, boolean patch) {
        for (Attribute attribute : attributes) {
            if (attribute.mutability() != Mutability.IMMUTABLE) {
                continue;
            }
            JsonNode old = before.get(attribute.name());
            JsonNode now = after.get(attribute.name());
            if (patch && old != null) {
                if (now == null) {
                    throw BadRequestException.mutability("'" + prefix + attribute.name() + "' is immutable: it cannot"
                            + " be removed");
                }
                if (attribute.multiValued() && old.isArray() && now.isArray()) {
                    for (JsonNode value : old) {
                        if (!contains(now, value)) {
                            throw BadRequestException.mutability("'" + prefix + attribute.name() + "' is immutable:"
                                    + " values can be added to it but " + value + " cannot be removed or changed");
                        }
                    }
                    continue;
                }
            }
            if (old != null && now != null && !old.equals(now)) {
                throw BadRequestException.mutability("'" + prefix + attribute.name() + "' is immutable: it cannot"
                        + " change from " + old + " to " + now);
            }
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
