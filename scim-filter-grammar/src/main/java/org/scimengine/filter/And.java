package org.scimengine.filter;

import java.util.Objects;
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

    // Written out rather than generated: a record's generated equals and hashCode run through several
    // method-handle frames per call, and on a deep filter that, not parsing, is what exhausts the stack.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof And other && left.equals(other.left) && right.equals(other.right);
    }

    @Override
    public int hashCode() {
        return 31 * left.hashCode() + right.hashCode();
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
