package org.scimengine.core.schema;

/**
 * Whether and when a client may change an attribute (RFC 7643 §7, {@code mutability}).
 *
 * @since 0.1
 */
public enum Mutability {
    /** Set by the service provider only; client values are ignored. */
    READ_ONLY("readOnly"),
    /** Updated and read freely. */
    READ_WRITE("readWrite"),
    /** Set once, when the resource or the value is created; never changed afterwards. */
    IMMUTABLE("immutable"),
    /** Written by the client, never returned (for example {@code password}). */
    WRITE_ONLY("writeOnly");

    private final String wire;

    Mutability(String wire) {
        this.wire = wire;
    }

    /** The value as RFC 7643 spells it in a schema document. */
    public String wire() {
        return wire;
    }
}
