package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.filter.Ast.and;
import static org.scimengine.filter.Ast.cmp;
import static org.scimengine.filter.Ast.eq;
import static org.scimengine.filter.Ast.not;
import static org.scimengine.filter.Ast.num;
import static org.scimengine.filter.Ast.or;
import static org.scimengine.filter.Ast.path;
import static org.scimengine.filter.Ast.pr;
import static org.scimengine.filter.Ast.vp;
import static org.scimengine.filter.CompareOp.CO;
import static org.scimengine.filter.CompareOp.EQ;
import static org.scimengine.filter.CompareOp.EW;
import static org.scimengine.filter.CompareOp.GE;
import static org.scimengine.filter.CompareOp.GT;
import static org.scimengine.filter.CompareOp.LE;
import static org.scimengine.filter.CompareOp.LT;
import static org.scimengine.filter.CompareOp.NE;
import static org.scimengine.filter.CompareOp.SW;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input text to expected AST: the semantics of the grammar, not "it parsed". */
class FilterParserTableTest {

    private static final String LAST_MODIFIED = "2011-05-13T04:42:34Z";

    static Stream<Arguments> rfc7644Examples() {
        // Every filter example of RFC 7644 §3.4.2.2 (the list after Figure 2, and the case-insensitivity example).
        return Stream.of(
                row("userName eq \"bjensen\"", eq("userName", "bjensen")),
                row("name.familyName co \"O'Malley\"", cmp("name.familyName", CO, "O'Malley")),
                row("userName sw \"J\"", cmp("userName", SW, "J")),
                row("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                        cmp("urn:ietf:params:scim:schemas:core:2.0:User:userName", SW, "J")),
                row("title pr", pr("title")),
                row("meta.lastModified gt \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", GT, LAST_MODIFIED)),
                row("meta.lastModified ge \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", GE, LAST_MODIFIED)),
                row("meta.lastModified lt \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", LT, LAST_MODIFIED)),
                row("meta.lastModified le \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", LE, LAST_MODIFIED)),
                row("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
                row("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
                row("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
                        eq("schemas", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")),
                row("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"),
                                or(cmp("emails", CO, "example.com"), cmp("emails.value", CO, "example.org")))),
                row("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(cmp("userType", NE, "Employee"),
                                not(or(cmp("emails", CO, "example.com"), cmp("emails.value", CO, "example.org"))))),
                row("userType eq \"Employee\" and (emails.type eq \"work\")",
                        and(eq("userType", "Employee"), eq("emails.type", "work"))),
                row("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        and(eq("userType", "Employee"),
                                vp("emails", and(eq("type", "work"), cmp("value", CO, "@example.com"))))),
                row("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                        or(vp("emails", and(eq("type", "work"), cmp("value", CO, "@example.com"))),
                                vp("ims", and(eq("type", "xmpp"), cmp("value", CO, "@foo.com"))))),
                row("userName Eq \"john\"", eq("userName", "john")),
                row("Username eq \"john\"", eq("Username", "john")),
                // §3.4.3 (POST /.search) example.
                row("displayName sw \"smith\"", cmp("displayName", SW, "smith")));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                row("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
                row("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                row("a pr and b pr or c pr and d pr", or(and(pr("a"), pr("b")), and(pr("c"), pr("d")))),
                row("a pr or b pr and c pr or d pr", or(or(pr("a"), and(pr("b"), pr("c"))), pr("d"))),
                row("a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))),
                row("a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))),
                row("a pr and (b pr and c pr)", and(pr("a"), and(pr("b"), pr("c")))),
                row("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                row("a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))),
                row("not (a pr) and b pr", and(not(pr("a")), pr("b"))),
                row("not (a pr) or b pr and c pr", or(not(pr("a")), and(pr("b"), pr("c")))),
                row("b pr and not (a pr or c pr)", and(pr("b"), not(or(pr("a"), pr("c"))))),
                row("not (not (a pr))", not(not(pr("a")))),
                row("((a pr))", pr("a")),
                row("((a pr or b pr)) and (((c pr)))", and(or(pr("a"), pr("b")), pr("c"))),
                row("(a pr and (b pr or (c pr and d pr)))", and(pr("a"), or(pr("b"), and(pr("c"), pr("d"))))),
                row("x[a pr or b pr and c pr]", vp("x", or(pr("a"), and(pr("b"), pr("c"))))),
                row("x[not (a pr) and (b pr or c pr)] and y pr",
                        and(vp("x", and(not(pr("a")), or(pr("b"), pr("c")))), pr("y"))),
                row("a pr or x[b pr] and c pr", or(pr("a"), and(vp("x", pr("b")), pr("c")))));
    }

    static Stream<Arguments> caseAndSpacing() {
        Filter expected = or(and(pr("a"), eq("b", "x")), not(cmp("c", NE, FilterValue.TRUE)));
        return Stream.of(
                row("a pr and b eq \"x\" or not (c ne true)", expected),
                row("a PR AND b EQ \"x\" OR NOT (c NE TRUE)", expected),
                row("a Pr aNd b eQ \"x\" oR nOt (c Ne tRuE)", expected),
                row("  a   pr\tand\t\tb  eq  \"x\"   or   not   (  c  ne  true  )  ", expected),
                row("a pr and b eq\"x\" or not(c ne true)", expected),
                row("emails [ type eq \"work\" ]", vp("emails", eq("type", "work"))),
                row("x eq NULL", cmp("x", EQ, FilterValue.NULL)),
                row("x eq False", cmp("x", EQ, FilterValue.FALSE)),
                row("x GT 5", num("x", GT, "5")),
                row("x Sw \"A\" and y eW \"b\"", and(cmp("x", SW, "A"), cmp("y", EW, "b"))),
                row("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME eq \"J\"",
                        eq("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME", "J")));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                row("x eq \"\"", eq("x", "")),
                row("x eq \"a\\\"b\"", eq("x", "a\"b")),
                row("x eq \"a\\\\b\"", eq("x", "a\\b")),
                row("x eq \"a\\/b\"", eq("x", "a/b")),
                row("x eq \"\\b\\f\\n\\r\\t\"", eq("x", "\b\f\n\r\t")),
                row("x eq \"\\u00e9\\u00C9\"", eq("x", "éÉ")),
                row("x eq \"\\ud83d\\ude00\"", eq("x", "\uD83D\uDE00")),
                row("x eq \"\uD83D\uDE00 Zoë 名前\"", eq("x", "\uD83D\uDE00 Zoë 名前")),
                row("x eq \"(a) [b] and or not eq pr\"", eq("x", "(a) [b] and or not eq pr")),
                row("x eq \"don't\"", eq("x", "don't")),
                row("x eq 0", num("x", EQ, "0")),
                row("x eq -0", num("x", EQ, "-0")),
                row("x eq 42", num("x", EQ, "42")),
                row("x eq -17", num("x", EQ, "-17")),
                row("x eq 3.14159", num("x", EQ, "3.14159")),
                row("x eq 1.50", num("x", EQ, "1.50")),
                row("x eq 6.02e23", num("x", EQ, "6.02e23")),
                row("x eq 1E-7", num("x", EQ, "1E-7")),
                row("x eq -2.5e+3", num("x", EQ, "-2.5e+3")),
                row("x eq 123456789012345678901234567890.123456789",
                        num("x", EQ, "123456789012345678901234567890.123456789")),
                row("x eq true", cmp("x", EQ, FilterValue.TRUE)),
                row("x eq false", cmp("x", EQ, FilterValue.FALSE)),
                row("x eq null", cmp("x", EQ, FilterValue.NULL)),
                row("x ne null", cmp("x", NE, FilterValue.NULL)));
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                row("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"",
                        eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
                                "26118915-6090-4610-87e4-49d8ca9f808d")),
                row("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
                        eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "701984")),
                row("name.familyName pr", pr("name.familyName")),
                row("members.$ref eq \"https://example.com/v2/Users/1\"",
                        eq("members.$ref", "https://example.com/v2/Users/1")),
                row("$ref pr", pr("$ref")),
                row("members[$ref co \"/Groups/\"]", vp("members", cmp("$ref", CO, "/Groups/"))),
                row("x_y-z9 pr", pr("x_y-z9")),
                // RFC 8141 allows these characters in a URN's specific string.
                row("urn:ex:a@b:c pr", new Presence(new AttributePath("urn:ex:a@b", "c", null))),
                row("urn:x/y;v=1:name.sub pr", new Presence(new AttributePath("urn:x/y;v=1", "name", "sub"))),
                // Stated without the test helper: the URN ends at the last colon, the sub-attribute at the dot.
                row("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"J\"",
                        new Comparison(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name",
                                "familyName"), CompareOp.EQ, FilterValue.of("J"))),
                row("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"1\"]",
                        vp("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", eq("value", "1"))),
                // Keywords are valid attribute names (ATTRNAME = ALPHA *(nameChar)) where a path is expected.
                row("and pr and or pr", and(pr("and"), pr("or"))),
                row("not eq \"x\"", eq("not", "x")),
                row("pr pr", pr("pr")),
                row("true eq true", cmp("true", EQ, FilterValue.TRUE)),
                row("x[not (eq pr)]", vp("x", not(pr("eq")))));
    }

    static Stream<Arguments> entraValuePathSubAttribute() {
        // Not RFC 7644 ABNF, but what Entra ID sends for a matching attribute; equals the bracketed form.
        return Stream.of(
                row("emails[type eq \"work\"].value eq \"a@example.com\"",
                        vp("emails", and(eq("type", "work"), eq("value", "a@example.com")))),
                row("emails[type eq \"Primary\"].value eq \"001750ca-8202-47cd-b553-c63f4f245940\"",
                        vp("emails", and(eq("type", "Primary"), eq("value", "001750ca-8202-47cd-b553-c63f4f245940")))),
                row("emails[type eq \"work\" or type eq \"home\"].value pr",
                        vp("emails", and(or(eq("type", "work"), eq("type", "home")), pr("value")))),
                row("userName eq \"x\" and emails[type eq \"work\"].value co \"@example.com\"",
                        and(eq("userName", "x"), vp("emails", and(eq("type", "work"), cmp("value", CO, "@example.com"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rfc7644Examples", "precedence", "caseAndSpacing", "values", "paths", "entraValuePathSubAttribute"})
    void parsesToTheExpectedAst(String text, Filter expected) {
        Filter actual = FilterParser.standard().parseFilter(text);
        assertThat(actual).isEqualTo(expected);
        assertThat(FilterParser.standard().parseFilter(actual.toString())).isEqualTo(expected);
    }

    private static Arguments row(String text, Filter expected) {
        return Arguments.of(text, expected);
    }
}
