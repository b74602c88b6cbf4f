package org.scimengine.filter;

import java.math.BigDecimal;
import java.util.Objects;
import org.scimengine.filter.internal.JsonText;

/**
 * A comparison value ({@code compValue} of RFC 7644 §3.4.2.2): a JSON string, number, boolean or null.
 * {@link #toString()} gives the JSON literal.
 *
 * @since 0.1
 */
public sealed interface FilterValue {

    /** The literal {@code true}. */
    FilterValue TRUE = new BooleanValue(true);
    /** The literal {@code false}. */
    FilterValue FALSE = new BooleanValue(false);
    /** The literal {@code null}. */
    FilterValue NULL = new NullValue();

    /** A string value. */
    static FilterValue of(String value) {
        return new StringValue(value);
    }

    /** A number value, kept exactly as given (scale included). */
    static FilterValue of(BigDecimal value) {
        return new NumberValue(value);
    }

    /** {@link #TRUE} or {@link #FALSE}. */
    static FilterValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * A JSON string, unescaped.
     *
     * @param value the string's characters
     */
    record StringValue(String value) implements FilterValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return JsonText.quote(value);
        }
    }

    /**
     * A JSON number, exactly as written: {@code 1.50} keeps its scale and equals only {@code 1.50}. Compare
     * numerically with {@link BigDecimal#compareTo}.
     *
     * @param value the number
     */
    record NumberValue(BigDecimal value) implements FilterValue {
        public NumberValue {
            Objects.requireNonNull(value, "value");
        }

        /** Whether the number has no fractional part ({@code 42}, {@code 4.2e1}, {@code 42.0}). */
        public boolean isIntegral() {
            return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the boolean
     */
    record BooleanValue(boolean value) implements FilterValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    record NullValue() implements FilterValue {
        @Override
        public String toString() {
            return "null";
        }
    }
}
