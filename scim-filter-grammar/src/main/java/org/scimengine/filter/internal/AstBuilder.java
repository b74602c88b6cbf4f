package org.scimengine.filter.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.scimengine.filter.And;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterSyntaxException;
import org.scimengine.filter.FilterValue;
import org.scimengine.filter.Not;
import org.scimengine.filter.Or;
import org.scimengine.filter.PatchPath;
import org.scimengine.filter.Presence;
import org.scimengine.filter.ValuePath;
import org.scimengine.filter.internal.antlr.ScimFilterBaseVisitor;
import org.scimengine.filter.internal.antlr.ScimFilterParser;
import org.scimengine.filter.internal.antlr.ScimFilterParser.AndFilterContext;
import org.scimengine.filter.internal.antlr.ScimFilterParser.AttributePathContext;
import org.scimengine.filter.internal.antlr.ScimFilterParser.AttributeTestContext;
import org.scimengine.filter.internal.antlr.ScimFilterParser.FilterContext;

/**
 * Parse tree to AST. Chains fold left; the AST height is tracked as it grows so that the depth limit holds
 * for chains as well as for parentheses; the checks a context-free rule cannot state well live here.
 */
final class AstBuilder extends ScimFilterBaseVisitor<AstBuilder.Built> {

    /** A node and the height of the tree under it. */
    record Built(Filter filter, int height) {
    }

    private static final int MAX_DIGITS = 100;
    private static final int MAX_SCALE = 1_000;
    private static final int MAX_NUMBER_LENGTH = MAX_DIGITS + MAX_SCALE + 10;

    private final int maxDepth;
    private final String subject;
    private boolean insideValueFilter;

    AstBuilder(int maxDepth, String subject) {
        this.maxDepth = maxDepth;
        this.subject = subject;
    }

    Filter filter(FilterContext ctx) {
        return visitFilter(ctx).filter();
    }

    PatchPath path(ScimFilterParser.PathContext ctx) {
        AttributePath attribute = attributePath(ctx.attribute);
        if (ctx.valueFilter == null) {
            return PatchPath.of(attribute);
        }
        Built valueFilter = valueFilter(ctx.valueFilter);
        checkHeight(valueFilter.height() + 1, ctx.open);
        String subAttribute = ctx.subAttribute == null ? null : plainName(ctx.subAttribute);
        return new PatchPath(attribute, valueFilter.filter(), subAttribute);
    }

    List<AttributePath> attributePaths(List<AttributePathContext> contexts) {
        List<AttributePath> paths = new ArrayList<>(contexts.size());
        for (AttributePathContext ctx : contexts) {
            paths.add(attributePath(ctx));
        }
        return List.copyOf(paths);
    }

    @Override
    public Built visitFilter(FilterContext ctx) {
        List<AndFilterContext> terms = ctx.terms;
        Built result = visitAndFilter(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            Built right = visitAndFilter(terms.get(i));
            result = combine(new Or(result.filter(), right.filter()), result, right, ctx.ops.get(i - 1));
        }
        return result;
    }

    @Override
    public Built visitAndFilter(AndFilterContext ctx) {
        List<ScimFilterParser.UnaryFilterContext> terms = ctx.terms;
        Built result = terms.get(0).accept(this);
        for (int i = 1; i < terms.size(); i++) {
            Built right = terms.get(i).accept(this);
            result = combine(new And(result.filter(), right.filter()), result, right, ctx.ops.get(i - 1));
        }
        return result;
    }

    @Override
    public Built visitNotFilter(ScimFilterParser.NotFilterContext ctx) {
        Built operand = visitFilter(ctx.operand);
        return checked(new Not(operand.filter()), operand.height() + 1, ctx.negation);
    }

    @Override
    public Built visitGroupFilter(ScimFilterParser.GroupFilterContext ctx) {
        return visitFilter(ctx.inner);
    }

    @Override
    public Built visitAttributeFilter(ScimFilterParser.AttributeFilterContext ctx) {
        return test(attributePath(ctx.attribute), ctx.test);
    }

