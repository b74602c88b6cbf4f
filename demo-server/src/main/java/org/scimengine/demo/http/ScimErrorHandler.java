package org.scimengine.demo.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.scimengine.core.error.ScimException;

/**
 * Jetty's answer to what never reaches the application: a request line or header it cannot parse, a path it
 * will not route. A SCIM client gets a SCIM error body like every other error, with a detail that names the
 * problem in general terms and nothing of the server's internals.
 */
final class ScimErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        String detail = status == 400
                ? "The request is not valid HTTP: check the request line, the percent-encoding of the URL and the"
                        + " headers."
                : status >= 500 ? "The server could not handle the request." : "The request could not be handled.";
        byte[] body = new ScimException(status, null, detail).toErrorResponse().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/scim+json");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
