package org.scimengine.demo.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.ResourceRule;
import org.scimengine.core.error.BadRequestException;

/**
 * The vendor's rules for users (seeds 000 and 002), beyond what its schemas say, as rules the engine runs on
 * every create, replace and patch. Each applies to users only and leaves other resource types alone.
 * ({@code userName} is unique ignoring case already: the core schema says so and the store enforces it.)
 */
public final class VendorRules {

    /** Seed 000: "If not set the default shall be Content Curator". */
    public static final String DEFAULT_ACCESS_ROLE = "Content Curator";

    /** Shown in errors as the shape to send. */
    private static final String EXAMPLE_EMAIL = "{\"value\": \"jane.doe@example.com\", \"type\": \"work\", "
            + "\"primary\": true}";
    /** How much of a rejected value an error repeats. */
    private static final int MAX_ECHO = 80;

    private VendorRules() {
    }

    /** Every rule, in the order they run, with random {@code userUuid}s. */
    public static List<ResourceRule> all() {
        return List.of(userNameIsEmail(), primaryEmailRequired(), userUuidGenerated(UUID::randomUUID),
                accessRoleDefaulted());
    }

    /** Seed 002: "userName should be in a valid email format"; else 400 {@code invalidValue}. */
    public static ResourceRule userNameIsEmail() {
        return (type, attributes) -> {
            if (!VendorSchemas.isUser(type)) {
                return;
            }
            JsonNode userName = attributes.get("userName");
            if (userName == null || !userName.isTextual()) {
                return; // the schema's own check reports a missing or non-string userName
            }
            String problem = EmailAddresses.problem(userName.textValue());
            if (problem != null) {
                throw BadRequestException.invalidValue("'userName' must be an email address such as"
                        + " jane.doe@example.com, but " + echo(userName.textValue()) + " " + problem);
            }
        };
    }

    /** Seed 002: "emails: Must include at least one email with primary: true"; else 400 {@code invalidValue}. */
    public static ResourceRule primaryEmailRequired() {
        return (type, attributes) -> {
            if (!VendorSchemas.isUser(type)) {
                return;
            }
            JsonNode emails = attributes.get("emails");
            if (emails == null || !emails.isArray() || emails.isEmpty()) {
                throw BadRequestException.invalidValue("a user needs an email address marked primary: add 'emails'"
                        + " with one value such as " + EXAMPLE_EMAIL);
            }
            for (JsonNode email : emails) {
                JsonNode value = email.get("value");
                if (email.path("primary").asBoolean(false) && value != null && value.isTextual()
                        && !value.textValue().isBlank()) {
                    return;
                }
            }
            throw BadRequestException.invalidValue("one of the user's 'emails' must be marked primary: add"
                    + " \"primary\": true to the main address, as in " + EXAMPLE_EMAIL);
        };
    }

    /**
     * Seed 002: {@code userUuid} is "auto-generated if not provided". The attribute is immutable, so a
     * replacement that leaves it out keeps the stored one and only a user that never had one gets a new one.
     */
    public static ResourceRule userUuidGenerated(Supplier<UUID> uuids) {
        Objects.requireNonNull(uuids, "uuids");
        return (type, attributes) -> {
            if (VendorSchemas.isUser(type)) {
                ObjectNode extension = extension(attributes, VendorSchemas.SAP_USER_URN);
                if (isUnset(extension.get("userUuid"))) {
                    extension.put("userUuid", uuids.get().toString());
                }
            }
        };
    }

    /** Seed 000: a user without an {@code accessRole} has {@value #DEFAULT_ACCESS_ROLE}. */
    public static ResourceRule accessRoleDefaulted() {
        return (type, attributes) -> {
            if (VendorSchemas.isUser(type)) {
                ObjectNode extension = extension(attributes, VendorSchemas.ACCESS_USER_URN);
                if (isUnset(extension.get("accessRole"))) {
                    extension.put("accessRole", DEFAULT_ACCESS_ROLE);
                }
            }
        };
    }

    private static boolean isUnset(@Nullable JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank());
    }

    /**
     * The extension's object in the resource, added (and listed in {@code schemas}, as {@link ResourceRule}
     * requires) when absent. The validator has put extensions under their schema's exact URN.
     */
    private static ObjectNode extension(ObjectNode attributes, String urn) {
        JsonNode existing = attributes.get(urn);
        if (existing instanceof ObjectNode) {
            return (ObjectNode) existing;
        }
        ObjectNode created = attributes.putObject(urn);
        JsonNode schemas = attributes.get("schemas");
        ArrayNode list = schemas instanceof ArrayNode ? (ArrayNode) schemas : attributes.putArray("schemas");
        for (JsonNode listed : list) {
            if (listed.asText().equalsIgnoreCase(urn)) {
                return created;
            }
        }
        list.add(urn);
        return created;
    }

    private static String echo(String value) {
        String shown = value.codePointCount(0, value.length()) > MAX_ECHO
                ? value.substring(0, value.offsetByCodePoints(0, MAX_ECHO)) + "…" : value;
        return "'" + shown + "'";
    }
}