    private Built test(AttributePath attribute, AttributeTestContext ctx) {
        if (ctx instanceof ScimFilterParser.PresentTestContext) {
            return new Built(new Presence(attribute), 1);
        }
        if (ctx instanceof ScimFilterParser.CompareTestContext compare) {
            return new Built(new Comparison(attribute, operator(compare.op), value(compare.value)), 1);
        }
        ScimFilterParser.ValuePathTestContext valuePath = (ScimFilterParser.ValuePathTestContext) ctx;
        if (insideValueFilter) {
            throw error(valuePath.open, "value filters cannot be nested: unexpected '['");
        }
        Built inner = valueFilter(valuePath.valueFilter);
        if (valuePath.subAttribute != null) {
            // emails[type eq "work"].value eq "x"  ==  emails[type eq "work" and value eq "x"]
            insideValueFilter = true;
            Built tail = test(AttributePath.of(plainName(valuePath.subAttribute)), valuePath.subTest);
            insideValueFilter = false;
            inner = combine(new And(inner.filter(), tail.filter()), inner, tail, valuePath.dot);
        }
        return checked(new ValuePath(attribute, inner.filter()), inner.height() + 1, valuePath.open);
    }

    private Built valueFilter(FilterContext ctx) {
        insideValueFilter = true;
        Built built = visitFilter(ctx);
        insideValueFilter = false;
        return built;
    }

    private Built combine(Filter node, Built left, Built right, Token operator) {
        int height = Math.max(left.height(), right.height()) + 1;
        if (height > maxDepth) {
            // The left operand is the chain folded so far; a deeper right operand is a nested group.
            throw error(operator, left.height() >= right.height()
                    ? SyntaxErrors.chainTooLong(subject, maxDepth)
                    : SyntaxErrors.tooDeep(subject, maxDepth));
        }
        return new Built(node, height);
    }

    private Built checked(Filter node, int height, Token at) {
        checkHeight(height, at);
        return new Built(node, height);
    }

    private void checkHeight(int height, Token at) {
        if (height > maxDepth) {
            throw error(at, SyntaxErrors.tooDeep(subject, maxDepth));
        }
    }

    AttributePath attributePath(AttributePathContext ctx) {
        Token token = ctx.name;
        String path = token.getText();
        int colon = path.lastIndexOf(':');
        String urn = colon < 0 ? null : path.substring(0, colon);
        String rest = colon < 0 ? path : path.substring(colon + 1);
        int dot = rest.indexOf('.');
        try {
            return dot < 0
                    ? new AttributePath(urn, rest, null)
                    : new AttributePath(urn, rest.substring(0, dot), rest.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw error(token, "invalid attribute path '" + path + "'");
        }
    }

    /** The sub-attribute after {@code ]}: a bare name, not a path. */
    private String plainName(AttributePathContext ctx) {
        String name = ctx.name.getText();
        if (!AttributePath.isValidName(name)) {
            throw error(ctx.name, "expected a sub-attribute name after ']', found '" + name + "'");
        }
        return name;
    }

    private static CompareOp operator(Token token) {
        return switch (token.getType()) {
            case ScimFilterParser.EQ -> CompareOp.EQ;
            case ScimFilterParser.NE -> CompareOp.NE;
            case ScimFilterParser.CO -> CompareOp.CO;
            case ScimFilterParser.SW -> CompareOp.SW;
            case ScimFilterParser.EW -> CompareOp.EW;
            case ScimFilterParser.GT -> CompareOp.GT;
            case ScimFilterParser.LT -> CompareOp.LT;
            case ScimFilterParser.GE -> CompareOp.GE;
            case ScimFilterParser.LE -> CompareOp.LE;
            default -> throw new IllegalStateException("not an operator token: " + token);
        };
    }

    private FilterValue value(Token token) {
        return switch (token.getType()) {
            case ScimFilterParser.STRING -> FilterValue.of(JsonText.unquote(token.getText()));
            case ScimFilterParser.TRUE -> FilterValue.TRUE;
            case ScimFilterParser.FALSE -> FilterValue.FALSE;
            case ScimFilterParser.NULL -> FilterValue.NULL;
            default -> number(token);
        };
    }

    /**
     * Numbers are bounded so that no consumer pays for a value no attribute can hold: {@code 1e999999999}
     * is cheap to parse but exhausts memory when expanded, and thousands of digits make every comparison slow.
     */
    private FilterValue number(Token token) {
        String text = token.getText();
        if (text.length() <= MAX_NUMBER_LENGTH) {
            try {
                BigDecimal value = new BigDecimal(text);
                if (value.precision() <= MAX_DIGITS && Math.abs((long) value.scale()) <= MAX_SCALE) {
                    return FilterValue.of(value);
                }
            } catch (NumberFormatException e) {
                // Out of BigDecimal's range: reported below like any other out-of-range number.
            }
        }
        String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
        throw error(token, "number out of range '" + shown + "' (at most " + MAX_DIGITS
                + " significant digits and an exponent within " + MAX_SCALE + ")");
    }

    private FilterSyntaxException error(Token token, String message) {
        return SyntaxErrors.atToken(token, message);
    }
}
