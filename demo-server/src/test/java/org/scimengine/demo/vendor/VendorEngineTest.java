package org.scimengine.demo.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ResourceResult;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;
import org.scimengine.core.config.ServiceProviderConfig;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.Mutability;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.Uniqueness;
import org.scimengine.store.memory.InMemoryResourceStore;

/** The vendor's configuration served by the engine over the in-memory store. */
class VendorEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext ACME = RequestContext.of("acme", "https://demo.example/scim/v2");
    private static final AttributeSelection ALL = AttributeSelection.DEFAULT;

    private final InMemoryResourceStore store = InMemoryResourceStore.create();
    private final ScimEngine engine = VendorEngine.builder(store)
            .clock(Clock.fixed(Instant.parse("2025-12-02T11:30:23Z"), ZoneOffset.UTC))
            .passwordHashIterations(1)
            .build();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Seed 002's example request body. */
    private static ObjectNode seedUser(String userName) {
        return json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:sap:2.0:User"],
                 "userName": "%s",
                 "name": {"formatted": "John Doe", "familyName": "Doe", "givenName": "John"},
                 "displayName": "John Doe",
                 "emails": [{"value": "%s", "type": "work", "primary": true}],
                 "active": true}
                """.formatted(userName, userName));
    }

    private ResourceResult create(ObjectNode body) {
        return engine.create(ACME, "User", body, ALL);
    }

    private static String userUuid(JsonNode user) {
        return user.path(VendorSchemas.SAP_USER_URN).path("userUuid").textValue();
    }

    private static List<String> schemas(JsonNode resource) {
        return StreamSupport.stream(resource.get("schemas").spliterator(), false).map(JsonNode::textValue).toList();
    }

    private long userCount() {
        return engine.search(ACME, "User", SearchRequest.all()).get("totalResults").longValue();
    }

    @Test
    void theRegistryHoldsTheVendorsSchemasAndResourceTypes() {
        assertThat(engine.registry().schemas()).extracting(s -> s.id()).containsExactly(CoreSchemas.USER_URN,
                CoreSchemas.ENTERPRISE_USER_URN, VendorSchemas.SAP_USER_URN, VendorSchemas.ACCESS_USER_URN,
                CoreSchemas.GROUP_URN);
        assertThat(engine.registry().resourceTypeAtEndpoint("/Users").orElseThrow().schemaExtensions())
                .containsExactly(new SchemaExtension(CoreSchemas.ENTERPRISE_USER_URN, false),
                        new SchemaExtension(VendorSchemas.SAP_USER_URN, false),
                        new SchemaExtension(VendorSchemas.ACCESS_USER_URN, false));
        assertThat(engine.registry().resourceTypeAtEndpoint("/Groups").orElseThrow().schema())
                .isEqualTo(CoreSchemas.GROUP_URN);

        Attribute userUuid = VendorSchemas.SAP_USER.attribute("userUuid").orElseThrow();
        assertThat(userUuid.mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(userUuid.uniqueness()).isEqualTo(Uniqueness.SERVER);
        Attribute allowedSystems = VendorSchemas.ACCESS_USER.attribute("allowedSystems").orElseThrow();
        assertThat(allowedSystems.multiValued()).isTrue();
        assertThat(VendorSchemas.ACCESS_USER.attribute("accessRole").orElseThrow().multiValued()).isFalse();
    }

    @Test
    void theDiscoveryDocumentsListTheExtensions() {
        ObjectNode schemas = engine.schemasDocument(ACME);
        assertThat(schemas.get("totalResults").intValue()).isEqualTo(5);
        ObjectNode sap = engine.schemaDocument(ACME, VendorSchemas.SAP_USER_URN);
        assertThat(sap.at("/attributes/0/name").textValue()).isEqualTo("userUuid");
        assertThat(sap.at("/attributes/0/mutability").textValue()).isEqualTo("immutable");
        assertThat(sap.at("/meta/location").textValue())
                .isEqualTo("https://demo.example/scim/v2/Schemas/" + VendorSchemas.SAP_USER_URN);
        ObjectNode user = engine.resourceTypeDocument(ACME, "User");
        assertThat(user.get("schemaExtensions")).hasSize(3);
    }

    @Test
    void pagesHoldAThousandByDefaultAndAtMost() {
        ServiceProviderConfig config = engine.serviceProviderConfig();
        assertThat(config.filter().maxResults()).isEqualTo(1000);
        assertThat(config.pagination().defaultPageSize()).isEqualTo(1000);
        assertThat(config.pagination().maxPageSize()).isEqualTo(1000);
        assertThat(config.authenticationSchemes()).extracting(ServiceProviderConfig.AuthenticationScheme::type)
                .containsExactly("httpbasic", "oauthbearertoken");
    }

    @Test
    void aUserWithTheSapExtensionAndTheAccessAttributesIsStoredAsSent() {
        ObjectNode body = seedUser("john.doe@example.com");
        body.withArray("schemas").add(VendorSchemas.ACCESS_USER_URN);
        body.putObject(VendorSchemas.SAP_USER_URN).put("userUuid", "b2c3d4e5-f6a7-8901-bcde-f23456789012");
        ObjectNode access = body.putObject(VendorSchemas.ACCESS_USER_URN);
        access.put("accessRole", "6f1c2a9e-0d4b-4e51-9a57-3c2b1d0e9f88");
        access.putArray("allowedSystems").add("0d7c-sys-a").add("1e8d-sys-b");

        ResourceResult created = create(body);
        ObjectNode user = engine.get(ACME, "User", created.id(), ALL).resource();

        assertThat(userUuid(user)).isEqualTo("b2c3d4e5-f6a7-8901-bcde-f23456789012");
        assertThat(user.path(VendorSchemas.ACCESS_USER_URN)).isEqualTo(json("""
                {"accessRole": "6f1c2a9e-0d4b-4e51-9a57-3c2b1d0e9f88",
                 "allowedSystems": ["0d7c-sys-a", "1e8d-sys-b"]}
                """));
        assertThat(schemas(user)).containsExactlyInAnyOrder(CoreSchemas.USER_URN, VendorSchemas.SAP_USER_URN,
                VendorSchemas.ACCESS_USER_URN);
        assertThat(user.at("/meta/resourceType").textValue()).isEqualTo("User");
        assertThat(user.get("userName").textValue()).isEqualTo("john.doe@example.com");
    }

    @Test
    void aUserWithoutTheExtensionsGetsAUserUuidAndTheDefaultRole() {
        ObjectNode body = seedUser("jane@example.com");
        body.set("schemas", JSON.createArrayNode().add(CoreSchemas.USER_URN));

        ObjectNode user = create(body).resource();

        assertThat(UUID.fromString(userUuid(user)).version()).isEqualTo(4);
        assertThat(user.path(VendorSchemas.ACCESS_USER_URN).path("accessRole").textValue())
                .isEqualTo("Content Curator");
        assertThat(user.path(VendorSchemas.ACCESS_USER_URN).has("allowedSystems")).isFalse();
        assertThat(schemas(user)).contains(VendorSchemas.SAP_USER_URN, VendorSchemas.ACCESS_USER_URN);
    }

    @Test
    void aUserCanBeFoundByItsUserUuid() {
        String uuid = userUuid(create(seedUser("find.me@example.com")).resource());
        create(seedUser("someone.else@example.com"));

        ObjectNode found = engine.search(ACME, "User",
                SearchRequest.all().withFilter(VendorSchemas.SAP_USER_URN + ":userUuid eq \"" + uuid + "\""));

        assertThat(found.get("totalResults").intValue()).isEqualTo(1);
        assertThat(found.at("/Resources/0/userName").textValue()).isEqualTo("find.me@example.com");
    }

    @Test
    void anInvalidUserNameIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> create(seedUser("john.doe")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains("'userName' must be an email address");
                });
        assertThat(userCount()).isZero();
    }

    @Test
    void aUserWithoutAPrimaryEmailIsRefused() {
        ObjectNode body = seedUser("john.doe@example.com");
        ((ObjectNode) body.get("emails").get(0)).remove("primary");
        assertThatThrownBy(() -> create(body))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.detail())
                        .startsWith("one of the user's 'emails' must be marked primary"));
        assertThat(userCount()).isZero();
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
        create(seedUser("john.doe@example.com"));
        assertThatThrownBy(() -> create(seedUser("John.Doe@Example.COM")))
                .isInstanceOfSatisfying(ConflictException.class, e ->
                        assertThat(e.scimType()).contains(ScimType.UNIQUENESS));
        assertThat(userCount()).isOne();
    }

    @Test
    void userUuidsAreUnique() {
        ObjectNode first = seedUser("first@example.com");
        first.putObject(VendorSchemas.SAP_USER_URN).put("userUuid", "b2c3d4e5-f6a7-8901-bcde-f23456789012");
        ObjectNode second = seedUser("second@example.com");
        second.putObject(VendorSchemas.SAP_USER_URN).put("userUuid", "B2C3D4E5-F6A7-8901-BCDE-F23456789012");
        create(first);
        assertThatThrownBy(() -> create(second)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReplacementThatLeavesTheUserUuidOutKeepsIt() {
        ResourceResult created = create(seedUser("john.doe@example.com"));
        String uuid = userUuid(created.resource());
        // Okta's profile push: the whole user, as Okta knows it, without the vendor's extensions.
        ObjectNode push = seedUser("john.doe@example.com");
        push.set("schemas", JSON.createArrayNode().add(CoreSchemas.USER_URN));
        ((ObjectNode) push.get("name")).put("givenName", "Johnny");

        ObjectNode replaced = engine.replace(ACME, "User", created.id(), push, null, ALL).resource();

        assertThat(userUuid(replaced)).isEqualTo(uuid);
        assertThat(replaced.at("/name/givenName").textValue()).isEqualTo("Johnny");
        assertThat(schemas(replaced)).contains(VendorSchemas.SAP_USER_URN);
    }

    @Test
    void aReplacementWithoutAnAccessRoleReturnsToTheDefault() {
        ObjectNode body = seedUser("john.doe@example.com");
        body.withArray("schemas").add(VendorSchemas.ACCESS_USER_URN);
        body.putObject(VendorSchemas.ACCESS_USER_URN).put("accessRole", "editor-role-id");
        ResourceResult created = create(body);

        // PUT replaces every read-write value (RFC 7644 §3.5.1); seed 000's default applies to a user without one.
        ObjectNode replaced = engine.replace(ACME, "User", created.id(), seedUser("john.doe@example.com"), null, ALL)
                .resource();

        assertThat(replaced.path(VendorSchemas.ACCESS_USER_URN).path("accessRole").textValue())
                .isEqualTo("Content Curator");
    }

    @Test
    void aReplacementCannotChangeTheUserUuid() {
        ResourceResult created = create(seedUser("john.doe@example.com"));
        ObjectNode body = seedUser("john.doe@example.com");
        body.putObject(VendorSchemas.SAP_USER_URN).put("userUuid", UUID.randomUUID().toString());

        assertThatThrownBy(() -> engine.replace(ACME, "User", created.id(), body, null, ALL))
                .isInstanceOfSatisfying(BadRequestException.class, e ->
                        assertThat(e.scimType()).contains(ScimType.MUTABILITY));
        assertThat(userUuid(engine.get(ACME, "User", created.id(), ALL).resource()))
                .isEqualTo(userUuid(created.resource()));
    }

    @Test
    void aPatchKeepsTheUserUuid() {
        ResourceResult created = create(seedUser("john.doe@example.com"));
        // Okta's deactivation: a path-less replace.
        ObjectNode patched = engine.patch(ACME, "User", created.id(), json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}
                """), null, ALL).resource();

        assertThat(patched.get("active").booleanValue()).isFalse();
        assertThat(userUuid(patched)).isEqualTo(userUuid(created.resource()));
    }

    @Test
    void aPatchCannotRemoveOrChangeTheUserUuid() {
        ResourceResult created = create(seedUser("john.doe@example.com"));
        for (String operation : List.of(
                "{\"op\": \"remove\", \"path\": \"" + VendorSchemas.SAP_USER_URN + ":userUuid\"}",
                "{\"op\": \"replace\", \"path\": \"" + VendorSchemas.SAP_USER_URN + ":userUuid\", \"value\": \""
                        + UUID.randomUUID() + "\"}")) {
            ObjectNode patch = json("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + " \"Operations\": [" + operation + "]}");
            assertThatThrownBy(() -> engine.patch(ACME, "User", created.id(), patch, null, ALL))
                    .isInstanceOfSatisfying(BadRequestException.class, e ->
                            assertThat(e.scimType()).contains(ScimType.MUTABILITY));
        }
    }

    @Test
    void aPatchThatLeavesNoPrimaryEmailIsRefusedAndChangesNothing() {
        ResourceResult created = create(seedUser("john.doe@example.com"));
        ObjectNode patch = json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove", "path": "emails"}]}
                """);

        assertThatThrownBy(() -> engine.patch(ACME, "User", created.id(), patch, null, ALL))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).startsWith("a user needs an email address marked primary");
                });
        ResourceResult stored = engine.get(ACME, "User", created.id(), ALL);
        assertThat(stored.version()).isEqualTo(created.version());
        assertThat(stored.resource().get("emails")).hasSize(1);
    }

    @Test
    void groupsNeedNoEmailAddress() {
        String member = create(seedUser("john.doe@example.com")).id();
        ObjectNode group = engine.create(ACME, "Group", json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName": "Sales Team",
                 "members": [{"value": "%s", "type": "User"}]}
                """.formatted(member)), ALL).resource();

        assertThat(group.get("displayName").textValue()).isEqualTo("Sales Team");
        assertThat(group.at("/members/0/value").textValue()).isEqualTo(member);
        assertThat(group.has(VendorSchemas.SAP_USER_URN)).isFalse();
    }
}
