package org.scimengine.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.ValuePath;

/** Filters resolved against the standard User and Group types: canonical text in, SCIM errors out. */
class ResolvedFilterTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // names take the schema's spelling; the core schema's URN is dropped
        "USERNAME eq \"bjensen\"                                         | userName eq \"bjensen\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"     | userName sw \"J\"",
        "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:NAME.FAMILYNAME pr  | name.familyName pr",
        // a comparison on a complex attribute means its value (RFC 7644 §3.4.2.2's own examples)
        "emails co \"example.com\"                                       | emails.value co \"example.com\"",
        "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"
            + "| userType eq \"Employee\" and (emails.value co \"example.com\" or emails.value co \"example.org\")",
        "emails.TYPE eq \"work\"                                         | emails.type eq \"work\"",
        "EMAILS[TYPE eq \"work\" and VALUE co \"@example.com\"]           | emails[type eq \"work\" and value co \"@example.com\"]",
        "emails[type eq \"work\"].value eq \"a@example.com\"              | emails[type eq \"work\" and value eq \"a@example.com\"]",
        // presence of a complex attribute is the attribute itself
        "name pr                                                       | name pr",
        "emails pr                                                     | emails pr",
        // extension attributes keep (or gain) their schema URN
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:EMPLOYEENUMBER eq \"701984\""
            + "| urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
        "employeeNumber eq \"701984\"                                    | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\""
            + "| urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq \"26118915\""
            + "| urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"",
        // common attributes, also when a client qualifies them with the core URN
        "id eq \"2819c223\" and externalId pr                            | id eq \"2819c223\" and externalId pr",
        "urn:ietf:params:scim:schemas:core:2.0:User:id eq \"2819c223\"    | id eq \"2819c223\"",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\"                   | meta.lastModified gt \"2011-05-13T04:42:34Z\"",
        "meta.created le \"2011-05-13T06:42:34+02:00\"                   | meta.created le \"2011-05-13T06:42:34+02:00\"",
        "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\""
            + "| schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
        // booleans, including the strings identity providers send
        "active eq true                                                | active eq true",
        "active eq \"False\"                                             | active eq false",
        "active ne \"TRUE\"                                              | active ne true",
        "emails[primary eq \"True\"]                                     | emails[primary eq true]",
        // ordering of strings, null with eq and ne, the derived groups attribute
        "userName gt \"m\" and title ne null and nickName eq null        | userName gt \"m\" and title ne null and nickName eq null",
        "groups.value eq \"e9e30dba\"                                    | groups.value eq \"e9e30dba\"",
        "not (x509Certificates.value eq \"MIIDQzCC\")                   | not (x509Certificates.value eq \"MIIDQzCC\")"
    })
    void resolvesUserFiltersToCanonicalForm(String text, String canonical) {
        ResolvedFilter resolved = parse(text.strip(), CoreSchemas.USER_TYPE);
        assertThat(resolved).hasToString(canonical.strip());
        // The canonical form resolves to itself.
        assertThat(parse(resolved.toString(), CoreSchemas.USER_TYPE)).isEqualTo(resolved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nickname2 eq \"x\"                    | unknown attribute 'nickname2' for resource type User",
        "urn:x:Unknown:foo eq \"x\"            | schema 'urn:x:Unknown' is not one of resource type User's",
        "urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"x\""
            + "| schema 'urn:ietf:params:scim:schemas:core:2.0:Group' is not one of resource type User's",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User pr"
            + "| 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' is a schema, not an attribute",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"x\""
            + "| unknown attribute 'userName' in schema urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "userName.first eq \"x\"               | 'userName' is string and has no sub-attributes",
        "emails.kind eq \"work\"               | unknown sub-attribute 'kind' of 'emails'",
        "name eq \"Barbara\"                   | 'name' is complex: compare one of its sub-attributes, like 'name.formatted'",
        "userName[value eq \"x\"]              | 'userName' is not a complex attribute, so it takes no value filter",
        "emails.value[type eq \"work\"]        | 'emails.value' is not a complex attribute, so it takes no value filter",
        "emails[urn:ietf:params:scim:schemas:core:2.0:User:type eq \"work\"]"
            + "| 'urn:ietf:params:scim:schemas:core:2.0:User:type' inside a value filter on 'emails' must name one of its sub-attributes, without a schema URN",
        "emails[type.x eq \"work\"]            | 'type.x': sub-attributes of 'emails' have no sub-attributes of their own",
        "emails[kind eq \"work\"]              | unknown sub-attribute 'kind' of 'emails'",
        "active gt true                      | 'active' is a boolean: only eq, ne and pr apply, not gt",
        "active eq \"yes\"                     | 'active' is boolean: compare it with true or false, not \"yes\"",
        "active eq 1                         | 'active' is boolean: compare it with true or false, not 1",
        "active co \"t\"                       | 'active' is a boolean: only eq, ne and pr apply, not co",
        "x509Certificates.value ge \"A\"       | 'x509Certificates.value' is a binary: only eq, ne and pr apply, not ge",
        "userName eq 42                      | 'userName' is a string: compare it with a quoted string, not 42",
        "userName eq true                    | 'userName' is a string: compare it with a quoted string, not true",
        "meta.lastModified gt \"yesterday\"    | 'meta.lastModified' is a dateTime: compare it with a quoted xsd:dateTime such as \"2011-05-13T04:42:34Z\", not \"yesterday\"",
        "meta.created co \"2011\"              | 'meta.created' is a dateTime: co applies to strings only",
        "userName gt null                    | 'userName' can be compared with null only by eq or ne",
        "userName eq \"x\" and not (title eq 5) | 'title' is a string: compare it with a quoted string, not 5",
        "password pr                         | 'password' is never returned, so it cannot be filtered or sorted on",
        "password sw \"$pbkdf2\"               | 'password' is never returned, so it cannot be filtered or sorted on"
    })
    void rejectsWhatDoesNotFitWithInvalidFilter(String text, String detail) {
        assertThatThrownBy(() -> parse(text.strip(), CoreSchemas.USER_TYPE))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimType.INVALID_FILTER);
                    assertThat(e.detail()).isEqualTo(detail.strip());
                });
    }

    @Test
    void syntaxErrorsBecomeInvalidFilterWithTheParsersMessage() {
        assertThatThrownBy(() -> parse("userName \"bjensen\"", CoreSchemas.USER_TYPE))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_FILTER);
                    assertThat(e.detail()).isEqualTo(
                            "expected a comparison operator, 'pr' or '[' after 'userName' at offset 9, found '\"bjensen\"'");
                });
    }

    @Test
    void groupsResolveAgainstTheGroupSchema() {
        assertThat(parse("MEMBERS[VALUE eq \"2819c223\"] and displayName sw \"Sales\"", CoreSchemas.GROUP_TYPE))
                .hasToString("members[value eq \"2819c223\"] and displayName sw \"Sales\"");
        assertThatThrownBy(() -> parse("userName eq \"x\"", CoreSchemas.GROUP_TYPE))
                .hasMessage("unknown attribute 'userName' for resource type Group");
    }

    @Test
    void numbersMustFitTheirType() {
        Schema device = new Schema("urn:x:Device", "Device", "", List.of(
                Attribute.builder("ports", AttributeType.INTEGER).build(),
                Attribute.builder("load", AttributeType.DECIMAL).build()));
        ResourceType type = new ResourceType("Device", "/Devices", "", device.id(), List.of());
        SchemaRegistry registry = SchemaRegistry.builder().addSchema(device).addResourceType(type).build();
        FilterParser parser = FilterParser.standard();
        assertThat(ResolvedFilter.parse("ports ge 4 and load lt 0.75 and ports eq 4.0", parser, registry, type))
                .hasToString("ports ge 4 and load lt 0.75 and ports eq 4.0");
        assertThatThrownBy(() -> ResolvedFilter.parse("ports eq 4.5", parser, registry, type))
                .hasMessage("'ports' is integer: compare it with a whole number, not 4.5");
        assertThatThrownBy(() -> ResolvedFilter.parse("load eq \"1\"", parser, registry, type))
                .hasMessage("'load' is decimal: compare it with a number, not \"1\"");
        assertThatThrownBy(() -> ResolvedFilter.parse("ports sw 4", parser, registry, type))
                .hasMessage("'ports' is an integer: sw applies to strings only");
    }

    @Test
    void anUnqualifiedNameTwoExtensionsDefineIsAmbiguous() {
        Schema first = new Schema("urn:x:First", "First", "",
                List.of(Attribute.builder("badge", AttributeType.STRING).build()));
        Schema second = new Schema("urn:x:Second", "Second", "",
                List.of(Attribute.builder("badge", AttributeType.STRING).build()));
        ResourceType type = new ResourceType("User", "/Users", "", CoreSchemas.USER_URN,
                List.of(new SchemaExtension(first.id(), false), new SchemaExtension(second.id(), false)));
        SchemaRegistry registry = SchemaRegistry.builder().addSchema(CoreSchemas.USER).addSchema(first)
                .addSchema(second).addResourceType(type).build();
        assertThatThrownBy(() -> ResolvedFilter.parse("badge eq \"1\"", FilterParser.standard(), registry, type))
                .hasMessage("'badge' is ambiguous for resource type User: qualify it with one of urn:x:First, urn:x:Second");
        assertThat(ResolvedFilter.parse("urn:x:second:BADGE eq \"1\"", FilterParser.standard(), registry, type))
                .hasToString("urn:x:Second:badge eq \"1\"");
    }

    @Test
    void storesLookDefinitionsUpByCanonicalPath() {
        ResolvedFilter resolved = parse("emails[type eq \"work\"] and " + ENTERPRISE + ":manager.value eq \"1\"",
                CoreSchemas.USER_TYPE);
        ValuePath emails = (ValuePath) ((org.scimengine.filter.And) resolved.filter()).left();
        ResolvedAttribute type = resolved.attribute(emails, AttributePath.of("type"));
        assertThat(type.schemaUrn()).isEqualTo(CoreSchemas.USER_URN);
        assertThat(type.attribute().name()).isEqualTo("emails");
        assertThat(type.leaf().canonicalValues()).contains("work");

        ResolvedAttribute manager = resolved.attribute(new AttributePath(ENTERPRISE, "manager", "value"));
        assertThat(manager.schemaUrn()).isEqualTo(ENTERPRISE);
        assertThat(manager.leaf().caseExact()).isTrue();

        ResolvedAttribute id = resolved.attribute(AttributePath.of("id"));
        assertThat(id.isCommon()).isTrue();
        assertThat(id.leaf().caseExact()).isTrue();
        assertThatThrownBy(() -> resolved.attribute(AttributePath.of("nope")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(resolved.resourceType()).isEqualTo(CoreSchemas.USER_TYPE);
    }

    @Test
    void aResourceTypeMustBeTheRegistrys() {
        ResourceType stranger = new ResourceType("User", "/Users", "another", CoreSchemas.USER_URN, List.of());
        assertThatThrownBy(() -> parse("userName pr", stranger)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ResolvedFilter parse(String text, ResourceType type) {
        return ResolvedFilter.parse(text, FilterParser.standard(), REGISTRY, type);
    }
}
