package org.scimengine.filter;

import java.util.Objects;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * {@code not (operand)}: the grammar always takes a parenthesised operand (RFC 7644 §3.4.2.2).
 *
 * @param operand the negated filter
 * @since 0.1
 */
public record Not(Filter operand) implements Filter {

    public Not {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitNot(this);
    }

    // Written out rather than generated: a record's generated equals and hashCode run through several
    // method-handle frames per call, and on a deep filter that, not parsing, is what exhausts the stack.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Not other && operand.equals(other.operand);
    }

    @Override
    public int hashCode() {
        return ~operand.hashCode();
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
