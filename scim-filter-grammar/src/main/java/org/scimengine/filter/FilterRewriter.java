package org.scimengine.filter;

/**
 * A visitor that rebuilds a filter: {@code and}, {@code or}, {@code not} and value paths are copied with their
 * operands rewritten, comparisons and presence tests are kept. Override the node types to change, for example
 * {@link #visitComparison} to rewrite values.
 *
 * @since 0.1
 */
public abstract class FilterRewriter implements FilterVisitor<Filter> {

    @Override
    public Filter visitComparison(Comparison comparison) {
        return comparison;
    }

    @Override
    public Filter visitPresence(Presence presence) {
        return presence;
    }

    @Override
    public Filter visitAnd(And and) {
        return new And(and.left().accept(this), and.right().accept(this));
    }

    @Override
    public Filter visitOr(Or or) {
        return new Or(or.left().accept(this), or.right().accept(this));
    }

    @Override
    public Filter visitNot(Not not) {
        return new Not(not.operand().accept(this));
    }

    @Override
    public Filter visitValuePath(ValuePath valuePath) {
        return new ValuePath(valuePath.attribute(), valuePath.filter().accept(this));
    }
}
