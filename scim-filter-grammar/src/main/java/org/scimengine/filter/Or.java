package org.scimengine.filter;

import java.util.Objects;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * {@code left or right}. A chain {@code a or b or c} is {@code Or(Or(a, b), c)}.
 *
 * @param left the left operand
 * @param right the right operand
 * @since 0.1
 */
public record Or(Filter left, Filter right) implements Filter {

    public Or {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitOr(this);
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
        while (mine instanceof Or a && theirs instanceof Or b) {
            if (!a.right.equals(b.right)) {
                return false;
            }
            mine = a.left;
            theirs = b.left;
        }
        return !(mine instanceof Or) && !(theirs instanceof Or) && mine.equals(theirs);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        Filter node = this;
        while (node instanceof Or chain) {
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
