package org.scimengine.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random ASTs and filter texts for the properties. */
final class FilterArbitraries {

    private static final List<String> KEYWORDS = List.of(
            "and", "or", "not", "pr", "eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le", "true", "false", "null");

    private FilterArbitraries() {
    }

    /** ATTRNAME = ALPHA *(ALPHA / DIGIT / "-" / "_"), keywords in any case included, and $ref. */
    static Arbitrary<String> names() {
        Arbitrary<String> plain = Combinators.combine(
                        Arbitraries.chars().range('a', 'z').range('A', 'Z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                                .withCharRange('0', '9').withChars('-', '_').ofMaxLength(10))
                .as((first, rest) -> first + rest);
        Arbitrary<String> keyword = Arbitraries.of(KEYWORDS).flatMap(FilterArbitraries::randomCase);
        return Arbitraries.frequencyOf(
                Tuple.of(8, plain),
                Tuple.of(2, keyword),
                Tuple.of(1, Arbitraries.of("$ref", "$Ref")));
    }

    static Arbitrary<String> urns() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('.', '-', '_', '~', '%', '+').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> standard = Arbitraries.of(
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP");
        Arbitrary<String> random = segment.list().ofMinSize(1).ofMaxSize(5).map(parts -> "urn:" + String.join(":", parts));
        return Arbitraries.oneOf(standard, random);
    }

    static Arbitrary<AttributePath> attributePaths() {
        return Combinators.combine(urns().injectNull(0.7), names(), names().injectNull(0.6))
                .as(AttributePath::new);
    }

    /** Paths inside a value filter are relative, so they carry no URN. */
    static Arbitrary<AttributePath> relativePaths() {
        return Combinators.combine(names(), names().injectNull(0.8)).as((name, sub) -> new AttributePath(null, name, sub));
    }

    static Arbitrary<FilterValue> values() {
        Arbitrary<FilterValue> strings = Arbitraries.strings().all().ofMaxLength(12).map(FilterValue::of);
        Arbitrary<FilterValue> tricky = Arbitraries.strings()
                .withChars('"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\uD83D', '\uDE00', ' ', '(', ']', 'é')
                .ofMaxLength(8).map(FilterValue::of);
        Arbitrary<FilterValue> numbers = Combinators.combine(
                        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                        Arbitraries.integers().between(-40, 40))
                .as((unscaled, scale) -> FilterValue.of(new BigDecimal(unscaled, scale)));
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings),
                Tuple.of(3, tricky),
                Tuple.of(3, numbers),
                Tuple.of(1, Arbitraries.of(FilterValue.TRUE, FilterValue.FALSE, FilterValue.NULL)));
    }

    /** Filters up to {@code depth} levels of and/or/not/value path above the leaves. */
    static Arbitrary<Filter> filters(int depth) {
        return filters(depth, true, attributePaths());
    }

    private static Arbitrary<Filter> filters(int depth, boolean valuePathsAllowed, Arbitrary<AttributePath> paths) {
        Arbitrary<Filter> comparison = Combinators.combine(paths, Arbitraries.of(CompareOp.class), values())
                .as(Comparison::new);
        Arbitrary<Filter> presence = paths.map(Presence::new);
        Arbitrary<Filter> leaf = Arbitraries.frequencyOf(
                Tuple.of(4, comparison),
                Tuple.of(1, presence));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filters(depth - 1, valuePathsAllowed, paths));
        Arbitrary<Filter> and = Combinators.combine(sub, sub).as(And::new);
        Arbitrary<Filter> or = Combinators.combine(sub, sub).as(Or::new);
        Arbitrary<Filter> not = sub.map(Not::new);
        if (!valuePathsAllowed) {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, leaf),
                    Tuple.of(2, and),
                    Tuple.of(2, or),
                    Tuple.of(1, not));
        }
        Arbitrary<Filter> valuePath = Combinators.combine(paths,
                        Arbitraries.lazy(() -> filters(Math.min(depth - 1, 3), false, relativePaths())))
                .as(ValuePath::new);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(2, and),
                Tuple.of(2, or),
                Tuple.of(1, not),
                Tuple.of(1, valuePath));
    }

    static Arbitrary<PatchPath> patchPaths() {
        Arbitrary<PatchPath> plain = attributePaths().map(PatchPath::of);
        Arbitrary<PatchPath> filtered = Combinators.combine(
                        attributePaths(), filters(3, false, relativePaths()), names().injectNull(0.5))
                .as(PatchPath::new);
        return Arbitraries.oneOf(plain, filtered);
    }

    /** Valid filter texts in written (not canonical) form: RFC examples and what identity providers send. */
    static Arbitrary<String> writtenFilters() {
        return Arbitraries.of(
                "userName eq \"bjensen\"",
                "name.familyName co \"O'Malley\"",
                "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
                "title pr and userType eq \"Employee\"",
                "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                "emails[type eq \"work\"].value eq \"a@example.com\"",
                "externalId eq \"00ujl29u0le5T6Aj10h7\" and active eq true",
                "x eq -1.5e+3 or y le 0 or z eq null",
                "name eq \"a\\\"b\\\\c\\u00e9\"");
    }

    private static Arbitrary<String> randomCase(String word) {
        return Arbitraries.integers().between(0, (1 << word.length()) - 1).map(mask -> {
            StringBuilder out = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                out.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
            }
            return out.toString();
        });
    }
}
