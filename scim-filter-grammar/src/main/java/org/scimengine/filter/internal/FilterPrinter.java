package org.scimengine.filter.internal;

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

    /** Whether {@code filter} holds a {@link ValuePath} anywhere (value filters must not). */
    public static boolean containsValuePath(Filter filter) {
        return filter.accept(new FilterVisitor<Boolean>() {
            @Override
            public Boolean visitComparison(Comparison comparison) {
                return false;
            }

            @Override
            public Boolean visitPresence(Presence presence) {
                return false;
            }

            @Override
            public Boolean visitAnd(And and) {
                return and.left().accept(this) || and.right().accept(this);
            }

            @Override
            public Boolean visitOr(Or or) {
                return or.left().accept(this) || or.right().accept(this);
            }

            @Override
            public Boolean visitNot(Not not) {
                return not.operand().accept(this);
            }

            @Override
            public Boolean visitValuePath(ValuePath valuePath) {
                return true;
            }
        });
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
        binary(and.left(), " and ", and.right(), AND);
        return null;
    }

    @Override
    public Void visitOr(Or or) {
        binary(or.left(), " or ", or.right(), OR);
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

    /** Chains fold to the left, so a right operand of the same precedence needs parentheses; a left one not. */
    private void binary(Filter left, String keyword, Filter right, int precedence) {
        operand(left, precedence(left) < precedence);
        out.append(keyword);
        operand(right, precedence(right) <= precedence);
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
