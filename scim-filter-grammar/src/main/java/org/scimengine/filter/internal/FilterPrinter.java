package org.scimengine.filter.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.scimengine.filter.And;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterVisitor;
import org.scimengine.filter.Not;
import org.scimengine.filter.Or;
import org.scimengine.filter.PatchPath;
import org.scimengine.filter.Presence;
import org.scimengine.filter.ValuePath;

/**
 * The canonical text of a filter: lower-case keywords, single spaces, and parentheses only where the
 * left-associative precedence of {@code or} below {@code and} needs them, so that parsing the text gives back
 * an equal AST.
 */
public final class FilterPrinter implements FilterVisitor<Void> {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int ATOM = 3;

    private final StringBuilder out;

    private FilterPrinter(StringBuilder out) {
        this.out = out;
    }

    public static String print(Filter filter) {
        StringBuilder out = new StringBuilder(64);
        filter.accept(new FilterPrinter(out));
        return out.toString();
    }

    public static String print(PatchPath path) {
        StringBuilder out = new StringBuilder(64).append(path.attribute().fullText());
        Filter valueFilter = path.valueFilter();
        if (valueFilter != null) {
            out.append('[');
            valueFilter.accept(new FilterPrinter(out));
            out.append(']');
            if (path.subAttribute() != null) {
                out.append('.').append(path.subAttribute());
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code filter} holds a {@link ValuePath} anywhere (value filters must not). And/or operands are
     * kept on a work list rather than recursed into, so a long chain built in code costs no stack.
     */
    public static boolean containsValuePath(Filter filter) {
        Deque<Filter> pending = new ArrayDeque<>();
        pending.push(filter);
        while (!pending.isEmpty()) {
            Filter node = pending.pop();
            if (node instanceof ValuePath) {
                return true;
            } else if (node instanceof And and) {
                pending.push(and.left());
                pending.push(and.right());
            } else if (node instanceof Or or) {
                pending.push(or.left());
                pending.push(or.right());
            } else if (node instanceof Not not) {
                pending.push(not.operand());
            }
        }
        return false;
    }

    @Override
    public Void visitComparison(Comparison comparison) {
        out.append(comparison.attribute().fullText())
                .append(' ')
                .append(comparison.operator().keyword())
                .append(' ')
                .append(comparison.value());
        return null;
    }

    @Override
    public Void visitPresence(Presence presence) {
        out.append(presence.attribute().fullText()).append(" pr");
        return null;
    }

    @Override
    public Void visitAnd(And and) {
        chain(and, " and ", AND);
        return null;
    }

    @Override
    public Void visitOr(Or or) {
        chain(or, " or ", OR);
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        out.append("not (");
        not.operand().accept(this);
        out.append(')');
        return null;
    }

    @Override
    public Void visitValuePath(ValuePath valuePath) {
        out.append(valuePath.attribute().fullText()).append('[');
        valuePath.filter().accept(this);
        out.append(']');
        return null;
    }

    /**
     * Chains fold to the left, so a right operand of the same precedence needs parentheses; a left one not. The
     * left spine of a chain of one operator is walked in a loop, so a long chain built in code costs no stack.
     */
    private void chain(Filter top, String keyword, int precedence) {
        Deque<Filter> rights = new ArrayDeque<>();
        Filter node = top;
        while (Chains.sameOperator(node, top)) {
            rights.push(Chains.right(node));
            node = Chains.left(node);
        }
        operand(node, precedence(node) < precedence);
        while (!rights.isEmpty()) {
            Filter right = rights.pop();
            out.append(keyword);
            operand(right, precedence(right) <= precedence);
        }
    }

    private void operand(Filter operand, boolean parenthesise) {
        if (parenthesise) {
            out.append('(');
            operand.accept(this);
            out.append(')');
        } else {
            operand.accept(this);
        }
    }

    private static int precedence(Filter filter) {
        if (filter instanceof Or) {
            return OR;
        }
        return filter instanceof And ? AND : ATOM;
    }
}
