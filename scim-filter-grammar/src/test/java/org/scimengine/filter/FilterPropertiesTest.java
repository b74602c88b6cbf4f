package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;

/** Properties of the grammar: printing is parsing's inverse, and no input escapes as anything but a syntax error. */
class FilterPropertiesTest {

    private static final FilterParser PARSER = FilterParser.standard();

    @Property(tries = 2000)
    void printThenParseGivesTheSameFilter(@ForAll("filters") Filter filter) {
        String text = filter.toString();
        assertThat(PARSER.parseFilter(text)).isEqualTo(filter);
    }

    @Property(tries = 1000)
    void printThenParseGivesTheSamePath(@ForAll("patchPaths") PatchPath path) {
        assertThat(PARSER.parsePath(path.toString())).isEqualTo(path);
    }

    @Property(tries = 500)
    void printThenParseGivesTheSameAttributeList(@ForAll("attributeLists") List<AttributePath> paths) {
        String text = String.join(",", paths.stream().map(AttributePath::toString).toList());
        assertThat(PARSER.parseAttributeList(text)).isEqualTo(paths);
    }

    @Property(tries = 1000)
    void everyStringSurvivesQuotingAsAComparisonValue(@ForAll String value) {
        Filter filter = new Comparison(AttributePath.of("x"), CompareOp.EQ, FilterValue.of(value));
        assertThat(PARSER.parseFilter(filter.toString())).isEqualTo(filter);
    }

    @Property(tries = 500)
    void canonicalTextIsAFixedPoint(@ForAll("filters") Filter filter) {
        String once = filter.toString();
        assertThat(PARSER.parseFilter(once).toString()).isEqualTo(once);
    }

    @Property(tries = 3000)
    void randomTextParsesOrFailsWithASyntaxError(@ForAll("filterishText") String text) {
        assertEveryEntryPointParsesOrFailsCleanly(text);
    }

    @Property(tries = 1000)
    void arbitraryUnicodeParsesOrFailsWithASyntaxError(@ForAll @StringLength(max = 40) String text) {
        assertEveryEntryPointParsesOrFailsCleanly(text);
    }

    @Property(tries = 3000)
    void mutatedFiltersParseOrFailWithASyntaxError(@ForAll("mutatedFilters") String text) {
        Object result = assertParsesOrFailsCleanly(text, PARSER::parseFilter);
        if (result instanceof Filter filter) {
            // Whatever a mutation leaves that still parses must print and read back to itself.
            assertThat(PARSER.parseFilter(filter.toString())).isEqualTo(filter);
        }
        assertEveryEntryPointParsesOrFailsCleanly(text);
    }

    @Property(tries = 2000)
    void mutatedPathsParseOrFailWithASyntaxError(@ForAll("mutatedPaths") String text) {
        Object result = assertParsesOrFailsCleanly(text, PARSER::parsePath);
        if (result instanceof PatchPath path) {
            assertThat(PARSER.parsePath(path.toString())).isEqualTo(path);
        }
        assertEveryEntryPointParsesOrFailsCleanly(text);
    }

