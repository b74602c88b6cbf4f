package org.scimengine.filter;

import java.util.Objects;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * {@code attribute op value}, for example {@code userName eq "bjensen"} (RFC 7644 §3.4.2.2).
 *
 * @param attribute the attribute compared
 * @param operator the comparison operator
 * @param value the literal compared against
 * @since 0.1
 */
public record Comparison(AttributePath attribute, CompareOp operator, FilterValue value) implements Filter {

    public Comparison {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
