package org.scimengine.core.spi.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.spi.UniqueValue;

/**
 * Fixtures for the store contract suite: attribute documents shaped as the engine stores them (schema spelling,
 * extension attributes under their URN, no {@code id} or {@code meta}), the unique values the engine would
 * compute for them, stable ids and times.
 */
public final class SampleResources {

    /** The first tenant most tests use. */
    public static final String TENANT = "tenant-a";
    /** A second tenant, to show that tenants never see each other. */
    public static final String OTHER_TENANT = "tenant-b";
    /** The time of the first write; later writes use {@link #at(int)}. Whole seconds, so every store keeps it exactly. */
    public static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SampleResources() {
    }

    /** {@link #T0} plus that many seconds. */
    public static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /**
     * A stable, opaque id for a label, shaped like the UUIDs the engine generates; the same label gives the same id
     * so that failures repeat.
     */
    public static String id(String label) {
        return UUID.nameUUIDFromBytes(label.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A user with only a userName; add more with the builder. */
    public static UserBuilder user(String userName) {
        return new UserBuilder(userName);
    }

    /** A group with a displayName. */
    public static ObjectNode group(String displayName) {
        ObjectNode group = JSON.objectNode();
        group.putArray("schemas").add(CoreSchemas.GROUP_URN);
        group.put("displayName", displayName);
        return group;
    }

    /** The unique value the engine computes for a userName: case-folded, unique among users of a tenant. */
    public static UniqueValue userNameValue(String userName) {
        return UniqueValue.of("userName", userName, false, false);
    }

    /** The unique values of a user document: its userName's. */
    public static List<UniqueValue> uniqueValuesOf(ObjectNode user) {
        return List.of(userNameValue(user.path("userName").asText()));
    }

    /** Builds a user document the way the engine stores one. */
    public static final class UserBuilder {

        private final ObjectNode user = JSON.objectNode();

        private UserBuilder(String userName) {
            user.putArray("schemas").add(CoreSchemas.USER_URN);
            user.put("userName", userName);
        }

        /** {@code name.givenName} and {@code name.familyName}, and a formatted name from both. */
        public UserBuilder name(String givenName, String familyName) {
            user.putObject("name")
                    .put("formatted", givenName + " " + familyName)
                    .put("givenName", givenName)
                    .put("familyName", familyName);
            user.put("displayName", givenName + " " + familyName);
            return this;
        }

        /** Adds an email. */
        public UserBuilder email(String type, String value, boolean primary) {
            ArrayNode emails = user.has("emails") ? (ArrayNode) user.get("emails") : user.putArray("emails");
            ObjectNode email = emails.addObject().put("value", value).put("type", type);
            if (primary) {
                email.put("primary", true);
            }
            return this;
        }

        /** Sets a top-level string attribute such as {@code title} or {@code userType}. */
        public UserBuilder put(String attribute, String value) {
            user.put(attribute, value);
            return this;
        }

        /** Sets {@code active}. */
        public UserBuilder active(boolean active) {
            user.put("active", active);
            return this;
        }

        /** Sets an attribute of the enterprise extension and lists the extension in {@code schemas}. */
        public UserBuilder enterprise(String attribute, String value) {
            if (!user.has(CoreSchemas.ENTERPRISE_USER_URN)) {
                ((ArrayNode) user.get("schemas")).add(CoreSchemas.ENTERPRISE_USER_URN);
                user.putObject(CoreSchemas.ENTERPRISE_USER_URN);
            }
            ((ObjectNode) user.get(CoreSchemas.ENTERPRISE_USER_URN)).put(attribute, value);
            return this;
        }

        /** The document; the builder must not be used afterwards. */
        public ObjectNode build() {
            return user;
        }
    }
}
