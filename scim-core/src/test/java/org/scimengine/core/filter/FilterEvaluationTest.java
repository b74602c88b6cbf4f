package org.scimengine.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimengine.core.internal.filter.FilterCompiler;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;

/** The in-memory evaluation semantics, row by row, on an RFC 7643 §8.2-style user. */
class FilterEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final JsonNode BJENSEN = load("bjensen.json");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // caseExact decides: userName is not case-exact, id is
        "userName eq \"BJENSEN@example.com\"                          | true",
        "id eq \"2819C223-7F76-453A-919D-413861904646\"               | false",
        "id eq \"2819c223-7f76-453a-919d-413861904646\"               | true",
        "name.familyName co \"ENS\" and name.familyName sw \"j\" and name.familyName ew \"SEN\" | true",
        "userName gt \"a\" and userName lt \"C\"                        | true",
        "schemas eq \"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER\" | true",
        "meta.version eq \"W/\\\"3694e05e9dff591\\\"\"                   | true",
        // presence: an empty string is no value; a complex value is present when a member is
        "title pr                                                    | true",
        "nickName pr                                                 | false",
        "nickName eq null                                            | true",
        "locale pr                                                   | false",
        "name pr and emails pr and not (addresses pr)                | true",
        // ne is not (eq): true where there is no value at all
        "locale ne \"en\"                                              | true",
        "locale eq null and title ne null                            | true",
        "emails.value ne \"bjensen@example.com\"                       | false",
        "emails.value ne \"nobody@example.com\"                        | true",
        // multi-valued: any value; value filters: one element satisfies all of it
        "emails co \"jensen.org\"                                      | true",
        "emails.type eq \"work\" and emails.value co \"jensen.org\"      | true",
        "emails[type eq \"work\" and value co \"jensen.org\"]            | false",
        "emails[type eq \"home\" and value co \"jensen.org\"]            | true",
        "emails[type eq \"work\"].value eq \"BJENSEN@EXAMPLE.COM\"       | true",
        "emails[primary eq true] and emails[not (primary eq true)]   | true",
        "emails[type eq \"other\"]                                     | false",
        "phoneNumbers[type eq \"work\" and value pr]                   | true",
        // dateTimes compare as instants, whatever the offset
        "meta.lastModified eq \"2011-05-13T06:42:34+02:00\"            | true",
        "meta.lastModified gt \"2011-05-13T04:42:33Z\"                 | true",
        "meta.lastModified lt \"2011-05-13T04:42:34Z\"                 | false",
        "meta.lastModified le \"2011-05-13T04:42:34.000Z\"             | true",
        "meta.created ge \"2010-01-23T04:56:22\"                       | true",
        // booleans, also as the strings identity providers send
        "active eq true and active ne false and active eq \"True\"     | true",
        "active eq \"False\"                                           | false",
        // extension attributes, qualified or not, and the implicit value of manager
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\" | true",
        "employeeNumber sw \"70\" and costCenter eq \"4130\"             | true",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\" | true",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87E4-49D8CA9F808D\" | false",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr | false",
        "x509Certificates.value eq \"MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw\" | true",
        // the RFC 7644 §3.4.2.2 examples
        "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\") | true",
        "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\") | false",
        "title pr and userType eq \"Intern\"                           | false",
        "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"] | true"
    })
    void evaluatesAgainstTheRfcUser(String filter, boolean expected) {
        assertThat(resolve(filter.strip(), CoreSchemas.USER_TYPE, REGISTRY).matches(BJENSEN)).isEqualTo(expected);
    }

    @Test
    void numbersCompareNumericallyAndWrongStoredTypesNeverMatch() throws IOException {
        Schema device = new Schema("urn:x:Device", "Device", "", List.of(
                Attribute.builder("ports", AttributeType.INTEGER).build(),
                Attribute.builder("load", AttributeType.DECIMAL).build(),
                Attribute.builder("label", AttributeType.STRING).build()));
        ResourceType type = new ResourceType("Device", "/Devices", "", device.id(), List.of());
        SchemaRegistry registry = SchemaRegistry.builder().addSchema(device).addResourceType(type).build();
        JsonNode resource = JSON.readTree("{\"ports\": 4, \"load\": 0.5, \"label\": 7}");
        assertThat(resolve("ports eq 4.0 and ports gt 3 and ports le 4", type, registry).matches(resource)).isTrue();
        assertThat(resolve("load eq 0.50 and load lt 1e0", type, registry).matches(resource)).isTrue();
        assertThat(resolve("label eq \"7\"", type, registry).matches(resource)).isFalse();
        assertThat(resolve("label pr", type, registry).matches(resource)).isTrue();
        assertThat(resolve("ports eq 4", type, registry).matches(JSON.readTree("{\"ports\": \"4\"}"))).isFalse();
    }

    @Test
    void stringsOrderByCodePointAsPostgresqlsCCollationDoes() {
        // U+FFFF sorts before U+1F600 by code point, but after its surrogates by UTF-16 unit.
        assertThat(FilterCompiler.compareCodePoints("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(FilterCompiler.compareCodePoints("ab", "abc")).isNegative();
        assertThat(FilterCompiler.compareCodePoints("abc", "abc")).isZero();
    }

    @Test
    void aMissingExtensionObjectIsNoValue() throws IOException {
        JsonNode minimal = JSON.readTree("{\"userName\": \"x\"}");
        ResolvedFilter filter = resolve("employeeNumber pr or employeeNumber eq \"1\"", CoreSchemas.USER_TYPE, REGISTRY);
        assertThat(filter.matches(minimal)).isFalse();
        assertThat(resolve("not (employeeNumber pr) and employeeNumber ne \"1\"", CoreSchemas.USER_TYPE, REGISTRY)
                .matches(minimal)).isTrue();
    }

    private static ResolvedFilter resolve(String text, ResourceType type, SchemaRegistry registry) {
        return ResolvedFilter.parse(text, FilterParser.standard(), registry, type);
    }

    private static JsonNode load(String name) {
        try (InputStream in = FilterEvaluationTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
