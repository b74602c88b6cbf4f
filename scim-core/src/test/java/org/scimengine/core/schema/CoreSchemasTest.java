package org.scimengine.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped RFC 7643 schemas load with the characteristics the engine relies on. */
class CoreSchemasTest {

    @Test
    void userHasEveryRfc7643Attribute() {
        assertThat(CoreSchemas.USER.id()).isEqualTo(CoreSchemas.USER_URN);
        assertThat(CoreSchemas.USER.attributes()).extracting(Attribute::name).containsExactlyInAnyOrder(
                "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
                "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
                "groups", "entitlements", "roles", "x509Certificates");
        // The common attributes belong to every resource, not to a schema (RFC 7643 §3.1).
        assertThat(CoreSchemas.USER.attribute("id")).isEmpty();
        assertThat(CoreSchemas.USER.attribute("meta")).isEmpty();
    }

    @Test
    void userCharacteristicsTheEngineDependsOn() {
        Attribute userName = attribute(CoreSchemas.USER, "USERNAME");
        assertThat(userName.name()).isEqualTo("userName");
        assertThat(userName.required()).isTrue();
        assertThat(userName.caseExact()).isFalse();
        assertThat(userName.uniqueness()).isEqualTo(Uniqueness.SERVER);

        Attribute password = attribute(CoreSchemas.USER, "password");
        assertThat(password.mutability()).isEqualTo(Mutability.WRITE_ONLY);
        assertThat(password.returned()).isEqualTo(Returned.NEVER);

        Attribute groups = attribute(CoreSchemas.USER, "groups");
        assertThat(groups.multiValued()).isTrue();
        assertThat(groups.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(groups.subAttribute("$REF").orElseThrow().type()).isEqualTo(AttributeType.REFERENCE);
        assertThat(groups.subAttribute("value").orElseThrow().caseExact()).isTrue();

        Attribute emails = attribute(CoreSchemas.USER, "emails");
        assertThat(emails.type()).isEqualTo(AttributeType.COMPLEX);
        assertThat(emails.subAttribute("type").orElseThrow().canonicalValues()).contains("work", "home", "other");
        assertThat(emails.subAttribute("primary").orElseThrow().type()).isEqualTo(AttributeType.BOOLEAN);

        assertThat(attribute(CoreSchemas.USER, "active").type()).isEqualTo(AttributeType.BOOLEAN);
        assertThat(attribute(CoreSchemas.USER, "x509Certificates").subAttribute("value").orElseThrow().type())
                .isEqualTo(AttributeType.BINARY);
        assertThat(attribute(CoreSchemas.USER, "name").subAttributes()).extracting(Attribute::name)
                .containsExactly("formatted", "familyName", "givenName", "middleName", "honorificPrefix",
                        "honorificSuffix");
    }

    @Test
    void groupMembersAndEnterpriseManager() {
        Attribute members = attribute(CoreSchemas.GROUP, "members");
        assertThat(members.multiValued()).isTrue();
        Attribute value = members.subAttribute("value").orElseThrow();
        assertThat(value.mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(value.caseExact()).isTrue();
        assertThat(members.subAttribute("type").orElseThrow().canonicalValues()).containsExactly("User", "Group");
        assertThat(members.subAttribute("$ref").orElseThrow().referenceTypes()).contains("User", "Group");

        Attribute manager = attribute(CoreSchemas.ENTERPRISE_USER, "manager");
        assertThat(manager.type()).isEqualTo(AttributeType.COMPLEX);
        assertThat(manager.subAttribute("displayName").orElseThrow().mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(CoreSchemas.ENTERPRISE_USER.attributes()).extracting(Attribute::name).containsExactly(
                "employeeNumber", "costCenter", "organization", "division", "department", "manager");
    }

    @Test
    void standardResourceTypes() {
        assertThat(CoreSchemas.USER_TYPE.endpoint()).isEqualTo("/Users");
        assertThat(CoreSchemas.USER_TYPE.extension(CoreSchemas.ENTERPRISE_USER_URN)).hasValueSatisfying(
                extension -> assertThat(extension.required()).isFalse());
        assertThat(CoreSchemas.GROUP_TYPE.schemaExtensions()).isEmpty();
    }

    private static Attribute attribute(Schema schema, String name) {
        return schema.attribute(name).orElseThrow();
    }
}
