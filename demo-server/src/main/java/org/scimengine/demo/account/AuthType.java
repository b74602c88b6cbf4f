package org.scimengine.demo.account;

import java.util.Locale;

/** How a SCIM integration authenticates (seed 002): HTTP Basic or a bearer token. */
public enum AuthType {
    /** {@code Authorization: Basic base64(username:password)}, both generated. */
    BASIC,
    /** {@code Authorization: Bearer <token>}, generated. */
    BEARER;

    /** The name in the database and on the command line: {@code basic}, {@code bearer}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type with that name, ignoring case.
     *
     * @throws AccountException if there is none
     */
    public static AuthType fromWire(String text) {
        for (AuthType type : values()) {
            if (type.wire().equalsIgnoreCase(text.strip())) {
                return type;
            }
        }
        throw new AccountException("unknown authentication type '" + text + "'; use basic or bearer");
    }
}
