package org.scimengine.core.schema;

/**
 * An attribute's data type (RFC 7643 §2.3).
 *
 * @since 0.1
 */
public enum AttributeType {
    /** A sequence of characters. */
    STRING("string"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** A real number. */
    DECIMAL("decimal"),
    /** A whole number. */
    INTEGER("integer"),
    /** An {@code xsd:dateTime} instant, for example {@code 2011-05-13T04:42:34Z}. */
    DATE_TIME("dateTime"),
    /** A URI referring to a resource ({@code referenceTypes} say which kinds). */
    REFERENCE("reference"),
    /** Base64-encoded bytes. */
    BINARY("binary"),
    /** A structure of sub-attributes. */
    COMPLEX("complex");

    private final String wire;

    AttributeType(String wire) {
        this.wire = wire;
    }

    /** The value as RFC 7643 spells it in a schema document. */
    public String wire() {
        return wire;
    }
}
