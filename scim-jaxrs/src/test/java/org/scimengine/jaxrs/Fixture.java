package org.scimengine.jaxrs;

import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.store.memory.InMemoryResourceStore;

/**
 * An engine over a memory store serving Users, Groups and a custom Devices type, and credentials for two tenants
 * (acme and globex) with every scope, only read scopes, or none.
 */
final class Fixture {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String DEVICE = "urn:example:scim:schemas:Device";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final int BULK_MAX_PAYLOAD = 64 * 1024;

    static final List<String> ENDPOINTS = List.of("users", "groups", "devices");

    final ScimEngine engine;
    final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    /** Bearer tokens. */
    final String acme = credentials.issueBearerToken(new ScimPrincipal("acme-admin", "acme", scopes("read", "write",
            "delete")));
    final String globex = credentials.issueBearerToken(new ScimPrincipal("globex-admin", "globex",
            scopes("read", "write", "delete")));
    final String acmeReader = credentials.issueBearerToken(new ScimPrincipal("acme-reader", "acme", scopes("read")));
    final String acmeWriter = credentials.issueBearerToken(new ScimPrincipal("acme-writer", "acme",
            scopes("read", "write")));
    final String acmeNobody = credentials.issueBearerToken(new ScimPrincipal("acme-nobody", "acme", Set.of()));
    /** Basic credentials of acme with every scope. */
    final String basicUser = "okta-acme";
    final String basicPassword = credentials.issueBasicPassword(basicUser, new ScimPrincipal(basicUser, "acme",
            scopes("read", "write", "delete")));

    /** A fixture over a new memory store. */
    Fixture() {
        this(InMemoryResourceStore.create());
    }

    /** A fixture over the given store. */
    Fixture(ResourceStore store) {
        engine = newEngine(store);
    }

    /** Every endpoint's scopes for the given actions. */
    static Set<String> scopes(String... actions) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String endpoint : ENDPOINTS) {
            for (String action : actions) {
                scopes.add(endpoint + ":" + action);
            }
        }
        return scopes;
    }

    static Set<String> scopesWithout(String... left) {
        Set<String> scopes = new HashSet<>(scopes("read", "write", "delete"));
        scopes.removeAll(List.of(left));
        return scopes;
    }

    /** Basic, then Bearer, over this fixture's credentials. */
    ScimAuthenticator authenticator() {
        return ScimAuthenticator.firstOf(ScimAuthenticator.basic(credentials), ScimAuthenticator.bearer(credentials));
    }

    ScimFeature.Builder feature() {
        return ScimFeature.builder(engine).authenticator(authenticator());
    }

    static ScimEngine newEngine() {
        return newEngine(InMemoryResourceStore.create());
    }

    private static ScimEngine newEngine(ResourceStore store) {
        Schema device = Schema.fromJson("""
                {"id": "urn:example:scim:schemas:Device", "name": "Device", "description": "A device",
                 "attributes": [
                   {"name": "serialNumber", "type": "string", "multiValued": false, "required": true,
                    "caseExact": true, "mutability": "immutable", "returned": "default", "uniqueness": "server"},
                   {"name": "label", "type": "string", "multiValued": false, "required": false,
                    "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "none"}]}
                """);
        ResourceType devices = ResourceType.fromJson("""
                {"id": "Device", "name": "Device", "endpoint": "/Devices", "description": "Devices",
                 "schema": "urn:example:scim:schemas:Device", "schemaExtensions": []}
                """);
        return ScimEngine.builder(store)
                .passwordHashIterations(1_000)
                .registry(SchemaRegistry.builder().addStandard().addSchema(device).addResourceType(devices).build())
                .bulkLimits(100, BULK_MAX_PAYLOAD)
                .build();
    }

    /** An application of the given components, as any JAX-RS runtime deploys it. */
    static Application application(Object... components) {
        Set<Object> singletons = Set.of(components);
        return new Application() {
            // JAX-RS 3.1 deprecates singletons in favour of CDI; every runtime still deploys them, and they are the
            // portable way to hand a runtime an instance built with arguments, as a ScimFeature is.
            @Override
            @SuppressWarnings("deprecation")
            public Set<Object> getSingletons() {
                return singletons;
            }

            @Override
            public Map<String, Object> getProperties() {
                // Jersey's WADL needs JAXB, which is absent, and would only warn about it.
                return Map.of("jersey.config.server.wadl.disableWadl", true);
            }
        };
    }

    /** A minimal user. */
    static String user(String userName) {
        return """
                {"schemas": ["%s"], "userName": "%s", "name": {"givenName": "Ann", "familyName": "Lee"},
                 "emails": [{"value": "%s", "type": "work", "primary": true}], "active": true}
                """.formatted(USER, userName, userName);
    }

    static String group(String displayName) {
        return """
                {"schemas": ["%s"], "displayName": "%s"}
                """.formatted(GROUP, displayName);
    }

    static String patch(String operations) {
        return """
                {"schemas": ["%s"], "Operations": [%s]}
                """.formatted(PATCH_OP, operations);
    }
}
