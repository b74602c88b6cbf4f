package org.scimengine.demo.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The two parts of a bearer token: an id that finds the credential and a secret that proves it, as a user name
 * and a password do. Tokens the server generates read {@code <id>.<secret>}, the adapter's form. A token given
 * from outside ({@code SCIM_BOOTSTRAP_TOKEN}) may lack the {@code .}: its id is then derived from its SHA-256
 * digest and the whole token is its secret. The derived id makes a weak token no weaker: its salted hash is
 * stored beside it anyway, and either one lets anyone holding the database test guesses.
 */
public final class BearerTokens {

    /** Marks a derived id, which no generated id can equal: base64url has no {@code ~}. */
    private static final String DERIVED = "~";

    private BearerTokens() {
    }

    /** A token's parts. */
    public record Parts(String id, String secret) {
        public Parts {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
        }

        /** Never the secret. */
        @Override
        public String toString() {
            return "BearerTokens.Parts[id=" + id + "]";
        }
    }

    /** A new random token, {@code <id>.<secret>}. */
    public static String generate() {
        return Secrets.newId() + "." + Secrets.newSecret();
    }

    /** Splits a token at its first {@code .}, or derives the id of a token without one. */
    public static Parts split(String token) {
        int dot = token.indexOf('.');
        if (dot > 0 && dot < token.length() - 1) {
            return new Parts(token.substring(0, dot), token.substring(dot + 1));
        }
        return new Parts(DERIVED + derivedId(token), token);
    }

    private static String derivedId(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
