package org.scimengine.demo.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimengine.core.ResourceRule;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.schema.CoreSchemas;

/** The rules on their own, on attributes as the validator hands them over. */
class VendorRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID FIXED = UUID.fromString("b2c3d4e5-f6a7-8901-bcde-f23456789012");

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode user(String json) {
        return (ObjectNode) tree(json);
    }

    private static ObjectNode validUser() {
        return user("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "john.doe@example.com",
                 "emails": [{"value": "john.doe@example.com", "type": "work", "primary": true}]}
                """);
    }

    @Test
    void aValidUserPassesTheChecksUnchanged() {
        ObjectNode user = validUser();
        ObjectNode before = user.deepCopy();
        VendorRules.userNameIsEmail().apply(VendorSchemas.USER_TYPE, user);
        VendorRules.primaryEmailRequired().apply(VendorSchemas.USER_TYPE, user);
        assertThat(user).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"john.doe", "john doe@example.com", "john@example", "jo\u202Ehn@example.com"})
    void aUserNameThatIsNoEmailAddressIsAnInvalidValueSayingWhatToSend(String userName) {
        ObjectNode user = validUser().put("userName", userName);
        assertThatThrownBy(() -> VendorRules.userNameIsEmail().apply(VendorSchemas.USER_TYPE, user))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).startsWith("'userName' must be an email address such as"
                            + " jane.doe@example.com, but '");
                });
    }

    @Test
    void theErrorNamesTheProblem() {
        ObjectNode user = validUser().put("userName", "jdoe");
        assertThatThrownBy(() -> VendorRules.userNameIsEmail().apply(VendorSchemas.USER_TYPE, user))
                .hasMessage("'userName' must be an email address such as jane.doe@example.com, but 'jdoe' has no"
                        + " '@' between the mailbox name and the domain");
    }

    @Test
    void aLongRejectedUserNameIsShortenedInTheError() {
        String userName = "x".repeat(500);
        ObjectNode user = validUser().put("userName", userName);
        assertThatThrownBy(() -> VendorRules.userNameIsEmail().apply(VendorSchemas.USER_TYPE, user))
                .hasMessageContaining("'" + "x".repeat(80) + "…'")
                .hasMessageNotContaining("x".repeat(81));
    }

    @Test
    void aUnicodeUserNameIsAnEmailAddress() {
        ObjectNode user = validUser().put("userName", "jörg@müller.de");
        VendorRules.userNameIsEmail().apply(VendorSchemas.USER_TYPE, user);
        assertThat(user.get("userName").textValue()).isEqualTo("jörg@müller.de");
    }

    @Test
    void noEmailsAtAllIsAnInvalidValue() {
        ObjectNode user = validUser();
        user.remove("emails");
        assertThatThrownBy(() -> VendorRules.primaryEmailRequired().apply(VendorSchemas.USER_TYPE, user))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).isEqualTo("a user needs an email address marked primary: add 'emails'"
                            + " with one value such as {\"value\": \"jane.doe@example.com\", \"type\": \"work\","
                            + " \"primary\": true}");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"value\": \"john@example.com\", \"type\": \"work\"}]",
            "[{\"value\": \"john@example.com\", \"primary\": false}, {\"value\": \"j@example.org\"}]",
            "[{\"type\": \"work\", \"primary\": true}]",
            "[{\"value\": \"\", \"primary\": true}]",
    })
    void emailsWithoutAPrimaryAddressAreAnInvalidValue(String emails) {
        ObjectNode user = validUser();
        user.set("emails", tree(emails));
        assertThatThrownBy(() -> VendorRules.primaryEmailRequired().apply(VendorSchemas.USER_TYPE, user))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).startsWith("one of the user's 'emails' must be marked primary: add"
                            + " \"primary\": true to the main address");
                });
    }

    @Test
    void aPrimaryAddressAmongOthersIsEnough() {
        ObjectNode user = validUser();
        user.set("emails", tree("""
                [{"value": "home@example.org", "type": "home"},
                 {"value": "work@example.com", "type": "work", "primary": true}]
                """));
        VendorRules.primaryEmailRequired().apply(VendorSchemas.USER_TYPE, user);
        assertThat(user.get("emails")).hasSize(2);
    }

    @Test
    void aMissingUserUuidIsGeneratedAndItsExtensionListed() {
        ObjectNode user = validUser();
        VendorRules.userUuidGenerated(() -> FIXED).apply(VendorSchemas.USER_TYPE, user);
        assertThat(user.path(VendorSchemas.SAP_USER_URN).path("userUuid").textValue()).isEqualTo(FIXED.toString());
        assertThat(user.get("schemas")).extracting(n -> n.textValue())
                .containsExactly(CoreSchemas.USER_URN, VendorSchemas.SAP_USER_URN);
    }

    @Test
    void aGivenUserUuidIsKept() {
        ObjectNode user = validUser();
        user.withArray("schemas").add(VendorSchemas.SAP_USER_URN);
        user.putObject(VendorSchemas.SAP_USER_URN).put("userUuid", "11111111-2222-3333-4444-555555555555");
        ObjectNode before = user.deepCopy();
        VendorRules.userUuidGenerated(() -> FIXED).apply(VendorSchemas.USER_TYPE, user);
        assertThat(user).isEqualTo(before);
    }

    @Test
    void generatedUserUuidsAreRandomUuids() {
        ObjectNode first = validUser();
        ObjectNode second = validUser();
        ResourceRule rule = VendorRules.all().get(2);
        rule.apply(VendorSchemas.USER_TYPE, first);
        rule.apply(VendorSchemas.USER_TYPE, second);
        String a = first.path(VendorSchemas.SAP_USER_URN).path("userUuid").textValue();
        String b = second.path(VendorSchemas.SAP_USER_URN).path("userUuid").textValue();
        assertThat(UUID.fromString(a).version()).isEqualTo(4);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aMissingOrBlankAccessRoleIsTheDefaultRole() {
        ObjectNode absent = validUser();
        VendorRules.accessRoleDefaulted().apply(VendorSchemas.USER_TYPE, absent);
        assertThat(absent.path(VendorSchemas.ACCESS_USER_URN).path("accessRole").textValue())
                .isEqualTo("Content Curator");
        assertThat(absent.get("schemas")).extracting(n -> n.textValue()).contains(VendorSchemas.ACCESS_USER_URN);

        ObjectNode blank = validUser();
        blank.withArray("schemas").add(VendorSchemas.ACCESS_USER_URN);
        blank.putObject(VendorSchemas.ACCESS_USER_URN).put("accessRole", " ");
        VendorRules.accessRoleDefaulted().apply(VendorSchemas.USER_TYPE, blank);
        assertThat(blank.path(VendorSchemas.ACCESS_USER_URN).path("accessRole").textValue())
                .isEqualTo("Content Curator");
        assertThat(blank.get("schemas")).hasSize(2);
    }

    @Test
    void aGivenAccessRoleAndAllowedSystemsAreKept() {
        ObjectNode user = validUser();
        user.withArray("schemas").add(VendorSchemas.ACCESS_USER_URN);
        ObjectNode access = user.putObject(VendorSchemas.ACCESS_USER_URN);
        access.put("accessRole", "6f1c2a9e-0d4b-4e51-9a57-3c2b1d0e9f88");
        access.putArray("allowedSystems").add("sys-1");
        ObjectNode before = user.deepCopy();
        VendorRules.accessRoleDefaulted().apply(VendorSchemas.USER_TYPE, user);
        assertThat(user).isEqualTo(before);
    }

    @Test
    void groupsAreLeftAlone() {
        ObjectNode group = user("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "not an email"}
                """);
        ObjectNode before = group.deepCopy();
        for (ResourceRule rule : VendorRules.all()) {
            rule.apply(VendorSchemas.GROUP_TYPE, group);
        }
        assertThat(group).isEqualTo(before);
    }
}
