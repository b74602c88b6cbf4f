package org.scimengine.jaxrs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP client on the JDK's HttpClient: every header and byte as sent, every status and header as received.
 * Shared through scim-jaxrs' test-jar with the demo server's HTTP tests.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final List<String> defaults;

    private Http(URI base, List<String> defaults) {
        this.base = base;
        this.defaults = List.copyOf(defaults);
    }

    /** A client for a base URI, sending no credentials. */
    public static Http at(URI base) {
        return new Http(base, List.of());
    }

    /** This client with a bearer token on every request. */
    public Http bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    /** This client with Basic credentials on every request. */
    public Http basic(String user, String password) {
        return with("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** This client with a header on every request. */
    public Http with(String name, String value) {
        List<String> headers = new ArrayList<>(defaults);
        headers.add(name);
        headers.add(value);
        return new Http(base, headers);
    }

    public URI base() {
        return base;
    }

    /** A query parameter value, URL-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, (byte[]) null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, (byte[]) null, headers);
    }

    public Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Reply patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    /** A request with a UTF-8 body, as application/scim+json unless the headers say otherwise. */
    public Reply send(String method, String path, @Nullable String body, String... headers) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * A request.
     *
     * @param path relative to the base URI, with its query string
     * @param headers name, value, name, value...
     */
    public Reply send(String method, String path, byte @Nullable [] body, String... headers) {
        return send(method, path, body, false, headers);
    }

    /** A POST whose body is sent chunked, without a Content-Length. */
    public Reply postChunked(String path, byte[] body) {
        return send("POST", path, body, true);
    }

    private Reply send(String method, String path, byte @Nullable [] body, boolean chunked, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        boolean typed = false;
        List<String> all = new ArrayList<>(defaults);
        all.addAll(List.of(headers));
        for (int i = 0; i < all.size(); i += 2) {
            typed |= all.get(i).equalsIgnoreCase("Content-Type");
            request.header(all.get(i), all.get(i + 1));
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/scim+json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }

    /** A response. */
    public record Reply(int status, HttpHeaders headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String body(Charset charset) {
            return new String(bytes, charset);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body(), e);
            }
        }

        /** The first value of a header, or null. */
        public @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.allValues(name);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body();
        }
    }
}
