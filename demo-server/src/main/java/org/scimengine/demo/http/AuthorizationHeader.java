package org.scimengine.demo.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the credentials of an {@code Authorization} header; never logs or keeps them. */
final class AuthorizationHeader {

    /** RFC 6750 §2.1 b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private AuthorizationHeader() {
    }

    /** A user name and password; {@code toString} hides the password. */
    record Basic(String user, String password) {
        @Override
        public String toString() {
            return "Basic[" + user + "]";
        }
    }

    /** The credentials of {@code Basic <base64(user:password)>} (RFC 7617), decoded as UTF-8. */
    static Optional<Basic> basic(@Nullable String header) {
        String encoded = credentials(header, "Basic");
        if (encoded == null) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** The token of {@code Bearer <token>} (RFC 6750 §2.1). */
    static Optional<String> bearer(@Nullable String header) {
        String token = credentials(header, "Bearer");
        return token != null && B64TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }

    /** Whether the header uses a scheme, ignoring case as RFC 9110 §11.1 says. */
    static boolean hasScheme(@Nullable String header, String scheme) {
        return credentials(header, scheme) != null;
    }

    private static @Nullable String credentials(@Nullable String header, String scheme) {
        if (header == null) {
            return null;
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String value = trimmed.substring(space + 1).strip();
        return value.isEmpty() ? null : value;
    }
}
