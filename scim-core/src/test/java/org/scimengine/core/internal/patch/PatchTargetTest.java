package org.scimengine.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;

/** PATCH paths from RFC 7644 §3.5.2 and from Okta and Entra ID, resolved against User and Group. */
class PatchTargetTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final AttributeResolver USERS = new AttributeResolver(REGISTRY, CoreSchemas.USER_TYPE);
    private static final AttributeResolver GROUPS = new AttributeResolver(REGISTRY, CoreSchemas.GROUP_TYPE);

    @Test
    void plainAndSubAttributePaths() {
        PatchTarget nickName = user("NICKNAME");
        assertThat(nickName.attribute().attribute().name()).isEqualTo("nickName");
        assertThat(nickName.valueFilter()).isNull();
        assertThat(nickName.extension()).isNull();

        PatchTarget familyName = user("name.familyName");
        assertThat(familyName.attribute().leaf().name()).isEqualTo("familyName");

        PatchTarget employeeNumber = user(CoreSchemas.ENTERPRISE_USER_URN + ":employeeNumber");
        assertThat(employeeNumber.attribute().schemaUrn()).isEqualTo(CoreSchemas.ENTERPRISE_USER_URN);
        assertThat(user(CoreSchemas.ENTERPRISE_USER_URN + ":manager").attribute().leaf().name()).isEqualTo("manager");
        assertThat(user("active").attribute().leaf().name()).isEqualTo("active");
    }

    @Test
    void aBareExtensionUrnNamesTheWholeExtension() {
        PatchTarget extension = user("urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:User");
        assertThat(extension.extension()).isEqualTo(CoreSchemas.ENTERPRISE_USER_URN);
        assertThat(extension.attribute()).isNull();
    }

    @Test
    void valueFilteredPathsSelectElementsAndOptionallyASubAttribute() {
        PatchTarget members = group("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]");
        assertThat(members.attribute().attribute().name()).isEqualTo("members");
        assertThat(members.attribute().subAttribute()).isNull();
        assertThat(members.valueFilter()).hasToString("value eq \"2819c223-7f76-453a-919d-413861904646\"");

        PatchTarget workEmail = user("emails[TYPE eq \"work\"].VALUE");
        assertThat(workEmail.attribute().leaf().name()).isEqualTo("value");
        assertThat(workEmail.valueFilter()).hasToString("type eq \"work\"");

        PatchTarget primary = user("emails[primary eq \"True\" and type eq \"work\"]");
        assertThat(primary.valueFilter()).hasToString("primary eq true and type eq \"work\"");

        PatchTarget street = user("addresses[type eq \"work\"].streetAddress");
        assertThat(street.attribute().leaf().name()).isEqualTo("streetAddress");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nickname2                              | unknown attribute 'nickname2' for resource type User",
        "name.first                             | unknown sub-attribute 'first' of 'name'",
        "userName[value eq \"x\"]                 | 'userName' is not a complex attribute, so it takes no value filter",
        "emails[kind eq \"work\"]                 | unknown sub-attribute 'kind' of 'emails'",
        "emails[type eq \"work\"].kind            | unknown sub-attribute 'kind' of 'emails'",
        "emails[primary gt true]                | 'emails.primary' is a boolean: only eq, ne and pr apply, not gt",
        "urn:x:Nope:attr                        | schema 'urn:x:Nope' is not one of resource type User's",
        "emails[type eq \"work\"                  | expected 'and', 'or' or ']' after '\"work\"' at offset 21, found the end of the input",
        "userName eq \"x\"                        | expected '[' or the end of the input after 'userName' at offset 9, found 'eq'"
    })
    void badPathsAreInvalidPath(String path, String detail) {
        assertThatThrownBy(() -> user(path.strip()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_PATH);
                    assertThat(e.detail()).isEqualTo(detail.strip());
                });
    }

    private static PatchTarget user(String path) {
        return PatchTarget.parse(path, FilterParser.standard(), USERS);
    }

    private static PatchTarget group(String path) {
        return PatchTarget.parse(path, FilterParser.standard(), GROUPS);
    }
}
