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

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
