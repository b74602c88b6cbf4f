package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ScimException} escaping a host's own resource (one that calls the engine directly) as its RFC 7644
 * error body. The adapter's own requests never get here: it answers them itself.
 */
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    private static final Logger LOG = LoggerFactory.getLogger(ScimExceptionMapper.class);

    @Context
    private @Nullable HttpHeaders headers;

    @Override
    public Response toResponse(ScimException exception) {
        if (exception.status() >= 500 && exception.status() != 501) {
            LOG.warn("a request failed with status {}", exception.status(), exception);
        }
        return Responses.error(exception, responseType(headers));
    }

    /** The negotiated type, or application/scim+json where there is none. */
    static MediaType responseType(@Nullable HttpHeaders headers) {
        MediaType type = null;
        try {
            type = headers == null ? null : Responses.negotiate(headers.getAcceptableMediaTypes());
        } catch (RuntimeException e) {
            // A malformed Accept header: the error is the more useful answer, in the default type.
        }
        return type == null ? Responses.SCIM_JSON : type;
    }
}
