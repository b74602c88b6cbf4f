package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimengine.filter.Ast.and;
import static org.scimengine.filter.Ast.eq;
import static org.scimengine.filter.Ast.not;
import static org.scimengine.filter.Ast.or;
import static org.scimengine.filter.Ast.pr;
import static org.scimengine.filter.Ast.vp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The AST's value types: their invariants, equality and canonical text. */
class AstTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a.b", "a b", "a:b", "-a", "_a", "$foo", "é"})
    void attributeNamesFollowRfc7643(String name) {
        assertThatThrownBy(() -> AttributePath.of(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributePath.of("a", name)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AttributePath.isValidName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "userName", "x-y_z9", "$ref", "$REF", "and"})
    void validNamesAreAccepted(String name) {
        assertThat(AttributePath.of(name).name()).isEqualTo(name);
        assertThat(AttributePath.isValidName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo:bar", "urn:", "urn", "urn:a b", "http://example.com/schema"})
    void schemaUrnsMustBeUrns(String urn) {
        assertThatThrownBy(() -> new AttributePath(urn, "a", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathsPrintTheirFullTextAndDropTheirSchemaOnRequest() {
        AttributePath path = new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name", "familyName");
        assertThat(path.fullText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName");
        assertThat(path).hasToString(path.fullText());
        assertThat(path.withoutSchema()).isEqualTo(AttributePath.of("name", "familyName"));
        AttributePath plain = AttributePath.of("a");
        assertThat(plain.withoutSchema()).isSameAs(plain);
    }

    @Test
    void valueFiltersCannotNest() {
        assertThatThrownBy(() -> vp("a", vp("b", pr("c")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vp("a", and(pr("x"), not(vp("b", pr("c")))))).isInstanceOf(IllegalArgumentException.class);
        assertThat(vp("a", or(pr("x"), not(pr("c"))))).isInstanceOf(ValuePath.class);
    }

    @Test
    void nodesAreEqualByStructureAndAndIsNotOr() {
        assertThat(and(pr("a"), pr("b"))).isEqualTo(and(pr("a"), pr("b")))
                .hasSameHashCodeAs(and(pr("a"), pr("b")))
                .isNotEqualTo(or(pr("a"), pr("b")))
                .isNotEqualTo(and(pr("b"), pr("a")));
        assertThat(or(pr("a"), pr("b")).hashCode()).isNotEqualTo(and(pr("a"), pr("b")).hashCode());
        assertThat(not(pr("a"))).isEqualTo(not(pr("a"))).isNotEqualTo(pr("a")).isNotEqualTo(null);
        assertThat(vp("a", pr("b"))).isEqualTo(vp("a", pr("b"))).isNotEqualTo(vp("a", pr("c")));
        assertThat(eq("a", "x")).isNotEqualTo(eq("A", "x"));
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> new And(null, pr("a"))).hasMessage("left");
        assertThatThrownBy(() -> new Comparison(AttributePath.of("a"), CompareOp.EQ, null)).hasMessage("value");
        assertThatThrownBy(() -> FilterParser.standard().parseFilter(null)).hasMessage("text");
        assertThatThrownBy(() -> FilterParser.withLimits(null)).hasMessage("limits");
    }

    @ParameterizedTest
    @CsvSource({"42, true", "0, true", "-0.0, true", "4.2e1, true", "42.00, true", "4.25, false", "1e-3, false",
            "1E+400, true", "123456789012345678901234567890, true"})
    void numbersKnowWhetherTheyAreIntegral(String number, boolean integral) {
        assertThat(new FilterValue.NumberValue(new BigDecimal(number)).isIntegral()).isEqualTo(integral);
    }

    @Test
    void valuesPrintAsJson() {
        assertThat(FilterValue.of("a\"b\\c\n\u0001é\uD83D\uDE00")).hasToString("\"a\\\"b\\\\c\\n\\u0001é\uD83D\uDE00\"");
        assertThat(FilterValue.of("\uD83D")).hasToString("\"\\ud83d\"");
        assertThat(FilterValue.of("x\uDE00")).hasToString("\"x\\ude00\"");
        assertThat(FilterValue.of(new BigDecimal("1.50"))).hasToString("1.50");
        assertThat(FilterValue.of(true)).isSameAs(FilterValue.TRUE).hasToString("true");
        assertThat(FilterValue.of(false)).isSameAs(FilterValue.FALSE).hasToString("false");
        assertThat(FilterValue.NULL).hasToString("null").isEqualTo(new FilterValue.NullValue());
        assertThat(FilterValue.of(new BigDecimal("1.0"))).isNotEqualTo(FilterValue.of(new BigDecimal("1.00")));
    }

    @Test
    void operatorsKnowTheirKeywordAndKind() {
        assertThat(CompareOp.GE.keyword()).isEqualTo("ge");
        assertThat(List.of(CompareOp.values())).filteredOn(CompareOp::isOrdering)
                .containsExactly(CompareOp.GT, CompareOp.LT, CompareOp.GE, CompareOp.LE);
        assertThat(List.of(CompareOp.values())).filteredOn(CompareOp::isSubstring)
                .containsExactly(CompareOp.CO, CompareOp.SW, CompareOp.EW);
    }

    @Test
    void theVisitorReachesEveryNodeOnce() {
        Filter filter = Filter.parse("a eq 1 and not (b pr or c[d pr and e ne \"x\"])");
        List<String> visited = new ArrayList<>();
        filter.accept(new FilterVisitor<Void>() {
            @Override
            public Void visitComparison(Comparison comparison) {
                visited.add("cmp " + comparison.attribute());
                return null;
            }

            @Override
            public Void visitPresence(Presence presence) {
                visited.add("pr " + presence.attribute());
                return null;
            }

            @Override
            public Void visitAnd(And and) {
                visited.add("and");
                and.left().accept(this);
                and.right().accept(this);
                return null;
            }

            @Override
            public Void visitOr(Or or) {
                visited.add("or");
                or.left().accept(this);
                or.right().accept(this);
                return null;
            }

            @Override
            public Void visitNot(Not not) {
                visited.add("not");
                not.operand().accept(this);
                return null;
            }

            @Override
            public Void visitValuePath(ValuePath valuePath) {
                visited.add("vp " + valuePath.attribute());
                valuePath.filter().accept(this);
                return null;
            }
        });
        assertThat(visited).containsExactly(
                "and", "cmp a", "not", "or", "pr b", "vp c", "and", "pr d", "cmp e");
    }

    @Test
    void aRewriterRebuildsTheStructureAndRewritesOnlyWhatItOverrides() {
        Filter filter = Filter.parse("not (a eq \"x\" or b pr) and c[d eq \"y\"]");
        Filter upper = filter.accept(new FilterRewriter() {
            @Override
            public Filter visitComparison(Comparison comparison) {
                String value = ((FilterValue.StringValue) comparison.value()).value();
                return new Comparison(comparison.attribute(), comparison.operator(), FilterValue.of(value.toUpperCase()));
            }
        });
        assertThat(upper).hasToString("not (a eq \"X\" or b pr) and c[d eq \"Y\"]");
        assertThat(filter.accept(new FilterRewriter() { })).isEqualTo(filter);
    }

    @Test
    void longChainsBuiltInCodeCostNoStack() {
        // Parsed filters are bounded by ParseLimits; a host may still build a long chain itself.
        Filter ors = chainOf(100_000, false);
        Filter again = chainOf(100_000, false);
        assertThat(ors).isEqualTo(again).hasSameHashCodeAs(again);
        assertThat(ors).isNotEqualTo(chainOf(100_000, true)).isNotEqualTo(chainOf(99_999, false));
        assertThat(ors.toString()).startsWith("id eq \"0\" or id eq \"1\" or ").endsWith(" or id eq \"99999\"");
        assertThat(new ValuePath(AttributePath.of("members"), ors).filter()).isSameAs(ors);
        assertThat(new And(pr("a"), new Or(pr("b"), pr("c")))).hasToString("a pr and (b pr or c pr)");
    }

    private static Filter chainOf(int terms, boolean and) {
        Filter chain = eq("id", "0");
        for (int i = 1; i < terms; i++) {
            chain = and ? new And(chain, eq("id", Integer.toString(i))) : new Or(chain, eq("id", Integer.toString(i)));
        }
        return chain;
    }

    @Test
    void canonicalTextUsesMinimalParentheses() {
        assertThat(Filter.parse("((a pr)) AND ((b pr) OR (c pr))")).hasToString("a pr and (b pr or c pr)");
        assertThat(Filter.parse("(a pr or b pr) or (c pr or d pr)")).hasToString("a pr or b pr or (c pr or d pr)");
        assertThat(Filter.parse("(a pr and b pr) or c pr")).hasToString("a pr and b pr or c pr");
        assertThat(Filter.parse("NOT ( a  Pr )")).hasToString("not (a pr)");
        assertThat(Filter.parse("x eq 1E3")).hasToString("x eq 1E+3");
    }

    @Test
    void staticParseShortcutsUseTheStandardParser() {
        assertThat(Filter.parse("a pr")).isEqualTo(FilterParser.standard().parseFilter("a pr"));
        assertThat(PatchPath.parse("a.b")).isEqualTo(FilterParser.standard().parsePath("a.b"));
        assertThat(FilterParser.standard().limits()).isEqualTo(ParseLimits.DEFAULTS);
    }
}
