package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimengine.filter.Ast.and;
import static org.scimengine.filter.Ast.cmp;
import static org.scimengine.filter.Ast.eq;
import static org.scimengine.filter.Ast.path;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PATCH paths (RFC 7644 §3.5.2): text to expected {@link PatchPath}. */
class PatchPathParserTest {

    private static final String MEMBER = "2819c223-7f76-453a-919d-413861904646";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> rfc7644Examples() {
        // Every "path" example of RFC 7644 §3.5.2 and its subsections.
        return Stream.of(
                row("members", plain("members")),
                row("name.familyName", plain("name.familyName")),
                row("addresses[type eq \"work\"]", filtered("addresses", eq("type", "work"), null)),
                row("members[value eq \"" + MEMBER + "\"]", filtered("members", eq("value", MEMBER), null)),
                row("members[value eq \"" + MEMBER + "\"].displayName",
                        filtered("members", eq("value", MEMBER), "displayName")),
                // §3.5.2.2 writes this one without a space before the value.
                row("members[value eq\"" + MEMBER + "\"]", filtered("members", eq("value", MEMBER), null)),
                row("emails[type eq \"work\" and value ew \"example.com\"]",
                        filtered("emails", and(eq("type", "work"), cmp("value", CompareOp.EW, "example.com")), null)),
                row("addresses[type eq \"work\"].streetAddress",
                        filtered("addresses", eq("type", "work"), "streetAddress")));
    }

    static Stream<Arguments> identityProviderPaths() {
        // The paths Okta and Entra ID send (see shared/IDP-BEHAVIOUR.md).
        return Stream.of(
                row("active", plain("active")),
                row("displayName", plain("displayName")),
                row("nickName", plain("nickName")),
                row("name.givenName", plain("name.givenName")),
                row("emails[type eq \"work\"].value", filtered("emails", eq("type", "work"), "value")),
                row("phoneNumbers[type eq \"mobile\"].value", filtered("phoneNumbers", eq("type", "mobile"), "value")),
                row("addresses[type eq \"work\"].formatted", filtered("addresses", eq("type", "work"), "formatted")),
                row(ENTERPRISE + ":employeeNumber", plain(ENTERPRISE + ":employeeNumber")),
                row(ENTERPRISE + ":manager", plain(ENTERPRISE + ":manager")),
                row(ENTERPRISE + ":manager.value", plain(ENTERPRISE + ":manager.value")),
                row("urn:ietf:params:scim:schemas:extension:sap:2.0:User:userUuid",
                        plain("urn:ietf:params:scim:schemas:extension:sap:2.0:User:userUuid")),
                row("members[value eq \"" + MEMBER + "\"]", filtered("members", eq("value", MEMBER), null)),
                row("MEMBERS[VALUE EQ \"" + MEMBER + "\"].DISPLAY",
                        filtered("MEMBERS", eq("VALUE", MEMBER), "DISPLAY")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rfc7644Examples", "identityProviderPaths"})
    void parsesToTheExpectedPath(String text, PatchPath expected) {
        PatchPath actual = FilterParser.standard().parsePath(text);
        assertThat(actual).isEqualTo(expected);
        assertThat(FilterParser.standard().parsePath(actual.toString())).isEqualTo(expected);
    }

    @Test
    void aBareExtensionUrnSplitsAtItsLastColonAndKeepsItsFullText() {
        PatchPath path = PatchPath.parse(ENTERPRISE);
        assertThat(path.attribute().schemaUrn()).isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0");
        assertThat(path.attribute().name()).isEqualTo("User");
        assertThat(path.attribute().fullText()).isEqualTo(ENTERPRISE);
    }

    @Test
    void theCanonicalTextOfAPathIsMinimal() {
        assertThat(PatchPath.parse("emails [ TYPE  EQ \"work\" ] .value").toString())
                .isEqualTo("emails[TYPE eq \"work\"].value");
    }

    @Test
    void aPathIsNotAFilter() {
        assertThatThrownBy(() -> PatchPath.parse("userName eq \"x\""))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("expected '[' or the end of the input after 'userName' at offset 9, found 'eq'");
        assertThatThrownBy(() -> PatchPath.parse("emails[type eq \"work\"].value eq \"x\""))
                .isInstanceOf(FilterSyntaxException.class)
                .extracting(e -> ((FilterSyntaxException) e).offset()).isEqualTo(29);
    }

    @Test
    void pathsObeyTheDepthLimit() {
        FilterParser shallow = FilterParser.withLimits(ParseLimits.DEFAULTS.withMaxDepth(2));
        assertThat(shallow.parsePath("emails[type eq \"work\"]").valueFilter()).isEqualTo(eq("type", "work"));
        assertThatThrownBy(() -> shallow.parsePath("emails[type eq \"work\" and value pr]"))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("the path is nested deeper than the limit of 2 at offset 6");
    }

    @Test
    void aSubAttributeNeedsAValueFilter() {
        assertThatThrownBy(() -> new PatchPath(path("emails"), null, "value"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatchPath(path("emails"), eq("type", "work"), "not a name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatchPath(path("emails"), Ast.vp("x", eq("type", "work")), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PatchPath plain(String attribute) {
        return PatchPath.of(path(attribute));
    }

    private static PatchPath filtered(String attribute, Filter filter, String subAttribute) {
        return new PatchPath(path(attribute), filter, subAttribute);
    }

    private static Arguments row(String text, PatchPath expected) {
        return Arguments.of(text, expected);
    }
}
