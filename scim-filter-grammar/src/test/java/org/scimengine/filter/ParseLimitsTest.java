package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.scimengine.filter.FilterPropertiesTest.NestingShape;

/**
 * The limits are what keep hostile input from exhausting the stack, so input at the limit must fit the stacks
 * the limits promise. The deep checks run in a fresh JVM under {@code -Xint}: frames already on the stack when
 * the JIT kicks in stay interpreted, so a fresh server's first deep request is parsed at interpreted frame sizes.
 */
class ParseLimitsTest {

    @ParameterizedTest
    @EnumSource(NestingShape.class)
    void theDeepestFilterTheDefaultsAcceptFitsA512KibStackInterpreted(NestingShape shape) throws Exception {
        int limit = ParseLimits.DEFAULTS.maxDepth();
        assertThat(runInFreshJvm(shape, limit, 512)).as("exit status").isZero();
        assertThatThrownBy(() -> FilterParser.standard()
                        .parseFilter(shape.text(DeepFilterOnStack.deepestLevels(shape, limit) + 1)))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageMatching(shape.expectedError(limit));
    }

    @ParameterizedTest
    @EnumSource(NestingShape.class)
    void theDeepestFilterTheCeilingAllowsFitsTheDefault1MibStackInterpreted(NestingShape shape) throws Exception {
        assertThat(runInFreshJvm(shape, ParseLimits.MAX_DEPTH_CEILING, 1024)).as("exit status").isZero();
    }

    @Test
    void limitsOutsideTheirRangeAreRejectedWithTheRange() {
        assertThatThrownBy(() -> new ParseLimits(0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxLength must be at least 1, was 0");
        assertThatThrownBy(() -> ParseLimits.DEFAULTS.withMaxDepth(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDepth must be between 1 and 500, was 0");
        assertThatThrownBy(() -> ParseLimits.DEFAULTS.withMaxDepth(501))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDepth must be between 1 and 500, was 501");
        assertThat(ParseLimits.DEFAULTS.withMaxLength(10)).isEqualTo(new ParseLimits(10, 256));
    }

    @Test
    void theLengthLimitNeverSplitsACharacter() {
        FilterParser parser = FilterParser.withLimits(ParseLimits.DEFAULTS.withMaxLength(7));
        // The limit falls between the two halves of the emoji: the error points at the whole emoji.
        assertThatThrownBy(() -> parser.parseFilter("x eq \"\uD83D\uDE00\""))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(6);
                    assertThat(e.offendingText()).isEqualTo("\uD83D\uDE00");
                });
    }

    @Test
    void theLengthLimitCountsUtf16CharactersAndReportsWhereItWasExceeded() {
        FilterParser parser = FilterParser.withLimits(ParseLimits.DEFAULTS.withMaxLength(10));
        assertThat(parser.parseFilter("x eq \"\uD83D\uDE00\"")).isEqualTo(Ast.eq("x", "\uD83D\uDE00"));
        assertThatThrownBy(() -> parser.parseFilter("userName eq \"bjensen\""))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(10);
                    assertThat(e.offendingText()).isEqualTo("q");
                    assertThat(e.getMessage()).isEqualTo("the filter is longer than the limit of 10 characters at offset 10");
                });
    }

    @Test
    void parenthesesAreCountedBeforeParsingSoTheErrorPointsAtTheFirstOneTooDeep() {
        FilterParser parser = FilterParser.withLimits(ParseLimits.DEFAULTS.withMaxDepth(3));
        assertThatThrownBy(() -> parser.parseFilter("((((a pr))))"))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.offendingText()).isEqualTo("(");
                });
        // An and-chain is as deep as it is long: the error points at the operator that made it too deep.
        assertThatThrownBy(() -> parser.parseFilter("a pr and b pr and c pr and d pr"))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(23);
                    assertThat(e.offendingText()).isEqualTo("and");
                    assertThat(e.getMessage()).isEqualTo("the filter is deeper than the limit of 3 (each term of an "
                            + "'and'/'or' chain adds a level) at offset 23");
                });
        // Nesting on the right is nesting, even where an 'and' adds the level.
        assertThatThrownBy(() -> parser.parseFilter("a pr and (b pr and (c pr and d pr))"))
                .hasMessage("the filter is nested deeper than the limit of 3 at offset 5");
    }

    private static int runInFreshJvm(NestingShape shape, int maxDepth, int stackKib) throws Exception {
        return FreshJvm.run(List.of("-Xint"), DeepFilterOnStack.class,
                shape.name(), Integer.toString(maxDepth), Integer.toString(stackKib));
    }
}
