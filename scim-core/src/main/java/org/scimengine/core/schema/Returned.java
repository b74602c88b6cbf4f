package org.scimengine.core.schema;

/**
 * When an attribute appears in a response (RFC 7643 §7, {@code returned}).
 *
 * @since 0.1
 */
public enum Returned {
    /** Always returned, whatever {@code attributes} or {@code excludedAttributes} say. */
    ALWAYS("always"),
    /** Never returned. */
    NEVER("never"),
    /** Returned unless excluded. */
    DEFAULT("default"),
    /** Returned only when named in {@code attributes}. */
    REQUEST("request");

    private final String wire;

    Returned(String wire) {
        this.wire = wire;
    }

    /** The value as RFC 7643 spells it in a schema document. */
    public String wire() {
        return wire;
    }
}
