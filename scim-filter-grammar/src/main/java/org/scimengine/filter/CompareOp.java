package org.scimengine.filter;

import java.util.Locale;

/**
 * The comparison operators of RFC 7644 §3.4.2.2, Table 3 ({@code pr} is {@link Presence}).
 *
 * @since 0.1
 */
public enum CompareOp {
    /** equal */
    EQ,
    /** not equal */
    NE,
    /** contains */
    CO,
    /** starts with */
    SW,
    /** ends with */
    EW,
    /** greater than */
    GT,
    /** less than */
    LT,
    /** greater than or equal to */
    GE,
    /** less than or equal to */
    LE;

    private final String keyword = name().toLowerCase(Locale.ROOT);

    /** The operator as the filter language writes it, in lower case: {@code eq}, {@code ne}... */
    public String keyword() {
        return keyword;
    }

    /** Whether the operator orders values ({@code gt}, {@code lt}, {@code ge}, {@code le}). */
    public boolean isOrdering() {
        return this == GT || this == LT || this == GE || this == LE;
    }

    /** Whether the operator matches substrings ({@code co}, {@code sw}, {@code ew}). */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }
}
