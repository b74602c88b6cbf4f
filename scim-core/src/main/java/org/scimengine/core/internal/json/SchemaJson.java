package org.scimengine.core.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.Mutability;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Returned;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.Uniqueness;

/**
 * Schemas (RFC 7643 §7) and resource types (§6) to and from their JSON representation. Reading applies
 * RFC 7643 §2.2's defaults to absent characteristics and names the attribute at fault in every error.
 */
public final class SchemaJson {

    public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaJson() {
    }

    public static Schema readSchema(String json) {
        JsonNode root = parseObject(json, "schema");
        String id = requiredText(root, "id", "schema");
        String where = "schema " + id;
        try {
            return new Schema(id, optionalText(root, "name", where, ""), optionalText(root, "description", where, ""),
                    readAttributes(root.get("attributes"), where, ""));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    public static ResourceType readResourceType(String json) {
        JsonNode root = parseObject(json, "resource type");
        String name = requiredText(root, "name", "resource type");
        String where = "resource type " + name;
        List<SchemaExtension> extensions = new ArrayList<>();
        JsonNode list = root.get("schemaExtensions");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException(where + ": schemaExtensions must be an array");
            }
            for (JsonNode extension : list) {
                extensions.add(new SchemaExtension(requiredText(extension, "schema", where + " extension"),
                        optionalBoolean(extension, "required", where + " extension", false)));
            }
        }
        return new ResourceType(name, requiredText(root, "endpoint", where), optionalText(root, "description", where, ""),
                requiredText(root, "schema", where), extensions);
    }

    public static String writeSchema(Schema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("schemas").add(SCHEMA_URN);
        root.put("id", schema.id());
        root.put("name", schema.name());
        root.put("description", schema.description());
        writeAttributes(root.putArray("attributes"), schema.attributes());
        return root.toString();
    }

    public static String writeResourceType(ResourceType type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("schemas").add(RESOURCE_TYPE_URN);
        root.put("id", type.name());
        root.put("name", type.name());
        root.put("endpoint", type.endpoint());
        root.put("description", type.description());
        root.put("schema", type.schema());
        ArrayNode extensions = root.putArray("schemaExtensions");
        for (SchemaExtension extension : type.schemaExtensions()) {
            extensions.addObject().put("schema", extension.schema()).put("required", extension.required());
        }
        return root.toString();
    }

    private static List<Attribute> readAttributes(@Nullable JsonNode list, String where, String parent) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": " + (parent.isEmpty() ? "attributes" : parent + " subAttributes")
                    + " must be an array");
        }
        List<Attribute> attributes = new ArrayList<>(list.size());
        for (JsonNode node : list) {
            attributes.add(readAttribute(node, where, parent));
        }
        return attributes;
    }

    private static Attribute readAttribute(JsonNode node, String where, String parent) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": an attribute definition must be an object, was " + node);
        }
        String name = requiredText(node, "name", where + " attribute");
        String path = parent.isEmpty() ? name : parent + "." + name;
        String at = where + ": attribute '" + path + "'";
        try {
            return Attribute.builder(name, wireValue(node, "type", at, AttributeType.values(), AttributeType::wire,
                            AttributeType.STRING))
                    .multiValued(optionalBoolean(node, "multiValued", at, false))
                    .description(optionalText(node, "description", at, ""))
                    .required(optionalBoolean(node, "required", at, false))
                    .caseExact(optionalBoolean(node, "caseExact", at, false))
                    .mutability(wireValue(node, "mutability", at, Mutability.values(), Mutability::wire,
                            Mutability.READ_WRITE))
                    .returned(wireValue(node, "returned", at, Returned.values(), Returned::wire, Returned.DEFAULT))
                    .uniqueness(wireValue(node, "uniqueness", at, Uniqueness.values(), Uniqueness::wire,
                            Uniqueness.NONE))
                    .canonicalValues(textList(node, "canonicalValues", at))
                    .referenceTypes(textList(node, "referenceTypes", at))
                    .subAttributes(readAttributes(node.get("subAttributes"), where, path))
                    .build();
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private static void writeAttributes(ArrayNode into, List<Attribute> attributes) {
        for (Attribute attribute : attributes) {
            ObjectNode node = into.addObject();
            node.put("name", attribute.name());
            node.put("type", attribute.type().wire());
            node.put("multiValued", attribute.multiValued());
            node.put("description", attribute.description());
            node.put("required", attribute.required());
            node.put("caseExact", attribute.caseExact());
            node.put("mutability", attribute.mutability().wire());
            node.put("returned", attribute.returned().wire());
            node.put("uniqueness", attribute.uniqueness().wire());
            if (!attribute.canonicalValues().isEmpty()) {
                attribute.canonicalValues().forEach(node.putArray("canonicalValues")::add);
            }
            if (attribute.type() == AttributeType.REFERENCE) {
                attribute.referenceTypes().forEach(node.putArray("referenceTypes")::add);
            }
            if (attribute.type() == AttributeType.COMPLEX) {
                writeAttributes(node.putArray("subAttributes"), attribute.subAttributes());
            }
        }
    }

    private static JsonNode parseObject(String json, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a " + what + " must be a JSON object");
        }
        return root;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, String where, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static boolean optionalBoolean(JsonNode node, String field, String where, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be true or false, was " + value);
        }
        return value.asBoolean();
    }

    private static List<String> textList(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be an array of strings");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException(where + ": '" + field + "' must hold only strings, had " + element);
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** An enum value from its RFC spelling; case is ignored, as hand-written extension schemas vary. */
    private static <E extends Enum<E>> E wireValue(JsonNode node, String field, String where, E[] values,
            Function<E, String> wire, E fallback) {
        String text = optionalText(node, field, where, "");
        if (text.isEmpty()) {
            return fallback;
        }
        for (E value : values) {
            if (wire.apply(value).equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException(where + ": '" + field + "' is '" + text + "', not one of "
                + Arrays.stream(values).map(wire).collect(Collectors.joining(", ")));
    }
}
