package org.scimengine.filter;

import java.util.Objects;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * {@code attribute[filter]}, for example {@code emails[type eq "work" and value co "@example.com"]}: some
 * value of the (usually multi-valued, complex) attribute satisfies the whole inner filter, so its conditions
 * hold on one element together (RFC 7644 §3.4.2.2). Attribute paths inside the filter are relative to
 * {@code attribute}.
 *
 * @param attribute the attribute whose values are filtered
 * @param filter the value filter; it holds no {@code ValuePath} of its own
 * @since 0.1
 */
public record ValuePath(AttributePath attribute, Filter filter) implements Filter {

    /**
     * @throws IllegalArgumentException if {@code filter} contains a value path (brackets do not nest)
     */
    public ValuePath {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(filter, "filter");
        if (FilterPrinter.containsValuePath(filter)) {
            throw new IllegalArgumentException("a value filter cannot contain another value filter: " + filter);
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitValuePath(this);
    }

    // Written out rather than generated: a record's generated equals and hashCode run through several
    // method-handle frames per call, and on a deep filter that, not parsing, is what exhausts the stack.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ValuePath other && attribute.equals(other.attribute) && filter.equals(other.filter);
    }

    @Override
    public int hashCode() {
        return 31 * attribute.hashCode() + filter.hashCode();
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
