package org.scimengine.jaxrs;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.jaxrs.internal.AuthenticationFilter;
import org.scimengine.jaxrs.internal.DispatchFilter;
import org.scimengine.jaxrs.internal.ScimExceptionMapper;
import org.scimengine.jaxrs.internal.Settings;
import org.scimengine.jaxrs.internal.UnexpectedExceptionMapper;
import org.scimengine.jaxrs.internal.WebApplicationExceptionMapper;

/**
 * Serves a {@link ScimEngine} as a SCIM 2.0 service provider (RFC 7644) in any JAX-RS 3.1 runtime: register the
 * instance in the application, with the runtime's API ({@code ResourceConfig.register(feature)} in Jersey) or
 * through {@code Application.getSingletons()}, which JAX-RS 3.1 deprecates in favour of CDI but every runtime
 * still honours.
 *
 * <p><b>Endpoints</b>, below the application's base URI and the {@linkplain Builder#basePath(String) base path}:
 * every resource type's endpoint ({@code /Users}, {@code /Groups}, custom ones) with {@code /{id}} and
 * {@code /.search}, {@code /.search} at the root, {@code /Bulk}, {@code /Me}, {@code /ServiceProviderConfig},
 * {@code /ResourceTypes[/{name}]} and {@code /Schemas[/{urn}]}. {@code meta.location} and {@code Location} are
 * built from the request's base URI, so the service answers with the URL the client used (a proxy in front must
 * forward {@code Host}, or the container must know its public address).
 *
 * <p><b>HTTP behaviour.</b>
 * <ul>
 *   <li>Requests with a body may be {@code application/scim+json} or {@code application/json}, with any charset
 *       the JVM knows (415 otherwise); malformed JSON answers 400 {@code invalidSyntax}; bodies above
 *       {@linkplain Builder#maxRequestBodySize(int) the limit} (for Bulk: the engine's Bulk
 *       {@code maxPayloadSize}) answer 413.</li>
 *   <li>Responses are {@code application/scim+json}, or {@code application/json} for a client whose
 *       {@code Accept} allows that but not {@code application/scim+json}; 406 if it allows neither.</li>
 *   <li>201 with {@code Location} on create; {@code ETag} on every single-resource response;
 *       {@code If-Match} on PUT, PATCH and DELETE (412 when stale); {@code If-None-Match} on GET (304).</li>
 *   <li>PATCH answers 200 with the resource, or 204 for the resource types
 *       {@linkplain Builder#noContentOnPatch(String...) so configured} unless the request names
 *       {@code attributes} or {@code excludedAttributes}; DELETE answers 204.</li>
 *   <li>A malformed query parameter ({@code count=abc}) answers 400 {@code invalidValue}; a {@code filter} on a
 *       discovery endpoint answers 403 (RFC 7644 §4).</li>
 *   <li>Every error is an RFC 7644 §3.12 error body, also an unknown path (404) and a wrong method (405, with
 *       {@code Allow}); an unexpected failure is logged through SLF4J and answers a generic 500: no stack trace
 *       or class name reaches a client.</li>
 * </ul>
 *
 * <p><b>Security.</b> Every request the feature serves, discovery included, is first authenticated by the
 * {@link ScimAuthenticator} (401 with {@code WWW-Authenticate} otherwise); the principal's tenant is the
 * engine's tenant, so another tenant's resources answer 404 as missing ones do. The {@link ScimAuthorizer}
 * then decides per resource type and action (403 otherwise).
 *
 * <p><b>How it is built.</b> A JAX-RS {@code Feature} may register providers only (RESTEasy ignores resource
 * classes registered from one), so the feature registers two pre-matching request filters and three exception
 * mappers, no resource classes. The first filter, at {@link #AUTHENTICATION_PRIORITY}, claims the request and
 * authenticates it, and sets the {@link ScimPrincipal} as the request's security context's user principal; the
 * second, at {@link #DISPATCH_PRIORITY}, serves it. A host's pre-matching filter with a priority between the two
 * sees the principal before any work is done (a rate limit per credential); response filters see every response.
 * Without a base path the feature claims only the paths above, so other resources of the application keep
 * working; under a base path it claims every path below it. The exception mappers answer for the whole
 * application: a {@code WebApplicationException} from another resource keeps its response, anything else that
 * escapes becomes a generic SCIM 500.
 *
 * <p>Immutable and thread-safe once built.
 *
 * @since 0.1
 */
public final class ScimFeature implements Feature {

    /** The priority of the filter that authenticates ({@link Priorities#AUTHENTICATION}). */
    public static final int AUTHENTICATION_PRIORITY = Priorities.AUTHENTICATION;

