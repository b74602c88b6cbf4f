package org.scimengine.demo.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.demo.auth.AccessToken;
import org.scimengine.demo.auth.TokenService;

/**
 * {@code POST /oauth/token}: the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) of seed 001. The client
 * authenticates with HTTP Basic or with {@code client_id} and {@code client_secret} in the form body (§2.3.1),
 * not both. A {@code scope} parameter is accepted and ignored: the token carries the client's scopes, and says
 * which in its response.
 */
@Path("oauth/token")
public final class TokenEndpoint {

    /** Larger forms are not token requests. */
    private static final int MAX_BODY = 8 * 1024;
    private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

    private final TokenService tokens;

    TokenEndpoint(TokenService tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** A refusal of RFC 6749 §5.2. */
    private static final class OAuthError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        OAuthError(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD) // any type reaches here, so a wrong one gets an OAuth error rather than a 415
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Nullable String authorization, InputStream entity) {
        try {
            Map<String, String> form = form(contentType, readAtMost(entity));
            String grantType = form.get("grant_type");
            if (grantType == null) {
                throw new OAuthError(400, "invalid_request", "Send grant_type=client_credentials.");
            }
            if (!grantType.equals("client_credentials")) {
                throw new OAuthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is"
                        + " supported; create an API client with 'clients create' and use its id and secret.");
            }
            String[] client = client(authorization, form);
            Optional<AccessToken> token = tokens.issue(client[0], client[1]);
            if (token.isEmpty()) {
                throw new OAuthError(401, "invalid_client", "The client id or secret is wrong, or the client was"
                        + " deleted; check them, or create a new API client.");
            }
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("access_token", token.get().value());
            answer.put("token_type", token.get().type());
            answer.put("expires_in", token.get().lifetime().toSeconds());
            answer.put("scope", String.join(" ", token.get().scopes()));
            return noStore(Response.ok(Json.bytes(answer), MediaType.APPLICATION_JSON_TYPE));
        } catch (OAuthError e) {
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("error", e.error);
            answer.put("error_description", e.getMessage());
            Response.ResponseBuilder response = Response.status(e.status)
                    .entity(Json.bytes(answer)).type(MediaType.APPLICATION_JSON_TYPE);
            if (e.status == 401) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\", charset=\"UTF-8\"");
            }
            return noStore(response);
        }
    }

    private static Response noStore(Response.ResponseBuilder response) {
        // RFC 6749 §5.1: a token, or the answer to a request that carried a secret, is never cached.
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    /** The client id and secret, from the Authorization header or the form, not both. */
    private static String[] client(@Nullable String authorization, Map<String, String> form) throws OAuthError {
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        if (authorization != null) {
            if (formSecret != null) {
                throw new OAuthError(400, "invalid_request", "Send the client's credentials either in the"
                        + " Authorization header or in the form, not both.");
            }
            Optional<AuthorizationHeader.Basic> basic = AuthorizationHeader.basic(authorization);
            if (basic.isEmpty()) {
                throw new OAuthError(401, "invalid_client", "The Authorization header must be Basic with the"
                        + " client id and secret.");
            }
            try {
                // RFC 6749 §2.3.1: both are form-encoded before they are Base64-encoded.
                String id = URLDecoder.decode(basic.get().user(), StandardCharsets.UTF_8);
                if (formId != null && !formId.equals(id)) {
                    throw new OAuthError(400, "invalid_request", "client_id in the form differs from the client"
                            + " id in the Authorization header.");
                }
                return new String[] {id, URLDecoder.decode(basic.get().password(), StandardCharsets.UTF_8)};
            } catch (IllegalArgumentException e) {
                throw new OAuthError(401, "invalid_client", "The client id or secret in the Authorization header"
                        + " is not form-encoded correctly.");
            }
        }
        if (formId == null || formSecret == null) {
            throw new OAuthError(400, "invalid_request", "Send the client id and secret, as HTTP Basic"
                    + " credentials or as client_id and client_secret in the form.");
        }
        return new String[] {formId, formSecret};
    }

    /**
     * The body, read only up to the limit: a token request is a few parameters, and reading a larger body whole
     * would let anyone, without credentials, fill the server's memory.
     */
    private static byte[] readAtMost(InputStream entity) throws OAuthError {
        try {
            byte[] body = entity.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new OAuthError(400, "invalid_request", "The request body is too large for a token request.");
            }
            return body;
        } catch (IOException e) {
            // The client went away or sent a broken body: its problem, not the server's, and not worth a trace.
            throw new OAuthError(400, "invalid_request", "The request body could not be read.");
        }
    }

    /** The parameters of an application/x-www-form-urlencoded body, each at most once (RFC 6749 §3.2). */
    private static Map<String, String> form(@Nullable String contentType, byte[] body) throws OAuthError {
        @Nullable MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !type.isCompatible(FORM) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new OAuthError(400, "invalid_request", "Send the parameters as"
                    + " application/x-www-form-urlencoded (RFC 6749 §4.4.2).");
        }
        Map<String, String> form = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthError(400, "invalid_request", "The form body is not correctly URL-encoded.");
            }
            if (form.put(name, value) != null) {
                throw new OAuthError(400, "invalid_request", "The parameter " + name + " appears more than"
                        + " once; send it once.");
            }
        }
        return form;
    }
}
