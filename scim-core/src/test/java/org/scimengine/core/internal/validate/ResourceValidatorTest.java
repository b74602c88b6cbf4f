package org.scimengine.core.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.Mutability;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.SchemaRegistry;

/** What create and replace accept, normalise and reject, with the bodies identity providers really send. */
class ResourceValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Few iterations: these tests check where hashes go, not how strong they are. */
    private static final PasswordHasher HASHER = new PasswordHasher(1_000);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final ResourceValidator STRICT_USERS = new ResourceValidator(REGISTRY, CoreSchemas.USER_TYPE, true, HASHER);
    private static final ResourceValidator LENIENT_USERS = new ResourceValidator(REGISTRY, CoreSchemas.USER_TYPE, false, HASHER);
    private static final String CORE = CoreSchemas.USER_URN;
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;

    @Test
    void numbersBeyondADoublesRangeAndEmptyRequiredStringsAreRefused() {
        assertError(() -> STRICT_USERS.forCreate(json("{\"schemas\": [\"" + CORE + "\"], \"userName\": \"\"}")),
                ScimType.INVALID_VALUE, "'userName' is required");
        Schema gauge = new Schema("urn:x:Gauge", "Gauge", "", List.of(
                Attribute.builder("count", AttributeType.INTEGER).build(),
                Attribute.builder("weight", AttributeType.DECIMAL).build()));
        ResourceType type = new ResourceType("Gauge", "/Gauges", "", gauge.id(), List.of());
        ResourceValidator gauges = new ResourceValidator(
                SchemaRegistry.builder().addSchema(gauge).addResourceType(type).build(), type, false, HASHER);
        assertError(() -> gauges.forCreate(json("{\"count\": 1e400}")), ScimType.INVALID_VALUE,
                "'count' is a number beyond the range of a double");
        assertError(() -> gauges.forCreate(json("{\"weight\": -1e400}")), ScimType.INVALID_VALUE,
                "'weight' is a number beyond the range of a double");
        assertThat(gauges.forCreate(json("{\"count\": 1e3, \"weight\": 1e300}")).get("count").asInt()).isEqualTo(1000);
    }

    @Test
    void canonicalValuesAreEnforcedOnlyWhenTheHostAsks() {
        ResourceValidator canonical = new ResourceValidator(REGISTRY, CoreSchemas.USER_TYPE, true, HASHER, true);
        String mobile = "{\"schemas\": [\"" + CORE + "\"], \"userName\": \"a\","
                + " \"emails\": [{\"value\": \"a@example.com\", \"type\": \"mobile\"}]}";
        assertThat(STRICT_USERS.forCreate(json(mobile)).at("/emails/0/type").asText()).isEqualTo("mobile");
        assertError(() -> canonical.forCreate(json(mobile)), ScimType.INVALID_VALUE,
                "'emails.type' must be one of work, home, other; was 'mobile'");
        assertThat(canonical.forCreate(json(mobile.replace("mobile", "WORK"))).at("/emails/0/type").asText())
                .isEqualTo("WORK");
    }

    @Test
    void oktasCreateIsNormalisedAndItsEmptyGroupsDropped() {
        JsonNode user = STRICT_USERS.forCreate(json("""
                {"schemas": ["%s"], "userName": "bjensen@example.com",
                 "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "emails": [{"primary": true, "value": "bjensen@example.com", "type": "work"}],
                 "displayName": "Barbara Jensen", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "groups": [], "password": "1mz050nq", "active": true}""".formatted(CORE)));
        assertThat(HASHER.matches("1mz050nq", user.get("password").textValue())).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) user).remove("password");
        assertThat(user).isEqualTo(json("""
                {"schemas": ["%s"], "userName": "bjensen@example.com",
                 "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "emails": [{"primary": true, "value": "bjensen@example.com", "type": "work"}],
                 "displayName": "Barbara Jensen", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "active": true}""".formatted(CORE)));
    }

    @Test
    void passwordsAreKeptOnlyAsHashesAndSurviveAPutThatLeavesThemOut() {
        JsonNode created = LENIENT_USERS.forCreate(json("{\"userName\": \"a\", \"password\": \"t1meMa$heen\"}"));
        String hash = created.get("password").textValue();
        assertThat(hash).startsWith("$pbkdf2-sha256$i=1000$").doesNotContain("t1meMa$heen");

        JsonNode profilePush = LENIENT_USERS.forReplace(json("{\"userName\": \"a\", \"title\": \"x\"}"), created);
        assertThat(profilePush.get("password").textValue()).isEqualTo(hash);

        JsonNode newPassword = LENIENT_USERS.forReplace(json("{\"userName\": \"a\", \"password\": \"n3w\"}"), created);
        assertThat(HASHER.matches("n3w", newPassword.get("password").textValue())).isTrue();
        assertThat(HASHER.matches("t1meMa$heen", newPassword.get("password").textValue())).isFalse();
    }

    @Test
    void entrasCreateWithNullsStringBooleansAndAPlainManager() {
        JsonNode user = STRICT_USERS.forCreate(json("""
                {"schemas": ["%s", "%s"], "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName": "Test_User_ab6490ee@testuser.com", "active": "True",
                 "emails": [{"primary": true, "type": "work", "value": "Test_User_fd0ea19b@testuser.com"}],
                 "meta": {"resourceType": "User"}, "name": {"formatted": "givenName familyName",
                 "familyName": "familyName", "givenName": "givenName"}, "roles": [], "nickName": null,
                 "%s": {"employeeNumber": "701984", "manager": "26118915-6090-4610-87e4-49d8ca9f808d",
                        "department": null}}""".formatted(CORE, ENTERPRISE, ENTERPRISE)));
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").booleanValue()).isTrue();
        assertThat(user.has("meta")).isFalse();
        assertThat(user.has("roles")).isFalse();
        assertThat(user.has("nickName")).isFalse();
        assertThat(user.get(ENTERPRISE)).isEqualTo(json(
                "{\"employeeNumber\": \"701984\", \"manager\": {\"value\": \"26118915-6090-4610-87e4-49d8ca9f808d\"}}"));
        assertThat(user.get("schemas")).isEqualTo(json("[\"" + CORE + "\", \"" + ENTERPRISE + "\"]"));
    }

    @Test
    void oktasPutCarriesIdMetaAndGroupsWhichAreIgnored() {
        JsonNode existing = STRICT_USERS.forCreate(json("{\"schemas\": [\"" + CORE + "\"], \"userName\": \"a\"}"));
        JsonNode replaced = STRICT_USERS.forReplace(json("""
                {"schemas": ["%s"], "id": "23a35c27-23d3-4c03-b4c5-6443c09e7173", "userName": "a",
                 "meta": {"created": "2011-05-13T04:42:34Z"}, "groups": [{"value": "g1"}], "title": "Boss"}"""
                .formatted(CORE)), existing);
        assertThat(replaced).isEqualTo(json(
                "{\"schemas\": [\"" + CORE + "\"], \"userName\": \"a\", \"title\": \"Boss\"}"));
    }

    @Test
    void namesAreMatchedIgnoringCaseAndStoredInTheSchemasSpelling() {
        JsonNode user = STRICT_USERS.forCreate(json("""
                {"SCHEMAS": ["%s", "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER"],
                 "USERNAME": "a", "Name": {"GIVENNAME": "A"}, "EMAILS": [{"VALUE": "a@x", "Primary": "false"}],
                 "urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:User": {"EMPLOYEENUMBER": "1"}}"""
                .formatted(CORE.toUpperCase())));
        assertThat(user).isEqualTo(json("""
                {"schemas": ["%s", "%s"], "userName": "a", "name": {"givenName": "A"},
                 "emails": [{"value": "a@x", "primary": false}], "%s": {"employeeNumber": "1"}}"""
                .formatted(CORE, ENTERPRISE, ENTERPRISE)));
    }

    @Test
    void anExtensionNamedTwiceInDifferentCaseIsListedOnce() {
        JsonNode user = LENIENT_USERS.forCreate(json("{\"userName\": \"a\", \"" + ENTERPRISE + "\": {\"costCenter\": \"1\"},"
                + " \"" + ENTERPRISE.toUpperCase() + "\": {\"division\": \"2\"}}"));
        assertThat(user.get("schemas")).isEqualTo(json("[\"" + CORE + "\", \"" + ENTERPRISE + "\"]"));
        assertThat(user.get(ENTERPRISE)).isEqualTo(json("{\"division\": \"2\"}"));
    }

    @Test
    void valuesAreStoredExactlyAsSent() {
        JsonNode user = LENIENT_USERS.forCreate(json("""
                {"userName": "  Mixed Case  ", "phoneNumbers": [{"value": "+1 (555) 555-8377", "type": "work"}],
                 "emails": {"value": "single@x"}}"""));
        assertThat(user.get("userName").textValue()).isEqualTo("  Mixed Case  ");
        assertThat(user.at("/phoneNumbers/0/value").textValue()).isEqualTo("+1 (555) 555-8377");
        // A single value where an array belongs is an array of one.
        assertThat(user.get("emails")).isEqualTo(json("[{\"value\": \"single@x\"}]"));
    }

    @Test
    void strictModeRejectsWhatLenientModeDropsOrInfers() {
        String body = "{\"userName\": \"a\", \"shoeSize\": 42, \"" + ENTERPRISE + "\": {\"costCenter\": \"1\"}}";
        assertError(() -> STRICT_USERS.forCreate(json(body)), ScimType.INVALID_SYNTAX,
                "'shoeSize' is not an attribute of resource type User");
        assertError(() -> STRICT_USERS.forCreate(json("{\"userName\": \"a\"}")), ScimType.INVALID_SYNTAX,
                "'schemas' must include " + CORE);
        assertError(() -> STRICT_USERS.forCreate(json("{\"schemas\": [\"" + CORE + "\"], \"userName\": \"a\", \""
                        + ENTERPRISE + "\": {\"costCenter\": \"1\"}}")), ScimType.INVALID_SYNTAX,
                "'schemas' must include " + ENTERPRISE + ", whose attributes the resource carries");
        assertError(() -> STRICT_USERS.forCreate(json("{\"schemas\": [\"" + CORE + "\"], \"userName\": \"a\","
                        + " \"name\": {\"nick\": \"x\"}}")), ScimType.INVALID_SYNTAX,
                "'nick' is not a sub-attribute of 'name'");

        JsonNode lenient = LENIENT_USERS.forCreate(json(body));
        assertThat(lenient).isEqualTo(json("{\"schemas\": [\"" + CORE + "\", \"" + ENTERPRISE + "\"], \"userName\":"
                + " \"a\", \"" + ENTERPRISE + "\": {\"costCenter\": \"1\"}}"));
    }

    @Test
    void unknownSchemaUrisWithoutDataAreIgnoredEvenInStrictMode() {
        ResourceValidator groups = new ResourceValidator(REGISTRY, CoreSchemas.GROUP_TYPE, true, HASHER);
        JsonNode group = groups.forCreate(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "displayName": "Group1DisplayName", "externalId": "a3d4c7a1", "members": []}"""));
        assertThat(group).isEqualTo(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Group1DisplayName",
                 "externalId": "a3d4c7a1"}"""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"active\": \"nope\"}                             | 'active' must be true or false, was \"nope\"",
        "{\"active\": 1}                                    | 'active' must be true or false, was 1",
        "{\"title\": 7}                                     | 'title' must be a string, was 7",
        "{\"name\": \"Barbara\"}                            | 'name' must be an object of its sub-attributes, was \"Barbara\"",
        "{\"x509Certificates\": [{\"value\": \"not base64!\"}]} | 'x509Certificates.value' must be base64: Illegal base64 character 20",
        "{\"emails\": [{\"value\": \"a\", \"primary\": true}, {\"value\": \"b\", \"primary\": \"True\"}]} | at most one value of 'emails' may be primary, 2 are",
        "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\": {\"employeeNumber\": 701984}} | 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber' must be a string, was 701984"
    })
    void valuesMustFitTheirAttribute(String attributes, String detail) {
        String body = "{\"userName\": \"a\", " + attributes.strip().substring(1);
        assertError(() -> LENIENT_USERS.forCreate(json(body)), ScimType.INVALID_VALUE, detail.strip());
    }

    @Test
    void requiredAttributesAndExtensions() {
        assertError(() -> LENIENT_USERS.forCreate(json("{\"displayName\": \"x\"}")), ScimType.INVALID_VALUE,
                "'userName' is required");
        assertError(() -> LENIENT_USERS.forCreate(json("{\"userName\": null}")), ScimType.INVALID_VALUE,
                "'userName' is required");
        ResourceType needsEnterprise = new ResourceType("User", "/Users", "", CORE,
                List.of(new SchemaExtension(ENTERPRISE, true)));
        SchemaRegistry registry = SchemaRegistry.builder().addSchema(CoreSchemas.USER)
                .addSchema(CoreSchemas.ENTERPRISE_USER).addResourceType(needsEnterprise).build();
        assertError(() -> new ResourceValidator(registry, needsEnterprise, false, HASHER).forCreate(json("{\"userName\": \"a\"}")),
                ScimType.INVALID_VALUE, "extension " + ENTERPRISE + " is required for resource type User");
    }

    @Test
    void immutableValuesAreSetOnceAndNeverChanged() {
        Schema device = new Schema("urn:x:Device", "Device", "", List.of(
                Attribute.builder("serial", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                Attribute.builder("label", AttributeType.STRING).build(),
                Attribute.builder("ports", AttributeType.INTEGER).build(),
                Attribute.builder("seen", AttributeType.DATE_TIME).build(),
                Attribute.builder("key", AttributeType.BINARY).required(true).build(),
                Attribute.builder("parts", AttributeType.COMPLEX).multiValued(true).subAttributes(List.of(
                        Attribute.builder("value", AttributeType.STRING).required(true).build(),
                        Attribute.builder("kind", AttributeType.STRING).build())).build()));
        ResourceType type = new ResourceType("Device", "/Devices", "", device.id(), List.of());
        ResourceValidator devices = new ResourceValidator(
                SchemaRegistry.builder().addSchema(device).addResourceType(type).build(), type, false, HASHER);

        JsonNode noSerial = devices.forCreate(json("{\"key\": \"AQID\", \"ports\": 4.0, \"seen\": \"2011-05-13T04:42:34+02:00\"}"));
        JsonNode withSerial = devices.forReplace(json("{\"key\": \"AQID\", \"serial\": \"S1\"}"), noSerial);
        assertThat(withSerial.get("serial").textValue()).isEqualTo("S1");
        assertThat(devices.forReplace(json("{\"key\": \"AQID\", \"serial\": \"S1\", \"label\": \"x\"}"), withSerial)
                .get("label").textValue()).isEqualTo("x");
        // A replacement that leaves the immutable value out keeps it, so no later one can set it anew.
        JsonNode leftOut = devices.forReplace(json("{\"key\": \"AQID\"}"), withSerial);
        assertThat(leftOut.get("serial").textValue()).isEqualTo("S1");
        assertError(() -> devices.forReplace(json("{\"key\": \"AQID\", \"serial\": \"S2\"}"), leftOut),
                ScimType.MUTABILITY, "'serial' is immutable: it cannot change from \"S1\" to \"S2\"");
        assertError(() -> devices.forReplace(json("{\"key\": \"AQID\", \"serial\": \"S2\"}"), withSerial),
                ScimType.MUTABILITY, "'serial' is immutable: it cannot change from \"S1\" to \"S2\"");

        assertError(() -> devices.forCreate(json("{\"key\": \"AQID\", \"ports\": 4.5}")), ScimType.INVALID_VALUE,
                "'ports' must be an integer, was 4.5");
        assertError(() -> devices.forCreate(json("{\"key\": \"AQID\", \"seen\": \"yesterday\"}")),
                ScimType.INVALID_VALUE, "'seen' must be an xsd:dateTime such as \"2011-05-13T04:42:34Z\", was \"yesterday\"");
        assertError(() -> devices.forCreate(json("{\"key\": \"AQID\", \"parts\": [{\"kind\": \"cpu\"}]}")),
                ScimType.INVALID_VALUE, "'parts.value' is required");
    }

    @Test
    void theBodyMustBeAnObjectWithAnArrayOfSchemas() {
        assertError(() -> STRICT_USERS.forCreate(json("[]")), ScimType.INVALID_SYNTAX,
                "the request body must be a JSON object");
        assertError(() -> STRICT_USERS.forCreate(json("{\"schemas\": \"" + CORE + "\", \"userName\": \"a\"}")),
                ScimType.INVALID_SYNTAX, "'schemas' must be an array of schema URIs");
        assertError(() -> STRICT_USERS.forCreate(json("{\"schemas\": [\"" + CORE + "\"], \"userName\": \"a\", \""
                        + ENTERPRISE + "\": \"x\"}")), ScimType.INVALID_SYNTAX,
                "'" + ENTERPRISE + "' must be an object of its attributes");
    }

    @Test
    void patchValuesAreNormalisedAndHashedButNeedNotCarryRequiredSubAttributes() {
        Attribute emails = CoreSchemas.USER.attribute("emails").orElseThrow();
        assertThat(LENIENT_USERS.patchValue(emails, json("{\"PRIMARY\": \"True\", \"display\": null}"), "emails"))
                .isEqualTo(json("{\"primary\": true}"));
        assertThat(LENIENT_USERS.patchValue(emails, json("{\"display\": null}"), "emails")).isNull();
        assertThat(LENIENT_USERS.patchValues(emails, json("{\"value\": \"a@x\"}"), "emails"))
                .isEqualTo(json("[{\"value\": \"a@x\"}]"));
        assertThat(LENIENT_USERS.patchValues(emails, json("[null]"), "emails")).isNull();
        assertError(() -> LENIENT_USERS.patchValues(emails, json("[{\"primary\": true}, {\"primary\": true}]"),
                "emails"), ScimType.INVALID_VALUE, "at most one value of 'emails' may be primary, 2 are");

        Attribute password = CoreSchemas.USER.attribute("password").orElseThrow();
        String hash = LENIENT_USERS.patchValue(password, json("\"s3cret\""), "password").textValue();
        assertThat(HASHER.matches("s3cret", hash)).isTrue();

        Attribute manager = CoreSchemas.ENTERPRISE_USER.attribute("manager").orElseThrow();
        assertThat(LENIENT_USERS.patchValue(manager, json("\"26118915\""), "manager"))
                .isEqualTo(json("{\"value\": \"26118915\"}"));

        Attribute parts = Attribute.builder("parts", AttributeType.COMPLEX).multiValued(true).subAttributes(List.of(
                Attribute.builder("value", AttributeType.STRING).required(true).build(),
                Attribute.builder("kind", AttributeType.STRING).build())).build();
        // A patch may merge {"kind": ...} into a part that has its value; forPatch checks the result.
        assertThat(LENIENT_USERS.patchValue(parts, json("{\"kind\": \"cpu\"}"), "parts"))
                .isEqualTo(json("{\"kind\": \"cpu\"}"));
    }

    @Test
    void forPatchKeepsStoredHashesRecomputesSchemasAndCallsRemovedRequiredValuesMutability() {
        JsonNode existing = LENIENT_USERS.forCreate(json("{\"userName\": \"a\", \"password\": \"pw\"}"));
        String hash = existing.get("password").textValue();
        ObjectNode patched = (ObjectNode) existing.deepCopy();
        patched.putObject(ENTERPRISE).put("costCenter", "4130");
        JsonNode result = STRICT_USERS.forPatch(patched, existing);
        assertThat(result.get("password").textValue()).isEqualTo(hash);
        assertThat(result.get("schemas")).isEqualTo(json("[\"" + CORE + "\", \"" + ENTERPRISE + "\"]"));

        ObjectNode withoutPassword = (ObjectNode) existing.deepCopy();
        withoutPassword.remove("password");
        assertThat(STRICT_USERS.forPatch(withoutPassword, existing).has("password")).isFalse();

        ObjectNode withoutUserName = (ObjectNode) existing.deepCopy();
        withoutUserName.remove("userName");
        assertError(() -> STRICT_USERS.forPatch(withoutUserName, existing), ScimType.MUTABILITY,
                "'userName' is required: no operation may remove it or set it to null");
    }

    @Test
    void afterAPatchAnImmutableValueIsKeptAndAnImmutableListOnlyGrows() {
        Schema device = new Schema("urn:x:Device", "Device", "", List.of(
                Attribute.builder("serial", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                Attribute.builder("ports", AttributeType.STRING).multiValued(true).mutability(Mutability.IMMUTABLE)
                        .build()));
        ResourceType type = new ResourceType("Device", "/Devices", "", device.id(), List.of());
        ResourceValidator devices = new ResourceValidator(
                SchemaRegistry.builder().addSchema(device).addResourceType(type).build(), type, false, HASHER);
        JsonNode existing = devices.forCreate(json("{\"serial\": \"S1\", \"ports\": [\"a\"]}"));

        assertThat(devices.forPatch(json("{\"serial\": \"S1\", \"ports\": [\"a\", \"b\"]}"), existing).get("ports"))
                .isEqualTo(json("[\"a\", \"b\"]"));
        assertError(() -> devices.forPatch(json("{\"ports\": [\"a\"]}"), existing), ScimType.MUTABILITY,
                "'serial' is immutable: it cannot be removed");
        assertError(() -> devices.forPatch(json("{\"serial\": \"S2\", \"ports\": [\"a\"]}"), existing),
                ScimType.MUTABILITY, "'serial' is immutable: it cannot change from \"S1\" to \"S2\"");
        assertError(() -> devices.forPatch(json("{\"serial\": \"S1\", \"ports\": [\"b\"]}"), existing),
                ScimType.MUTABILITY, "'ports' is immutable: values can be added to it but \"a\" cannot be removed or"
                        + " changed");
    }

    private static void assertError(Runnable call, ScimType type, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.scimType()).contains(type);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
