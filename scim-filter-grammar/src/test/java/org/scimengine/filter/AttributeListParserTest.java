package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimengine.filter.Ast.path;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The attribute lists of {@code attributes} and {@code excludedAttributes}, and the single path of {@code sortBy}. */
class AttributeListParserTest {

    private static final FilterParser PARSER = FilterParser.standard();

    @Test
    void readsPlainDottedAndUrnQualifiedPathsInOrder() {
        assertThat(PARSER.parseAttributeList(
                "userName,name.givenName,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value,members.$ref"))
                .containsExactly(
                        path("userName"),
                        path("name.givenName"),
                        new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value"),
                        path("members.$ref"));
    }

    @Test
    void allowsSpacesAroundCommasAndKeepsDuplicates() {
        assertThat(PARSER.parseAttributeList(" emails , emails.value\t,displayName "))
                .containsExactly(path("emails"), path("emails.value"), path("displayName"));
        assertThat(PARSER.parseAttributeList("a,a")).containsExactly(path("a"), path("a"));
    }

    @Test
    void aBareSchemaUrnReadsAsAPathWhoseFullTextIsTheUrn() {
        List<AttributePath> paths =
                PARSER.parseAttributeList("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(paths).singleElement().extracting(AttributePath::fullText)
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }

    @Test
    void theListIsImmutable() {
        List<AttributePath> paths = PARSER.parseAttributeList("a,b");
        assertThatThrownBy(() -> paths.add(path("c"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsEmptyEntriesAndNonPaths() {
        assertError(() -> PARSER.parseAttributeList(""), 0, "the attribute list is empty at offset 0");
        assertError(() -> PARSER.parseAttributeList("a,,b"), 2,
                "expected an attribute path after ',' at offset 2, found ','");
        assertError(() -> PARSER.parseAttributeList("a,"), 2,
                "expected an attribute path after ',' at offset 2, found the end of the input");
        assertError(() -> PARSER.parseAttributeList(",a"), 0,
                "expected an attribute path at offset 0, found ','");
        assertError(() -> PARSER.parseAttributeList("a b"), 2,
                "expected ',' or the end of the input after 'a' at offset 2, found 'b'");
        assertError(() -> PARSER.parseAttributeList("emails[type eq \"work\"]"), 6,
                "expected ',' or the end of the input after 'emails' at offset 6, found '['");
        assertError(() -> PARSER.parseAttributeList("name.given.more"), 10,
                "expected ',' or the end of the input after 'name.given' at offset 10, found '.'");
    }

    @Test
    void sortByTakesExactlyOnePath() {
        assertThat(PARSER.parseAttributePath("meta.lastModified")).isEqualTo(path("meta.lastModified"));
        assertThat(PARSER.parseAttributePath(" urn:ietf:params:scim:schemas:core:2.0:User:name.familyName "))
                .isEqualTo(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name", "familyName"));
        assertError(() -> PARSER.parseAttributePath("userName,id"), 8,
                "expected the end of the input after 'userName' at offset 8, found ','");
        assertError(() -> PARSER.parseAttributePath("  "), 2, "the attribute path is empty at offset 2");
    }

    private static void assertError(Runnable parse, int offset, String message) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
