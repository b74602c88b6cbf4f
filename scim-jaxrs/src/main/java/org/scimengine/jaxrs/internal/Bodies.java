package org.scimengine.jaxrs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimException;

/** Reads a request body: its media type (415), its size (413) and its JSON (400). */
final class Bodies {

    /**
     * How much of a too-large body is still read and discarded before answering 413. A server that answers
     * before the client has sent its body and then closes the connection makes the client's TCP stack reset it,
     * and the client never sees the 413; reading a bounded amount lets ordinary clients get their answer, without
     * letting a huge body cost more than this.
     */
    private static final long SWALLOW_LIMIT = 8L * 1024 * 1024;

    /** A body as read. */
    record Body(JsonNode json, int size) {
    }

    private Bodies() {
    }

    static Body read(ContainerRequestContext request, int limit) {
        Charset charset = charsetOf(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limit) {
            swallow(request.getEntityStream());
            throw tooLarge(limit);
        }
        byte[] body = readAtMost(request.getEntityStream(), limit);
        return new Body(Json.parse(body, charset), body.length);
    }

    /**
     * The charset of a JSON body: UTF-8 unless the Content-Type names another.
     *
     * @throws ScimException 415 unless the type is application/scim+json or application/json with a known charset
     */
    static Charset charsetOf(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            // A client that does not say is taken to send JSON, as RFC 7644 prescribes; nothing else is expected.
            return StandardCharsets.UTF_8;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported(contentType);
        }
        boolean json = "application".equalsIgnoreCase(type.getType())
                && ("scim+json".equalsIgnoreCase(type.getSubtype()) || "json".equalsIgnoreCase(type.getSubtype()));
        if (!json) {
            throw unsupported(contentType);
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ScimException(415, null, "The charset '" + charset + "' of the request body is not supported;"
                    + " send UTF-8.");
        }
    }

    private static ScimException unsupported(String contentType) {
        return new ScimException(415, null, "The request body's media type '" + contentType + "' is not supported;"
                + " send application/scim+json or application/json.");
    }

    private static ScimException tooLarge(int limit) {
        return new ScimException(413, null, "The request body is larger than " + limit + " bytes, the most this"
                + " endpoint accepts.");
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // The container rejects a malformed Content-Length; the read still enforces the limit.
            return -1;
        }
    }

    private static void swallow(InputStream in) {
        byte[] buffer = new byte[8_192];
        long total = 0;
        try (in) {
            int read;
            while (total < SWALLOW_LIMIT && (read = in.read(buffer)) != -1) {
                total += read;
            }
        } catch (IOException e) {
            // The client went away: the 413 is moot.
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8_192));
        byte[] buffer = new byte[8_192];
        try (in) {
            int total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    swallow(in);
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw BadRequestException.invalidSyntax("The request body could not be read completely.", e);
        }
        return out.toByteArray();
    }
}
