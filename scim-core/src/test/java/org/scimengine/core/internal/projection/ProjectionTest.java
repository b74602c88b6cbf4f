package org.scimengine.core.internal.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Returned;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;

/** attributes, excludedAttributes and the returned characteristic, on a stored user and group. */
class ProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final AttributeResolver USERS = new AttributeResolver(REGISTRY, CoreSchemas.USER_TYPE);
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final JsonNode USER = json("""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
             "id": "2819c223", "externalId": "701984", "userName": "bjensen", "password": "$pbkdf2-sha256$i=1$a$b",
             "name": {"givenName": "Barbara", "familyName": "Jensen"}, "title": "Tour Guide",
             "emails": [{"value": "b@example.com", "type": "work", "primary": true}, {"value": "b@home.org", "type": "home"}],
             "groups": [{"value": "e9e30dba", "display": "Tour Guides"}],
             "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z"},
             "%s": {"employeeNumber": "701984", "manager": {"value": "26118915", "displayName": "John Smith"}}}"""
            .formatted(ENTERPRISE, ENTERPRISE));

    @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // no lists: every default attribute; never the password
        "-                 | -                   | schemas,id,externalId,userName,name,title,emails,groups,meta," + ENTERPRISE,
        // attributes: the listed ones and the always ones (schemas, id)
        "userName          | -                   | schemas,id,userName",
        "USERNAME,name     | -                   | schemas,id,userName,name",
        "password,userName | -                   | schemas,id,userName",
        "meta.lastModified | -                   | schemas,id,meta",
        ENTERPRISE + ":employeeNumber | -      | schemas,id," + ENTERPRISE,
        ENTERPRISE + "     | -                   | schemas,id," + ENTERPRISE,
        // excludedAttributes: everything default but those; always attributes stay
        "-                 | emails,groups,id    | schemas,id,externalId,userName,name,title,meta," + ENTERPRISE,
        "-                 | " + ENTERPRISE + "  | schemas,id,externalId,userName,name,title,emails,groups,meta",
        // both: attributes decides
        "title             | title               | schemas,id,title"
    })
    void topLevelAttributes(String attributes, String excluded, String expected) {
        ObjectNode projected = project(attributes, excluded);
        assertThat(names(projected)).containsExactlyInAnyOrder(expected.strip().split(","));
    }

    @Test
    void listingASubAttributeNarrowsItsComplexAttribute() {
        assertThat(project("emails.value", null).get("emails"))
                .isEqualTo(json("[{\"value\": \"b@example.com\"}, {\"value\": \"b@home.org\"}]"));
        assertThat(project("meta.lastModified,name.familyName", null))
                .isEqualTo(json("""
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"], "id": "2819c223",
                         "name": {"familyName": "Jensen"}, "meta": {"lastModified": "2011-05-13T04:42:34Z"}}"""
                        .formatted(ENTERPRISE)));
        assertThat(project(ENTERPRISE + ":manager.value", null).get(ENTERPRISE))
                .isEqualTo(json("{\"manager\": {\"value\": \"26118915\"}}"));
    }

    @Test
    void excludingASubAttributeRemovesItFromEveryValue() {
        assertThat(project(null, "emails.type,emails.primary").get("emails"))
                .isEqualTo(json("[{\"value\": \"b@example.com\"}, {\"value\": \"b@home.org\"}]"));
        assertThat(project(null, "emails.value,emails.type,emails.primary").has("emails")).isFalse();
    }

    @Test
    void entraReadsGroupsWithoutMembers() {
        AttributeResolver groups = new AttributeResolver(REGISTRY, CoreSchemas.GROUP_TYPE);
        JsonNode group = json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1", "displayName": "Sales",
                 "members": [{"value": "2819c223", "type": "User"}]}""");
        assertThat(Projection.parse(null, "members", FilterParser.standard(), groups).apply(group))
                .isEqualTo(json("""
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1",
                         "displayName": "Sales"}"""));
    }

    @Test
    void requestAttributesOnlyWhenAskedFor() {
        Schema device = new Schema("urn:x:Device", "Device", "", List.of(
                Attribute.builder("label", AttributeType.STRING).build(),
                Attribute.builder("secretHint", AttributeType.STRING).returned(Returned.REQUEST).build()));
        ResourceType type = new ResourceType("Device", "/Devices", "", device.id(), List.of());
        AttributeResolver devices = new AttributeResolver(
                SchemaRegistry.builder().addSchema(device).addResourceType(type).build(), type);
        JsonNode stored = json("{\"schemas\": [\"urn:x:Device\"], \"id\": \"d1\", \"label\": \"x\", \"secretHint\": \"y\"}");
        assertThat(Projection.parse(null, null, FilterParser.standard(), devices).apply(stored).has("secretHint"))
                .isFalse();
        assertThat(Projection.parse("secretHint", null, FilterParser.standard(), devices).apply(stored))
                .isEqualTo(json("{\"schemas\": [\"urn:x:Device\"], \"id\": \"d1\", \"secretHint\": \"y\"}"));
    }

    @Test
    void unknownOrMalformedListsAreInvalidValue() {
        assertThatThrownBy(() -> project("shoeSize", null)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
            assertThat(e.detail()).isEqualTo("'attributes': unknown attribute 'shoeSize' for resource type User");
        });
        assertThatThrownBy(() -> project(null, "emails[type eq \"work\"]"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).startsWith("'excludedAttributes': expected ',' or the end of the input");
                });
    }

    @Test
    void theStoredResourceIsNotChanged() {
        JsonNode before = USER.deepCopy();
        project("emails.value", null);
        project(null, "emails.type");
        assertThat(USER).isEqualTo(before);
    }

    private static ObjectNode project(String attributes, String excluded) {
        return Projection.parse(attributes, excluded, FilterParser.standard(), USERS).apply(USER);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
