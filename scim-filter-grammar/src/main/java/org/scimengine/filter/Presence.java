package org.scimengine.filter;

import java.util.Objects;
import org.scimengine.filter.internal.FilterPrinter;

/**
 * {@code attribute pr}: the attribute has a non-empty value (RFC 7644 §3.4.2.2).
 *
 * @param attribute the attribute tested
 * @since 0.1
 */
public record Presence(AttributePath attribute) implements Filter {

    public Presence {
        Objects.requireNonNull(attribute, "attribute");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitPresence(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
