package org.scimengine.jaxrs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ResourceResult;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;
import org.scimengine.core.error.NotImplementedException;
import org.scimengine.core.error.ResourceNotFoundException;
import org.scimengine.core.error.ScimException;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.jaxrs.MeResolver;
import org.scimengine.jaxrs.ScimAction;
import org.scimengine.jaxrs.ScimPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves one routed, authenticated request: checks method, media type and permission, then calls the engine. */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The selection of a response that is not sent: {@code id} is always returned, so nothing else is. */
    private static final AttributeSelection ONLY_ID = new AttributeSelection("id", null);

    private final Settings settings;
    private final ScimEngine engine;

    Dispatcher(Settings settings) {
        this.settings = settings;
        this.engine = settings.engine();
    }

    /** Everything a handler needs about the request. */
    private record Exchange(ContainerRequestContext request, ScimPrincipal principal, RequestContext context,
            MediaType type, QueryParameters query) {

        @Nullable String header(String name) {
            return request.getHeaderString(name);
        }
    }

    Response handle(ContainerRequestContext request, Route route, ScimPrincipal principal) {
        MediaType type = Responses.negotiate(request);
        try {
            String method = request.getMethod();
            if (route.kind() == Route.Kind.NOT_FOUND) {
                throw new ResourceNotFoundException("There is no SCIM endpoint at /"
                        + Responses.excerpt(request.getUriInfo().getPath(false))
                        + "; the resource types' endpoints are listed at /ResourceTypes.");
            }
            if (!route.kind().allows(method)) {
                throw new MethodNotAllowed(method, route.kind().allow());
            }
            if ("OPTIONS".equals(method)) {
                return Response.noContent().header(HttpHeaders.ALLOW, route.kind().allow()).build();
            }
            if (type == null) {
                throw new ScimException(406, null, "The response can only be application/scim+json or"
                        + " application/json; the Accept header allows neither.");
            }
            Exchange exchange = new Exchange(request, principal, context(request, principal), type,
                    new QueryParameters(request.getUriInfo().getQueryParameters()));
            boolean head = "HEAD".equals(method);
            Response response = dispatch(exchange, route, head ? "GET" : method);
            return head ? Response.fromResponse(response).entity(null).build() : response;
        } catch (MethodNotAllowed e) {
            return Response.fromResponse(Responses.error(e, type == null ? Responses.SCIM_JSON : type))
                    .header(HttpHeaders.ALLOW, e.allow).build();
        } catch (ScimException e) {
            if (e.status() >= 500 && e.status() != 501) {
                LOG.warn("{} {} failed with status {}", request.getMethod(), request.getUriInfo().getPath(false),
                        e.status(), e);
            }
            return Responses.error(e, type == null ? Responses.SCIM_JSON : type);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getUriInfo().getPath(false), e);
            return Responses.error(Responses.internalError(), type == null ? Responses.SCIM_JSON : type);
        }
    }

    private RequestContext context(ContainerRequestContext request, ScimPrincipal principal) {
        StringBuilder base = new StringBuilder(request.getUriInfo().getBaseUri().toString());
        for (String segment : settings.basePath()) {
            if (base.charAt(base.length() - 1) != '/') {
                base.append('/');
            }
            base.append(segment);
        }
        return new RequestContext(principal.tenant(), base.toString(), principal.name());
    }

    private Response dispatch(Exchange exchange, Route route, String method) {
        ResourceType type = route.type();
        switch (route.kind()) {
            case RESOURCES:
                return "GET".equals(method) ? list(exchange, require(type)) : create(exchange, require(type));
            case RESOURCE:
                return resource(exchange, require(type), require(route.name()), method);
            case TYPE_SEARCH:
                return search(exchange, require(type));
            case ROOT_SEARCH:
                return searchEverything(exchange);
            case BULK:
                return bulk(exchange);
            case ME:
                return me(exchange, method);
            default:
                return discovery(exchange, route);
        }
    }

    // ------------------------------------------------------------------------------------------------ resources

    private Response list(Exchange exchange, ResourceType type) {
        authorize(exchange, type, ScimAction.READ);
        SearchRequest search = exchange.query().search();
        return Responses.json(200, engine.search(exchange.context(), type.name(), search), exchange.type()).build();
    }

    private Response create(Exchange exchange, ResourceType type) {
        authorize(exchange, type, ScimAction.WRITE);
        AttributeSelection selection = exchange.query().selection();
        JsonNode body = Bodies.read(exchange.request(), settings.maxRequestBodySize()).json();
        ResourceResult result = engine.create(exchange.context(), type.name(), body, selection);
        return withResource(201, result, exchange).header(HttpHeaders.LOCATION, result.location()).build();
    }

    private Response resource(Exchange exchange, ResourceType type, String id, String method) {
        switch (method) {
            case "GET":
                return get(exchange, type, id);
            case "PUT":
                return replace(exchange, type, id);
            case "PATCH":
                return patch(exchange, type, id);
            default:
                return delete(exchange, type, id);
        }
    }

    private Response get(Exchange exchange, ResourceType type, String id) {
        authorize(exchange, type, ScimAction.READ);
        ResourceResult result = engine.get(exchange.context(), type.name(), id, exchange.query().selection());
        String ifNoneMatch = exchange.header(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && result.matchesAnyOf(ifNoneMatch)) {
            return Response.status(304).header(HttpHeaders.ETAG, result.version()).build();
        }
        return withResource(200, result, exchange).build();
    }

    private Response replace(Exchange exchange, ResourceType type, String id) {
        authorize(exchange, type, ScimAction.WRITE);
        AttributeSelection selection = exchange.query().selection();
        JsonNode body = Bodies.read(exchange.request(), settings.maxRequestBodySize()).json();
        ResourceResult result = engine.replace(exchange.context(), type.name(), id, body,
                exchange.header(HttpHeaders.IF_MATCH), selection);
        return withResource(200, result, exchange).build();
    }

    private Response patch(Exchange exchange, ResourceType type, String id) {
        authorize(exchange, type, ScimAction.WRITE);
        boolean noContent = settings.noContentOnPatch().contains(Settings.key(type.name()))
                && !exchange.query().selectsAttributes();
        // A 204 sends no resource, so the engine renders the least it can: no members to read (reading and
        // rendering the members of a group of a million takes seconds).
        AttributeSelection selection = noContent ? ONLY_ID : exchange.query().selection();
        JsonNode body = Bodies.read(exchange.request(), settings.maxRequestBodySize()).json();
        ResourceResult result = engine.patch(exchange.context(), type.name(), id, body,
                exchange.header(HttpHeaders.IF_MATCH), selection);
        if (noContent) {
            return Response.noContent().header(HttpHeaders.ETAG, result.version()).build();
        }
        return withResource(200, result, exchange).build();
    }

    private Response delete(Exchange exchange, ResourceType type, String id) {
        authorize(exchange, type, ScimAction.DELETE);
        engine.delete(exchange.context(), type.name(), id, exchange.header(HttpHeaders.IF_MATCH));
        return Response.noContent().build();
    }

    private static Response.ResponseBuilder withResource(int status, ResourceResult result, Exchange exchange) {
        return Responses.json(status, result.resource(), exchange.type()).header(HttpHeaders.ETAG, result.version());
    }

    // ------------------------------------------------------------------------------------------------ search, bulk

    private Response search(Exchange exchange, ResourceType type) {
        authorize(exchange, type, ScimAction.READ);
        JsonNode body = Bodies.read(exchange.request(), settings.maxRequestBodySize()).json();
        ObjectNode list = engine.search(exchange.context(), type.name(), SearchRequest.fromJson(body));
        return Responses.json(200, list, exchange.type()).build();
    }

    private Response searchEverything(Exchange exchange) {
        for (ResourceType type : engine.registry().resourceTypes()) {
            if (!settings.authorizer().permits(exchange.principal(), type.endpoint(), ScimAction.READ)) {
                throw forbidden("A search at the root reads every resource type, and the credentials may not read "
                        + type.endpoint() + " (with scopes, that needs '" + ScimAction.READ.scopeFor(type.endpoint())
                        + "'); search a single endpoint, such as /Users/.search, instead.");
            }
        }
        JsonNode body = Bodies.read(exchange.request(), settings.maxRequestBodySize()).json();
        ObjectNode list = engine.search(exchange.context(), SearchRequest.fromJson(body));
        return Responses.json(200, list, exchange.type()).build();
    }

    private Response bulk(Exchange exchange) {
        Bodies.Body body = Bodies.read(exchange.request(), engine.serviceProviderConfig().bulk().maxPayloadSize());
        authorizeBulk(exchange, body.json());
        ObjectNode response = engine.bulk(exchange.context(), body.json(), body.size());
        return Responses.json(200, response, exchange.type()).build();
    }

    /**
     * Checks every operation's permission before any runs, so a Bulk request cannot do what its operations alone
     * could not. Members are matched ignoring case and paths resolved as the engine does; what is malformed is left
     * to the engine, which reports it per operation, and an operation whose method is not DELETE counts as a write.
     */
    private void authorizeBulk(Exchange exchange, JsonNode body) {
        JsonNode operations = member(body, "Operations");
        if (operations == null || !operations.isArray()) {
            return;
        }
        for (JsonNode operation : operations) {
            JsonNode method = member(operation, "method");
            JsonNode path = member(operation, "path");
            if (path == null || !path.isTextual()) {
                continue;
            }
            String[] segments = path.textValue().split("/", -1);
            if (segments.length < 2) {
                continue;
            }
            Optional<ResourceType> type = engine.registry().resourceTypeAtEndpoint("/" + segments[1]);
            if (type.isPresent()) {
                boolean delete = method != null && method.isTextual() && "DELETE".equalsIgnoreCase(method.textValue());
                authorize(exchange, type.get(), delete ? ScimAction.DELETE : ScimAction.WRITE);
            }
        }
    }

    /** An object's member, its name matched ignoring case as the engine matches Bulk members; null if none. */
    private static @Nullable JsonNode member(JsonNode object, String name) {
        if (!object.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ /Me

    private Response me(Exchange exchange, String method) {
        MeResolver resolver = settings.meResolver();
        if (resolver == null) {
            throw new NotImplementedException("/Me is not supported by this service provider; address the resource"
                    + " by its endpoint and id instead.");
        }
        if ("POST".equals(method)) {
            throw new NotImplementedException("Creating a resource at /Me is not supported; POST it to its"
                    + " resource type's endpoint instead.");
        }
        MeResolver.Target target = resolver.resolve(exchange.principal()).orElseThrow(() ->
                new ResourceNotFoundException("The authenticated principal '" + exchange.principal().name()
                        + "' has no resource of its own."));
        ResourceType type = engine.registry().resourceType(target.resourceType()).orElseThrow(() ->
                new IllegalStateException("the MeResolver named resource type '" + target.resourceType()
                        + "', which the engine does not serve"));
        return resource(exchange, type, target.id(), method);
    }

    // ------------------------------------------------------------------------------------------------ discovery

    private Response discovery(Exchange exchange, Route route) {
        if (exchange.query().has("filter")) {
            // RFC 7644 §4: a filter here would let a client believe its conditions hold.
            throw forbidden("Discovery endpoints cannot be filtered (RFC 7644 §4); read the whole list without"
                    + " 'filter'.");
        }
        RequestContext context = exchange.context();
        ObjectNode document;
        switch (route.kind()) {
            case SERVICE_PROVIDER_CONFIG:
                document = engine.serviceProviderConfigDocument(context);
                break;
            case RESOURCE_TYPES:
                document = engine.resourceTypesDocument(context);
                break;
            case RESOURCE_TYPE:
                document = engine.resourceTypeDocument(context, require(route.name()));
                break;
            case SCHEMAS:
                document = engine.schemasDocument(context);
                break;
            default:
                document = engine.schemaDocument(context, require(route.name()));
                break;
        }
        Response.ResponseBuilder response = Responses.json(200, document, exchange.type());
        boolean single = route.kind() != Route.Kind.RESOURCE_TYPES && route.kind() != Route.Kind.SCHEMAS;
        if (single) {
            // A discovery document changes only with the engine's configuration: its content is its version.
            response.header(HttpHeaders.ETAG, "W/\"" + Integer.toHexString(document.hashCode()) + "\"");
        }
        return response.build();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void authorize(Exchange exchange, ResourceType type, ScimAction action) {
        if (!settings.authorizer().permits(exchange.principal(), type.endpoint(), action)) {
            throw forbidden("The credentials may not " + action.name().toLowerCase(Locale.ROOT) + " "
                    + type.endpoint() + " (with scopes, that needs '" + action.scopeFor(type.endpoint()) + "').");
        }
    }

    private static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a route lacks a part its kind has");
        }
        return value;
    }

    /** A 405, with the methods to list in {@code Allow}. */
    private static final class MethodNotAllowed extends ScimException {
        private static final long serialVersionUID = 1L;
        private final String allow;

        MethodNotAllowed(String method, String allow) {
            super(405, null, "The method " + method + " is not allowed here; use " + allow + ".");
            this.allow = allow;
        }
    }
}
