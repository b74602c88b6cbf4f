package org.scimengine.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

    private static final String SAP_URN = "urn:ietf:params:scim:schemas:extension:sap:2.0:User";

    @Test
    void theStandardRegistryFindsByUrnNameAndEndpointIgnoringCase() {
        SchemaRegistry registry = SchemaRegistry.standard();
        assertThat(registry.schema("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER")).contains(CoreSchemas.USER);
        assertThat(registry.resourceType("group")).contains(CoreSchemas.GROUP_TYPE);
        assertThat(registry.resourceTypeAtEndpoint("/users")).contains(CoreSchemas.USER_TYPE);
        assertThat(registry.resourceTypeAtEndpoint("/Devices")).isEmpty();
        assertThat(registry.schemas()).containsExactly(CoreSchemas.USER, CoreSchemas.GROUP, CoreSchemas.ENTERPRISE_USER);
        assertThat(registry.resourceTypes()).containsExactly(CoreSchemas.USER_TYPE, CoreSchemas.GROUP_TYPE);
    }

    @Test
    void aHostAddsAnExtensionFromJsonAndANewResourceTypeFromABuilder() {
        Schema sap = Schema.fromJson("""
                {"id": "%s", "name": "SapUser",
                 "attributes": [{"name": "userUuid", "mutability": "immutable", "uniqueness": "server",
                                 "caseExact": true}]}
                """.formatted(SAP_URN));
        Schema device = new Schema("urn:example:scim:schemas:Device", "Device", "A device", List.of(
                Attribute.builder("serialNumber", AttributeType.STRING).required(true).uniqueness(Uniqueness.SERVER)
                        .build(),
                Attribute.builder("lastSeen", AttributeType.DATE_TIME).mutability(Mutability.READ_ONLY).build()));
        SchemaRegistry registry = SchemaRegistry.builder()
                .addSchema(CoreSchemas.USER)
                .addSchema(CoreSchemas.ENTERPRISE_USER)
                .addSchema(sap)
                .addSchema(device)
                .addResourceType(new ResourceType("User", "/Users", "", CoreSchemas.USER_URN, List.of(
                        new SchemaExtension(CoreSchemas.ENTERPRISE_USER_URN, false), new SchemaExtension(SAP_URN, true))))
                .addResourceType(new ResourceType("Device", "/Devices", "", device.id(), List.of()))
                .build();

        Attribute userUuid = registry.schema(SAP_URN).orElseThrow().attribute("useruuid").orElseThrow();
        assertThat(userUuid.type()).isEqualTo(AttributeType.STRING);
        assertThat(userUuid.mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(userUuid.returned()).isEqualTo(Returned.DEFAULT);
        assertThat(registry.resourceType("User").orElseThrow().extension(SAP_URN).orElseThrow().required()).isTrue();
        assertThat(registry.resourceTypeAtEndpoint("/devices").orElseThrow().schema()).isEqualTo(device.id());
    }

    @Test
    void duplicatesAreRejectedWhenAdded() {
        SchemaRegistry.Builder builder = SchemaRegistry.builder().addStandard();
        assertThatThrownBy(() -> builder.addSchema(new Schema(CoreSchemas.USER_URN.toUpperCase(), "x", "", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> builder.addResourceType(
                        new ResourceType("user", "/People", "", CoreSchemas.USER_URN, List.of())))
                .hasMessage("resource type user is already registered");
        assertThatThrownBy(() -> builder.addResourceType(
                        new ResourceType("Person", "/USERS", "", CoreSchemas.USER_URN, List.of())))
                .hasMessage("endpoint /USERS already serves resource type User");
    }

    @Test
    void buildRejectsEveryUnknownSchemaReference() {
        SchemaRegistry.Builder builder = SchemaRegistry.builder()
                .addSchema(CoreSchemas.USER)
                .addResourceType(CoreSchemas.USER_TYPE)
                .addResourceType(CoreSchemas.GROUP_TYPE);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource type User uses unknown extension " + CoreSchemas.ENTERPRISE_USER_URN
                        + "; resource type Group uses unknown schema " + CoreSchemas.GROUP_URN);
    }

    @Test
    void resourceTypesValidateTheirEndpointAndExtensions() {
        assertThatThrownBy(() -> new ResourceType("Device", "Devices", "", "urn:x:Device", List.of()))
                .hasMessageContaining("must be one path segment after '/'");
        assertThatThrownBy(() -> new ResourceType("Device", "/a/b", "", "urn:x:Device", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResourceType("Device", "/Devices", "", "urn:x:Device",
                        List.of(new SchemaExtension("urn:x:Ext", false), new SchemaExtension("URN:X:EXT", true))))
                .hasMessage("resource type Device lists extension URN:X:EXT twice");
        assertThatThrownBy(() -> new ResourceType("Device", "/Devices", "", "urn:x:Device",
                        List.of(new SchemaExtension("urn:x:device", false))))
                .hasMessage("resource type Device lists its core schema as an extension");
    }
}
