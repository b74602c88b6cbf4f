package org.scimengine.core.schema;

/**
 * How unique an attribute's value must be (RFC 7643 §7, {@code uniqueness}).
 *
 * @since 0.1
 */
public enum Uniqueness {
    /** No uniqueness. */
    NONE("none"),
    /** Unique among the resources of one service provider (per tenant in this engine). */
    SERVER("server"),
    /** Globally unique. */
    GLOBAL("global");

    private final String wire;

    Uniqueness(String wire) {
        this.wire = wire;
    }

    /** The value as RFC 7643 spells it in a schema document. */
    public String wire() {
        return wire;
    }
}
