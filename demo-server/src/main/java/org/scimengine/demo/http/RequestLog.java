package org.scimengine.demo.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status and milliseconds. Only the path: the query may hold a filter on
 * people's names, and headers and bodies hold credentials and personal data, so none of them is logged.
 */
@PreMatching
final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    /** First of the request filters, so the time includes authentication; last of the response filters. */
    static final int PRIORITY = 1;

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String STARTED = "org.scimengine.demo.started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long
                ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - (Long) started) : -1;
        LOG.info("{} {} {} {} ms", request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                response.getStatus(), millis);
    }
}