    @Property(tries = 200)
    void theDepthLimitHoldsForPaths(@ForAll NestingShape shape, @ForAll @IntRange(min = 1, max = 40) int levels,
            @ForAll @IntRange(min = 2, max = 40) int maxDepth) {
        // Shapes with brackets of their own would nest value filters, a different error.
        Assume.that(shape != NestingShape.VALUE_PATH_CHAIN && shape != NestingShape.MIXED_BRACKETS);
        FilterParser parser = FilterParser.withLimits(new ParseLimits(1_000_000, maxDepth));
        // The value filter sits one level below the path.
        String text = "emails[" + shape.text(levels) + "].value";
        Throwable thrown = catchThrowable(() -> parser.parsePath(text));
        if (shape.depth(levels) + 1 <= maxDepth) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isInstanceOf(FilterSyntaxException.class)
                    .hasMessageMatching("the path is (nested )?deeper than the limit of " + maxDepth + ".* at offset \\d+");
        }
    }

    private static void assertEveryEntryPointParsesOrFailsCleanly(String text) {
        assertParsesOrFailsCleanly(text, PARSER::parseFilter);
        assertParsesOrFailsCleanly(text, PARSER::parsePath);
        assertParsesOrFailsCleanly(text, PARSER::parseAttributeList);
        assertParsesOrFailsCleanly(text, PARSER::parseAttributePath);
    }

    @Property(tries = 300)
    void theDepthLimitHoldsForEveryNestingShape(
            @ForAll NestingShape shape, @ForAll @IntRange(min = 1, max = 70) int levels,
            @ForAll @IntRange(min = 1, max = 60) int maxDepth) {
        FilterParser parser = FilterParser.withLimits(new ParseLimits(1_000_000, maxDepth));
        String text = shape.text(levels);
        Throwable thrown = catchThrowable(() -> parser.parseFilter(text));
        if (shape.depth(levels) <= maxDepth) {
            assertThat(thrown).as("%s at depth %d, limit %d", shape, shape.depth(levels), maxDepth).isNull();
        } else {
            assertThat(thrown).isInstanceOf(FilterSyntaxException.class)
                    .hasMessageMatching(shape.expectedError(maxDepth));
        }
    }

    @Property(tries = 20)
    void aHundredThousandLevelsFailFastWithTheSyntaxException(@ForAll NestingShape shape) {
        // The length limit is lifted so that the depth check, not the length check, must stop the input.
        FilterParser parser = FilterParser.withLimits(new ParseLimits(Integer.MAX_VALUE, ParseLimits.DEFAULTS.maxDepth()));
        String text = shape.text(100_000);
        assertThat(catchThrowable(() -> parser.parseFilter(text)))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageMatching(shape.expectedError(256));
    }

    @Provide
    Arbitrary<Filter> filters() {
        return FilterArbitraries.filters(5);
    }

    @Provide
    Arbitrary<PatchPath> patchPaths() {
        return FilterArbitraries.patchPaths();
    }

    @Provide
    Arbitrary<List<AttributePath>> attributeLists() {
        return FilterArbitraries.attributePaths().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> filterishText() {
        Arbitrary<String> tokens = Arbitraries.of(
                "userName", "emails", "name.familyName", "urn:ietf:params:scim:schemas:core:2.0:User:",
                "eq", "ne", "co", "sw", "gt", "pr", "and", "or", "not", "true", "false", "null", "\"x\"", "\"",
                "\\", "\\u00", "42", "-1.5e3", "(", ")", "[", "]", ".", ",", ":", "$ref", " ", "  ", "\t", "\n");
        return tokens.list().ofMaxSize(14).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> mutatedPaths() {
        return mutated(FilterArbitraries.patchPaths().map(PatchPath::toString));
    }

    @Provide
    Arbitrary<String> mutatedFilters() {
        return mutated(Arbitraries.oneOf(FilterArbitraries.writtenFilters(),
                FilterArbitraries.filters(3).map(Filter::toString)));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> valid) {
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(MutationKind.class), Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.of('(', ')', '[', ']', '"', '\\', ' ', '.', ':', 'a', '1', 'e', '-', '\u0001', 'é'))
                .as(Mutation::new);
        return Combinators.combine(valid, mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((text, mutations) -> {
                    String mutated = text;
                    for (Mutation m : mutations) {
                        mutated = m.apply(mutated);
                    }
                    return mutated;
                });
    }

    /** Returns the parse result, or the syntax exception; anything else thrown fails the property. */
    private static Object assertParsesOrFailsCleanly(String text, Function<String, ?> parse) {
        try {
            Object result = parse.apply(text);
            assertThat(result).isNotNull();
            return result;
        } catch (FilterSyntaxException e) {
            assertThat(e.offset()).isBetween(0, text.length());
            boolean splitsAPair = e.offset() > 0 && e.offset() < text.length()
                    && Character.isLowSurrogate(text.charAt(e.offset()))
                    && Character.isHighSurrogate(text.charAt(e.offset() - 1));
            assertThat(splitsAPair).as("offset %d splits a surrogate pair", e.offset()).isFalse();
            assertThat(e.getMessage()).contains("at offset " + e.offset());
            assertThat(text.substring(e.offset())).startsWith(e.offendingText());
            return e;
        }
    }

    enum MutationKind { DELETE, INSERT, SWAP }

    record Mutation(MutationKind kind, int position, char inserted) {
        String apply(String text) {
            if (text.isEmpty()) {
                return kind == MutationKind.INSERT ? String.valueOf(inserted) : text;
            }
            int at = position % text.length();
            return switch (kind) {
                case DELETE -> text.substring(0, at) + text.substring(at + 1);
                case INSERT -> text.substring(0, at) + inserted + text.substring(at);
                case SWAP -> at + 1 < text.length()
                        ? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2)
                        : text;
            };
        }
    }

    /** The ways a filter nests, each with the depth the limit must count for it. */
    enum NestingShape {
        /** ((((a pr)))): parenthesis depth n, AST height 1. */
        PARENTHESES {
            @Override
            String text(int n) {
                return "(".repeat(n) + "a pr" + ")".repeat(n);
            }

            @Override
            int depth(int n) {
                return n;
            }
        },
        /** not (not (a pr)): parenthesis depth n, AST height n + 1. */
        NEGATIONS {
            @Override
            String text(int n) {
                return "not (".repeat(n) + "a pr" + ")".repeat(n);
            }

            @Override
            int depth(int n) {
                return n + 1;
            }
        },
        /** a pr and a pr and ...: n operators fold left into AST height n + 1. */
        AND_CHAIN {
            @Override
            String text(int n) {
                return "a pr" + " and a pr".repeat(n);
            }

            @Override
            int depth(int n) {
                return n + 1;
            }
        },
        /** id eq "1" or id eq "1" or ...: the shape of a script's lookup of many ids. */
        OR_CHAIN {
            @Override
            String text(int n) {
                return "id eq \"1\"" + " or id eq \"1\"".repeat(n);
            }

            @Override
            int depth(int n) {
                return n + 1;
            }
        },
        /** a pr and (a pr or (a pr and (...))): parenthesis depth n, AST height n + 1. */
        RIGHT_NESTED {
            @Override
            String text(int n) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    text.append(i % 2 == 0 ? "a pr and (" : "a pr or (");
                }
                return text.append("a pr").append(")".repeat(n)).toString();
            }

            @Override
            int depth(int n) {
                return n + 1;
            }
        },
        /** x[a pr and a pr ...]: bracket depth 1, AST height n + 2 (a chain of n + 1 terms under the value path). */
        VALUE_PATH_CHAIN {
            @Override
            String text(int n) {
                return "x[a pr" + " and a pr".repeat(n) + "]";
            }

            @Override
            int depth(int n) {
                return n + 2;
            }
        },
        /** (x[(a pr)]): brackets and parentheses alternate; nesting n + 2, AST height 2. */
        MIXED_BRACKETS {
            @Override
            String text(int n) {
                return "(x[" + "(".repeat(n) + "a pr" + ")".repeat(n) + "])";
            }

            @Override
            int depth(int n) {
                return n + 2;
            }
        };

        abstract String text(int n);

        abstract int depth(int n);

        /**
         * The message for this shape too deep: a chain says each term adds a level; nesting says nested; a
         * value path around a chain, or right-nested terms (whose first level is a chain of two, as in
         * {@code a pr and (a pr)}), say either, depending on whether a chain or a bracket crosses first.
         */
        String expectedError(int limit) {
            String chain = "the filter is deeper than the limit of " + limit
                    + " \\(each term of an 'and'/'or' chain adds a level\\) at offset \\d+";
            String nested = "the filter is nested deeper than the limit of " + limit + " at offset \\d+";
            return switch (this) {
                case AND_CHAIN, OR_CHAIN -> chain;
                case VALUE_PATH_CHAIN, RIGHT_NESTED -> "(" + chain + ")|(" + nested + ")";
                default -> nested;
            };
        }
    }

    @Property(tries = 500)
    void blanksBetweenTokensNeverChangeTheResult(@ForAll("filters") Filter filter, @ForAll("blanks") String blank) {
        assertThat(PARSER.parseFilter(respace(filter.toString(), blank))).isEqualTo(filter);
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\t').ofMinLength(1).ofMaxLength(4);
    }

    /** Outside string literals: every space becomes {@code blank}, and blanks pad every bracket and parenthesis. */
    private static String respace(String canonical, String blank) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(canonical.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == ' ') {
                out.append(blank);
            } else if ("([])".indexOf(c) >= 0) {
                out.append(blank).append(c).append(blank);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Property(tries = 100)
    void limitsAreValidatedWhenSet(@ForAll int maxLength, @ForAll int maxDepth) {
        Throwable thrown = catchThrowable(() -> new ParseLimits(maxLength, maxDepth));
        boolean valid = maxLength >= 1 && maxDepth >= 1 && maxDepth <= ParseLimits.MAX_DEPTH_CEILING;
        assertThat(thrown == null).isEqualTo(valid);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 200)
    void attributeListsAcceptBlanksAroundCommas(
            @ForAll("attributeLists") List<AttributePath> paths, @ForAll("blanks") String blank) {
        String text = blank + String.join(blank + "," + blank, paths.stream().map(AttributePath::toString).toList());
        assertThat(PARSER.parseAttributeList(text)).isEqualTo(paths);
    }

    @Property(tries = 200)
    void notBlankTextNeverYieldsAnEmptyAttributeList(@ForAll @NotBlank @StringLength(max = 30) String text) {
        Object result = assertParsesOrFailsCleanly(text, PARSER::parseAttributeList);
        if (result instanceof List<?> list) {
            assertThat(list).isNotEmpty();
        }
    }

    @Property(tries = 100)
    void theLengthLimitIsExact(@ForAll @IntRange(min = 8, max = 300) int maxLength) {
        FilterParser parser = FilterParser.withLimits(ParseLimits.DEFAULTS.withMaxLength(maxLength));
        String atLimit = "a eq \"" + "x".repeat(maxLength - 7) + "\"";
        assertThat(atLimit).hasSize(maxLength);
        assertThat(parser.parseFilter(atLimit)).isInstanceOf(Comparison.class);
        assertThat(catchThrowable(() -> parser.parseFilter(atLimit + " ")))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("the filter is longer than the limit of " + maxLength + " characters at offset " + maxLength);
    }
}
