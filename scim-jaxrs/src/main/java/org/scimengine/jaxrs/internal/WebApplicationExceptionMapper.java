package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's own errors as SCIM error bodies: no resource at a path (404), a method a host resource does not
 * serve (405, keeping {@code Allow}), unsupported or unacceptable media types (415, 406). An exception a host
 * resource throws keeps the response it carries.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Context
    private @Nullable HttpHeaders headers;

    @Context
    private @Nullable UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400 || uriInfo != null && !uriInfo.getMatchedResources().isEmpty()) {
            return original != null ? original : Response.serverError().build();
        }
        ScimException error;
        switch (status) {
            case 404:
                error = new ScimException(404, null, "There is no SCIM endpoint at /" + path()
                        + "; the resource types' endpoints are listed at /ResourceTypes.");
                break;
            case 405:
                error = new ScimException(405, null, "The method is not allowed here.");
                break;
            case 406:
                error = new ScimException(406, null, "The response can only be application/scim+json or"
                        + " application/json; the Accept header allows neither.");
                break;
            case 415:
                error = new ScimException(415, null, "The request body's media type is not supported; send"
                        + " application/scim+json or application/json.");
                break;
            default:
                if (status >= 500) {
                    LOG.error("a request failed with status {}", status, exception);
                    error = Responses.internalError();
                } else {
                    Response.StatusType info = original.getStatusInfo();
                    String reason = info == null || info.getReasonPhrase() == null ? "refused"
                            : info.getReasonPhrase();
                    error = new ScimException(status, null, "The request was refused: " + reason + ".");
                }
                break;
        }
        Response.ResponseBuilder response = Response.fromResponse(
                Responses.error(error, ScimExceptionMapper.responseType(headers)));
        if (exception instanceof NotAllowedException || status == 405) {
            String allow = original == null ? null : original.getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }

    private String path() {
        return uriInfo == null ? "" : Responses.excerpt(uriInfo.getPath(false));
    }
}