    /** The priority of the filter that serves the request, after authorization-priority host filters. */
    public static final int DISPATCH_PRIORITY = Priorities.USER;

    private final Settings settings;

    private ScimFeature(Settings settings) {
        this.settings = settings;
    }

    /** A builder of a feature serving an engine. */
    public static Builder builder(ScimEngine engine) {
        return new Builder(engine);
    }

    /** Registers the adapter's providers; does nothing, and answers false, in a client runtime. */
    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() == RuntimeType.CLIENT) {
            return false;
        }
        context.register(new AuthenticationFilter(settings), AUTHENTICATION_PRIORITY);
        context.register(new DispatchFilter(settings), DISPATCH_PRIORITY);
        context.register(new ScimExceptionMapper());
        context.register(new WebApplicationExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        return true;
    }

    /** Collects a feature's settings; not thread-safe. Each setter checks its value at once. */
    public static final class Builder {
        private final ScimEngine engine;
        private @Nullable ScimAuthenticator authenticator;
        private ScimAuthorizer authorizer = ScimAuthorizer.scopes();
        private @Nullable MeResolver meResolver;
        private final Set<String> noContentOnPatch = new HashSet<>();
        private int maxRequestBodySize = 1_048_576;
        private List<String> basePath = List.of();

        private Builder(ScimEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** Who may call; required. */
        public Builder authenticator(ScimAuthenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** What each principal may do; {@link ScimAuthorizer#scopes()} by default. */
        public Builder authorizer(ScimAuthorizer value) {
            this.authorizer = Objects.requireNonNull(value, "authorizer");
            return this;
        }

        /** What {@code /Me} stands for; without a resolver {@code /Me} answers 501. */
        public Builder meResolver(MeResolver value) {
            this.meResolver = Objects.requireNonNull(value, "meResolver");
            return this;
        }

        /**
         * Resource types whose PATCH answers 204 No Content instead of 200 with the resource, as Microsoft Entra
         * ID prefers for groups (a group's member list can be large). A request that names {@code attributes} or
         * {@code excludedAttributes} still gets 200 with the resource.
         *
         * @param resourceTypes resource type names, such as {@code Group}, ignoring case
         * @throws IllegalArgumentException if the engine serves no resource type of a name
         */
        public Builder noContentOnPatch(String... resourceTypes) {
            for (String name : resourceTypes) {
                ResourceType type = engine.registry().resourceType(name).orElseThrow(() ->
                        new IllegalArgumentException("noContentOnPatch: the engine serves no resource type named '"
                                + name + "'"));
                noContentOnPatch.add(Settings.key(type.name()));
            }
            return this;
        }

        /**
         * The largest request body accepted, in bytes, except for Bulk requests (limited by the engine's Bulk
         * {@code maxPayloadSize}); 1 MiB by default. A larger body answers 413.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRequestBodySize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRequestBodySize must be at least 1, was " + bytes);
            }
            this.maxRequestBodySize = bytes;
            return this;
        }

        /**
         * The path below the application's base URI where the service is, such as {@code scim/v2}; none by
         * default (the service is at the base URI). Leading and trailing {@code /} are ignored.
         *
         * @throws IllegalArgumentException if a segment is empty, {@code .} or {@code ..}, or has a character
         *     that a URL path must percent-encode
         */
        public Builder basePath(String path) {
            List<String> segments = new ArrayList<>();
            String trimmed = path.strip().replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                for (String segment : trimmed.split("/", -1)) {
                    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                        throw new IllegalArgumentException("basePath: '" + path + "' has an empty, '.' or '..'"
                                + " segment");
                    }
                    if (!segment.matches("[A-Za-z0-9._~!$&'()*+,;=:@-]+")) {
                        throw new IllegalArgumentException("basePath: '" + path + "' has a character a URL path"
                                + " must percent-encode; use letters, digits and - . _ ~");
                    }
                    segments.add(segment);
                }
            }
            this.basePath = List.copyOf(segments);
            return this;
        }

        /**
         * The feature.
         *
         * @throws IllegalStateException if no authenticator is set, or a resource type's endpoint is one of the
         *     adapter's own paths ({@code /Bulk}, {@code /Me}, {@code /.search}, the discovery endpoints)
         */
        public ScimFeature build() {
            if (authenticator == null) {
                throw new IllegalStateException("a ScimFeature needs an authenticator; see ScimAuthenticator");
            }
            return new ScimFeature(new Settings(engine, authenticator, authorizer, meResolver, noContentOnPatch,
                    maxRequestBodySize, basePath));
        }
    }
}
