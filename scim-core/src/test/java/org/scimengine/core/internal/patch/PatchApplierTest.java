package org.scimengine.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.internal.patch.PatchApplier.PatchResult;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.internal.validate.ResourceValidator;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.Mutability;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;

/** What the fixtures cannot show: hashes, which differ on every run, and a schema with immutable parts. */
class PatchApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordHasher HASHER = new PasswordHasher(1_000);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final ResourceValidator USER_VALIDATOR =
            new ResourceValidator(REGISTRY, CoreSchemas.USER_TYPE, true, HASHER);
    private static final PatchApplier USERS =
            new PatchApplier(REGISTRY, CoreSchemas.USER_TYPE, FilterParser.standard(), USER_VALIDATOR, true);

    @Test
    void aPasswordIsStoredHashedAndAStoredHashIsNotHashedAgain() {
        ObjectNode stored = USER_VALIDATOR.forCreate(json("{\"schemas\": [\"" + CoreSchemas.USER_URN + "\"],"
                + " \"userName\": \"a\", \"password\": \"old\"}"));
        String oldHash = stored.get("password").textValue();

        PatchResult renamed = USERS.apply(stored, patch("{\"op\": \"replace\", \"path\": \"nickName\", \"value\": \"A\"}"));
        assertThat(renamed.attributes().get("password").textValue()).isEqualTo(oldHash);

        PatchResult synced = USERS.apply(stored, patch("{\"op\": \"replace\", \"value\": {\"password\": \"n3w\"}}"));
        String newHash = synced.attributes().get("password").textValue();
        assertThat(HASHER.matches("n3w", newHash)).isTrue();
        assertThat(newHash).doesNotContain("n3w");
        assertThat(synced.attributesChanged()).isTrue();

        PatchResult removed = USERS.apply(stored, patch("{\"op\": \"remove\", \"path\": \"password\"}"));
        assertThat(removed.attributes().has("password")).isFalse();
        assertThat(stored.get("password").textValue()).isEqualTo(oldHash);
    }

    @Test
    void anErrorAboutAPasswordDoesNotRepeatIt() {
        ObjectNode stored = USER_VALIDATOR.forCreate(json("{\"schemas\": [\"" + CoreSchemas.USER_URN + "\"],"
                + " \"userName\": \"a\"}"));
        assertThatThrownBy(() -> USERS.apply(stored, patch("{\"op\": \"replace\", \"value\": \"t1meMa$heen\"}")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.detail()).doesNotContain("t1meMa$heen").endsWith("was a string"));
    }

    @Test
    void immutableValuesMayBeSetOnceButNotChangedOrRemoved() {
        Schema device = new Schema("urn:x:Device", "Device", "", List.of(
                Attribute.builder("name", AttributeType.STRING).required(true).build(),
                Attribute.builder("serial", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                Attribute.builder("ports", AttributeType.COMPLEX).multiValued(true).subAttributes(List.of(
                        Attribute.builder("value", AttributeType.STRING).build(),
                        Attribute.builder("wiring", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build()))
                        .build()));
        ResourceType type = new ResourceType("Device", "/Devices", "", device.id(), List.of());
        SchemaRegistry registry = SchemaRegistry.builder().addSchema(device).addResourceType(type).build();
        ResourceValidator validator = new ResourceValidator(registry, type, true, HASHER);
        PatchApplier devices = new PatchApplier(registry, type, FilterParser.standard(), validator, true);
        ObjectNode stored = validator.forCreate(json("{\"schemas\": [\"urn:x:Device\"], \"name\": \"d\","
                + " \"ports\": [{\"value\": \"p1\"}]}"));

        PatchResult set = devices.apply(stored, patch("{\"op\": \"add\", \"path\": \"serial\", \"value\": \"S1\"},"
                + " {\"op\": \"add\", \"path\": \"ports[value eq \\\"p1\\\"].wiring\", \"value\": \"copper\"}"));
        ObjectNode withSerial = set.attributes();
        assertThat(withSerial.get("serial").textValue()).isEqualTo("S1");
        assertThat(withSerial.at("/ports/0/wiring").textValue()).isEqualTo("copper");

        PatchResult same = devices.apply(withSerial, patch("{\"op\": \"replace\", \"path\": \"serial\", \"value\": \"S1\"}"));
        assertThat(same.attributesChanged()).isFalse();

        assertError(devices, withSerial, "{\"op\": \"replace\", \"path\": \"serial\", \"value\": \"S2\"}",
                "'serial' is immutable: it cannot change from \"S1\" to \"S2\"");
        assertError(devices, withSerial, "{\"op\": \"remove\", \"path\": \"serial\"}",
                "'serial' is immutable: it cannot be removed");
        assertError(devices, withSerial,
                "{\"op\": \"replace\", \"path\": \"ports[value eq \\\"p1\\\"].wiring\", \"value\": \"fibre\"}",
                "Operations[0]: 'ports[value eq \"p1\"].wiring' is immutable: it cannot change from \"copper\" to"
                        + " \"fibre\"");
        assertError(devices, withSerial, "{\"op\": \"replace\", \"path\": \"ports[value eq \\\"p1\\\"]\","
                + " \"value\": {\"value\": \"p1\", \"wiring\": null}}", "Operations[0]: 'ports[value eq \"p1\"].wiring' is"
                + " immutable: it cannot be removed");
        // A value whose sub-attributes are all null clears the value itself, which an immutable part allows.
        PatchResult cleared = devices.apply(withSerial, patch("{\"op\": \"replace\","
                + " \"path\": \"ports[value eq \\\"p1\\\"]\", \"value\": {\"wiring\": null}}"));
        assertThat(cleared.attributes().has("ports")).isFalse();
    }

    private static void assertError(PatchApplier applier, ObjectNode stored, String operations, String detail) {
        ObjectNode before = stored.deepCopy();
        assertThatThrownBy(() -> applier.apply(stored, patch(operations)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.MUTABILITY);
                    assertThat(e.detail()).isEqualTo(detail);
                });
        assertThat(stored).isEqualTo(before);
    }

    private static JsonNode patch(String operations) {
        return json("{\"schemas\": [\"" + PatchApplier.PATCH_OP + "\"], \"Operations\": [" + operations + "]}");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
