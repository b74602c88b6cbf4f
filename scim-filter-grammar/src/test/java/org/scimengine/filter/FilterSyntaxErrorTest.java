package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed filters: each fails with a {@link FilterSyntaxException} at the expected offset with a plain message. */
class FilterSyntaxErrorTest {

    private static final String AFTER_ATTRIBUTE = "expected a comparison operator, 'pr' or '['";
    private static final String A_VALUE = "expected a value (a string, a number, true, false or null)";
    private static final String FILTER_START = "expected an attribute path, 'not' or '('";
    private static final String END = "expected 'and', 'or' or the end of the input";

    static Stream<Arguments> malformed() {
        return Stream.of(
                // empty input
                row("", 0, "", "the filter is empty at offset 0"),
                row("   ", 3, "", "the filter is empty at offset 3"),
                // an attribute without a test
                row("userName", 8, "", AFTER_ATTRIBUTE + " after 'userName' at offset 8, found the end of the input"),
                row("userName \"bjensen\"", 9, "\"bjensen\"",
                        AFTER_ATTRIBUTE + " after 'userName' at offset 9, found '\"bjensen\"'"),
                row("a lk \"x\"", 2, "lk", AFTER_ATTRIBUTE + " after 'a' at offset 2, found 'lk'"),
                row("name..familyName pr", 4, ".", AFTER_ATTRIBUTE + " after 'name' at offset 4, found '.'"),
                row("name.given.family pr", 10, ".", AFTER_ATTRIBUTE + " after 'name.given' at offset 10, found '.'"),
                row("$refx pr", 4, "x", AFTER_ATTRIBUTE + " after '$ref' at offset 4, found 'x'"),
                // keywords are attribute names where a path is expected, so these fail one token later
                row("and a pr", 4, "a", AFTER_ATTRIBUTE + " after 'and' at offset 4, found 'a'"),
                row("a pr or or b pr", 11, "b", AFTER_ATTRIBUTE + " after 'or' at offset 11, found 'b'"),
                // comparison values
                row("userName eq", 11, "", A_VALUE + " after 'eq' at offset 11, found the end of the input"),
                row("userName eq bjensen", 12, "bjensen", A_VALUE + " after 'eq' at offset 12, found 'bjensen'"),
                row("a eq tru", 5, "tru", A_VALUE + " after 'eq' at offset 5, found 'tru'"),
                row("a eq .5", 5, ".", A_VALUE + " after 'eq' at offset 5, found '.'"),
                row("a eq 01", 6, "1", END + " after '0' at offset 6, found '1'"),
                row("a eq 1.", 6, ".", END + " after '1' at offset 6, found '.'"),
                row("a eq 1e", 6, "e", END + " after '1' at offset 6, found 'e'"),
                row("a eq true false", 10, "false", END + " after 'true' at offset 10, found 'false'"),
                row("a eq 1e99999999999", 5, "1e99999999999", "number out of range '1e99999999999' (at most 100 "
                        + "significant digits and an exponent within 1000) at offset 5"),
                row("a eq 1e1001", 5, "1e1001", "number out of range '1e1001' (at most 100 "
                        + "significant digits and an exponent within 1000) at offset 5"),
                row("a eq 1.5e-2147483647", 5, "1.5e-2147483647", "number out of range '1.5e-2147483647' (at most 100 "
                        + "significant digits and an exponent within 1000) at offset 5"),
                row("a eq 1" + "0".repeat(100), 5, "1" + "0".repeat(100), "number out of range '1" + "0".repeat(39)
                        + "...' (at most 100 significant digits and an exponent within 1000) at offset 5"),
                // characters no token starts with
                row("a eq +1", 5, "+", "unexpected character '+' at offset 5"),
                row("a eq -", 5, "-", "unexpected character '-' at offset 5"),
                row("a eq 'x'", 5, "'", "unexpected character ''' at offset 5"),
                row("a eq \"x\" && b pr", 9, "&", "unexpected character '&' at offset 9"),
                row("foo:bar pr", 3, ":", "unexpected character ':' at offset 3"),
                row("$foo pr", 0, "$", "unexpected character '$' at offset 0"),
                row("a pr\nand b pr", 4, "\n", "unexpected character U+000A at offset 4"),
                // strings
                row("userName eq \"bjensen", 12, "\"", "unterminated string at offset 12"),
                row("userName eq \"bjen\\qsen\"", 17, "\\", "invalid escape '\\q' in a string at offset 17"),
                row("x eq \"\\u12\"", 6, "\\", "invalid escape '\\u12\"' in a string at offset 6"),
                // Only ASCII hex digits make a \\u escape; other Unicode digits do not.
                row("x eq \"\\u\u0663\u0663\u0663\u0663\"", 6, "\\", "invalid escape '\\u\u0663' in a string at offset 6"),
                row("x eq \"\\u\u0660\u0660\u0664\u0661\" and y eq \"\\q\"", 6, "\\",
                        "invalid escape '\\u\u0660' in a string at offset 6"),
                row("x eq \"a\tb\"", 7, "\t", "control character U+0009 in a string (escape it) at offset 7"),
                row("x eq \"a\nb\"", 7, "\n", "control character U+000A in a string (escape it) at offset 7"),
                // logical operators and grouping
                row("a pr )", 5, ")", END + " after 'pr' at offset 5, found ')'"),
                row("(a pr", 5, "", "expected 'and', 'or' or ')' after 'pr' at offset 5, found the end of the input"),
                row("a pr and", 8, "", FILTER_START + " after 'and' at offset 8, found the end of the input"),
                row("a eq \"x\" and", 12, "", FILTER_START + " after 'and' at offset 12, found the end of the input"),
                row("a eq \"x\" b eq \"y\"", 9, "b", END + " after '\"x\"' at offset 9, found 'b'"),
                row("()", 1, ")", FILTER_START + " after '(' at offset 1, found ')'"),
                row("1abc pr", 0, "1", FILTER_START + " at offset 0, found '1'"),
                row("not a pr", 4, "a", "expected '(' after 'not' at offset 4, found 'a'"),
                row("a eq \"x\" and not b pr", 17, "b", "expected '(' after 'not' at offset 17, found 'b'"),
                row("not (a pr", 9, "", "expected 'and', 'or' or ')' after 'pr' at offset 9, found the end of the input"),
                // value paths
                row("emails[type eq \"work\"", 21, "",
                        "expected 'and', 'or' or ']' after '\"work\"' at offset 21, found the end of the input"),
                row("emails[]", 7, "]", FILTER_START + " after '[' at offset 7, found ']'"),
                row("emails[type eq \"a\"][value pr]", 19, "[",
                        "expected 'and', 'or', '.' or the end of the input after ']' at offset 19, found '['"),
                row("emails[type[value pr]]", 11, "[", "value filters cannot be nested: unexpected '[' at offset 11"),
                row("a[b pr].c.d eq 1", 8, "c.d", "expected a sub-attribute name after ']', found 'c.d' at offset 8"),
                row("a[b pr].urn:x:c eq 1", 8, "urn:x:c",
                        "expected a sub-attribute name after ']', found 'urn:x:c' at offset 8"),
                row("emails[type eq \"work\"].value", 28, "",
                        AFTER_ATTRIBUTE + " after 'value' at offset 28, found the end of the input"),
                row("emails[type eq \"work\"].value[x pr]", 28, "[",
                        "value filters cannot be nested: unexpected '[' at offset 28"),
                // offsets count UTF-16 characters, as String.substring does: the emoji is two
                row("x eq \"\uD83D\uDE00\" y", 10, "y", END + " after '\"\uD83D\uDE00\"' at offset 10, found 'y'"),
                // A long token is cut in the message, never between the halves of a character.
                row("x eq \"" + "a".repeat(38) + "\uD83D\uDE00\" y", 48, "y",
                        END + " after '\"" + "a".repeat(38) + "...' at offset 48, found 'y'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void failsAtTheExpectedOffset(String text, int offset, String offendingText, String message) {
        FilterSyntaxException e = catchThrowableOfType(FilterSyntaxException.class,
                () -> FilterParser.standard().parseFilter(text));
        assertThat(e).as("no exception for %s", text).isNotNull();
        assertThat(e.offset()).as("offset").isEqualTo(offset);
        assertThat(e.offendingText()).as("offending text").isEqualTo(offendingText);
        assertThat(e.getMessage()).isEqualTo(message);
        if (!offendingText.isEmpty()) {
            assertThat(text.substring(offset)).startsWith(offendingText);
        }
    }

    private static Arguments row(String text, int offset, String offendingText, String message) {
        return Arguments.of(text, offset, offendingText, message);
    }
}
