package org.scimengine.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schema documents in and out: RFC 7643 §2.2 defaults, and errors that name the attribute at fault. */
class SchemaJsonTest {

    @Test
    void theCoreSchemasSurviveWritingAndReading() {
        for (Schema schema : List.of(CoreSchemas.USER, CoreSchemas.GROUP, CoreSchemas.ENTERPRISE_USER)) {
            assertThat(Schema.fromJson(schema.toJson())).isEqualTo(schema);
        }
        for (ResourceType type : List.of(CoreSchemas.USER_TYPE, CoreSchemas.GROUP_TYPE)) {
            assertThat(ResourceType.fromJson(type.toJson())).isEqualTo(type);
        }
    }

    @Test
    void writtenSchemasCarryEveryCharacteristicAndNoNulls() {
        String json = CoreSchemas.GROUP.toJson();
        assertThat(json).startsWith("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Schema\"]")
                .contains("\"mutability\":\"immutable\"", "\"returned\":\"default\"", "\"uniqueness\":\"none\"",
                        "\"referenceTypes\":[\"User\",\"Group\"]", "\"canonicalValues\":[\"User\",\"Group\"]")
                .doesNotContain("null");
    }

    @Test
    void absentCharacteristicsTakeTheRfcDefaults() {
        Schema schema = Schema.fromJson("{\"id\": \"urn:x:Min\", \"attributes\": [{\"name\": \"nick\"}]}");
        assertThat(schema.name()).isEmpty();
        assertThat(schema.attributes()).containsExactly(Attribute.builder("nick", AttributeType.STRING).build());
        Attribute nick = schema.attributes().get(0);
        assertThat(nick.multiValued()).isFalse();
        assertThat(nick.required()).isFalse();
        assertThat(nick.caseExact()).isFalse();
        assertThat(nick.mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThat(nick.returned()).isEqualTo(Returned.DEFAULT);
        assertThat(nick.uniqueness()).isEqualTo(Uniqueness.NONE);
    }

    @Test
    void characteristicValuesIgnoreCase() {
        Schema schema = Schema.fromJson("""
                {"id": "urn:x:Case", "attributes": [{"name": "when", "type": "DATETIME", "mutability": "READONLY",
                 "returned": "Always", "uniqueness": "GLOBAL"}]}""");
        Attribute when = schema.attributes().get(0);
        assertThat(when.type()).isEqualTo(AttributeType.DATE_TIME);
        assertThat(when.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(when.returned()).isEqualTo(Returned.ALWAYS);
        assertThat(when.uniqueness()).isEqualTo(Uniqueness.GLOBAL);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[{\"name\": \"a\", \"type\": \"text\"}]"
            + "|schema urn:x:S: attribute 'a': 'type' is 'text', not one of string, boolean, decimal, integer, dateTime, reference, binary, complex",
        "[{\"name\": \"a\", \"mutability\": \"sometimes\"}]"
            + "|schema urn:x:S: attribute 'a': 'mutability' is 'sometimes', not one of readOnly, readWrite, immutable, writeOnly",
        "[{\"name\": \"a\", \"required\": \"yes\"}]"
            + "|schema urn:x:S: attribute 'a': 'required' must be true or false, was \"yes\"",
        "[{\"name\": \"c\", \"type\": \"complex\", \"subAttributes\": [{\"name\": \"d\", \"type\": \"nope\"}]}]"
            + "|schema urn:x:S: attribute 'c.d': 'type' is 'nope', not one of string, boolean, decimal, integer, dateTime, reference, binary, complex",
        "[{\"name\": \"c\", \"type\": \"complex\"}]"
            + "|schema urn:x:S: attribute 'c': complex attribute 'c' needs sub-attributes",
        "[{\"name\": \"c\", \"type\": \"complex\", \"subAttributes\": [{\"name\": \"d\", \"type\": \"complex\", \"subAttributes\": [{\"name\": \"e\"}]}]}]"
            + "|schema urn:x:S: attribute 'c': sub-attribute 'c.d' is complex; RFC 7643 §2.3.8 allows only one level of nesting",
        "[{\"name\": \"1a\"}]"
            + "|schema urn:x:S: attribute '1a': not an attribute name: '1a'",
        "[{\"name\": \"a\"}, {\"name\": \"A\"}]"
            + "|schema urn:x:S defines 'A' twice",
        "[{\"type\": \"string\"}]"
            + "|schema urn:x:S attribute: 'name' must be a non-empty string",
        "[{\"name\": \"r\", \"type\": \"string\", \"referenceTypes\": [\"User\"]}]"
            + "|schema urn:x:S: attribute 'r': only a reference has referenceTypes, 'r' is string",
        "{\"name\": \"a\"}"
            + "|schema urn:x:S: attributes must be an array"
    })
    void errorsNameTheAttributeAtFault(String attributes, String message) {
        String json = "{\"id\": \"urn:x:S\", \"attributes\": " + attributes + "}";
        assertThatThrownBy(() -> Schema.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void malformedDocumentsAreRejected() {
        assertThatThrownBy(() -> Schema.fromJson("{\"id\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the schema is not valid JSON");
        assertThatThrownBy(() -> Schema.fromJson("[]")).hasMessage("a schema must be a JSON object");
        assertThatThrownBy(() -> Schema.fromJson("{\"name\": \"x\"}"))
                .hasMessage("schema: 'id' must be a non-empty string");
        assertThatThrownBy(() -> ResourceType.fromJson("{\"name\": \"Device\", \"schema\": \"urn:x:D\"}"))
                .hasMessage("resource type Device: 'endpoint' must be a non-empty string");
    }

    @Test
    void resourceTypesReadTheirExtensions() {
        ResourceType type = ResourceType.fromJson("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], "id": "User", "name": "User",
                 "endpoint": "/Users", "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
                 "schemaExtensions": [{"schema": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                                       "required": true}]}""");
        assertThat(type.description()).isEmpty();
        assertThat(type.schemaExtensions()).containsExactly(
                new SchemaExtension("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", true));
    }
}
