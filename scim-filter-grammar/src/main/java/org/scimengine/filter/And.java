package org.scimengine.filter;

import java.util.Objects;
import org.scimengine.filter.internal.Chains;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * {@code left and right}. A chain {@code a and b and c} is {@code And(And(a, b), c)}.
 *
 * @param left the left operand
 * @param right the right operand
 * @since 0.1
 */
public record And(Filter left, Filter right) implements Filter {

    public And {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }

    // Written out rather than generated: a generated equals and hashCode recurse through several method-handle
    // frames per level; these walk the chain's left spine in a loop, so a long chain built in code costs no stack.
    @Override
    public boolean equals(Object o) {
        return o != null && Chains.equal(this, o);
    }

    @Override
    public int hashCode() {
        return Chains.hash(this, 0);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
