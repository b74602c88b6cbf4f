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

    // Written out rather than generated: a generated equals and hashCode recurse through several method-handle
    // frames per level. These walk a chain's left spine in a loop instead, so that a long chain built in code
    // (a thousand "id eq" terms) costs no stack; only the operands on the right are compared recursively.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        Filter mine = this;
        Object theirs = o;
        while (mine instanceof And a && theirs instanceof And b) {
            if (!a.right.equals(b.right)) {
                return false;
            }
            mine = a.left;
            theirs = b.left;
        }
        return !(mine instanceof And) && !(theirs instanceof And) && mine.equals(theirs);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        Filter node = this;
        while (node instanceof And chain) {
            hash = 31 * hash + chain.right.hashCode();
            node = chain.left;
        }
        return 31 * hash + node.hashCode();
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
