package org.scimengine.jaxrs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;
import org.scimengine.jaxrs.ScimMediaType;

/** Builds responses: JSON bytes with the negotiated media type, and RFC 7644 §3.12 error bodies. */
final class Responses {

    static final MediaType APPLICATION_JSON = MediaType.APPLICATION_JSON_TYPE;
    static final MediaType SCIM_JSON = ScimMediaType.APPLICATION_SCIM_JSON_TYPE;

    private Responses() {
    }

    /**
     * The media type of a response for an {@code Accept} list (most preferred first): application/scim+json
     * wherever the client accepts it, including {@code *}{@code /*}, {@code application/*} and no Accept at all;
     * application/json for a client that accepts that but not application/scim+json; null (406) for a client
     * that accepts neither.
     */
    static @Nullable MediaType negotiate(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return SCIM_JSON;
        }
        for (MediaType type : acceptable) {
            if ("0".equals(type.getParameters().get("q")) || "0.0".equals(type.getParameters().get("q"))) {
                continue;
            }
            if (type.isCompatible(SCIM_JSON)) {
                return SCIM_JSON;
            }
            if (type.isCompatible(APPLICATION_JSON)) {
                return APPLICATION_JSON;
            }
        }
        return null;
    }

    /**
     * The media type of a response to a request, as {@link #negotiate(List)}; application/scim+json if the
     * {@code Accept} header cannot be parsed, since the error about it is more use than a 406.
     */
    static @Nullable MediaType negotiate(ContainerRequestContext request) {
        List<MediaType> acceptable;
        try {
            acceptable = request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            return SCIM_JSON;
        }
        return negotiate(acceptable);
    }

    static Response.ResponseBuilder json(int status, JsonNode body, MediaType type) {
        return Response.status(status).entity(Json.write(body)).type(type);
    }

    static Response error(ScimException error, MediaType type) {
        return json(error.status(), error.toErrorResponse(), type).build();
    }

    /** Client input quoted in a detail, cut short so that a huge value cannot make a huge response. */
    static String excerpt(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** The generic 500: nothing about what failed inside reaches the client, only that it did. */
    static ScimException internalError() {
        return new ScimException(500, null, "The service provider failed to process the request; the failure is"
                + " logged. Try again later, or report it with the time of the request.");
    }
}
