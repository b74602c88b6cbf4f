package org.scimengine.core.internal.secret;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 hashes of write-only values such as {@code password} (RFC 7643 §7: never returned),
 * encoded as {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>} (base64, no padding) so that a hash records
 * how to check it even after the default iteration count changes. The JDK provides the algorithm; no
 * dependency is needed. Thread-safe.
 */
public final class PasswordHasher {

    /**
     * OWASP's 2023 figure for PBKDF2-HMAC-SHA256. It costs about 240 ms a hash on the 2-core machines this
     * project is built on (measured with javax.crypto directly), which bounds creates carrying a password to a
     * few per second per core; hosts that need more lower it knowingly.
     */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /**
     * @throws IllegalArgumentException if {@code iterations} is below 1
     */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        this.iterations = iterations;
    }

    /** A new salted hash of {@code secret}. */
    public String hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(derive(secret, salt, iterations));
    }

    /** Whether {@code secret} is the one {@code encoded} was made from; false for anything not such a hash. */
    public boolean matches(String secret, String encoded) {
        Objects.requireNonNull(secret, "secret");
        if (!encoded.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[0]);
            byte[] salt = DECODER.decode(parts[1]);
            byte[] expected = DECODER.decode(parts[2]);
            // Constant-time comparison: the time taken says nothing about how much of the hash matched.
            return rounds >= 1 && MessageDigest.isEqual(derive(secret, salt, rounds), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}
