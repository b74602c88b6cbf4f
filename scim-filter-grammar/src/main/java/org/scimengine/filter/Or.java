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

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
