package org.scimengine.demo.account;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers and secrets from {@link SecureRandom}, as base64url without padding: they hold no
 * {@code .}, {@code :} or spaces, so they fit a Basic user name or password and a bearer token as they are.
 */
public final class Secrets {

    /** 128 bits: an identifier (a Basic user name, a token's or client's id) no one can guess or collide with. */
    public static final int ID_BYTES = 16;
    /** 256 bits: a password, a token's or a client's secret. */
    public static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** A new identifier: 22 characters. */
    public static String newId() {
        return ENCODER.encodeToString(randomBytes(ID_BYTES));
    }

    /** A new secret: 43 characters. */
    public static String newSecret() {
        return ENCODER.encodeToString(randomBytes(SECRET_BYTES));
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
