package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else: logged with its stack trace, answered with a generic 500 SCIM error, so that no stack trace,
 * exception class or message reaches a client.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private @Nullable HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        LOG.error("a request failed unexpectedly", exception);
        return Responses.error(Responses.internalError(), ScimExceptionMapper.responseType(headers));
    }
}
