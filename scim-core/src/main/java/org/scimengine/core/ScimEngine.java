package org.scimengine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.config.ServiceProviderConfig;
import org.scimengine.core.config.ServiceProviderConfig.AuthenticationScheme;
import org.scimengine.core.config.ServiceProviderConfig.PaginationMethod;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.NotImplementedException;
import org.scimengine.core.error.ResourceNotFoundException;
import org.scimengine.core.error.ScimException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.internal.bulk.BulkExecutor;
import org.scimengine.core.internal.bulk.BulkProcessor;
import org.scimengine.core.internal.bulk.BulkResult;
import org.scimengine.core.internal.engine.Preconditions;
import org.scimengine.core.internal.engine.Renderer;
import org.scimengine.core.internal.engine.TypeModel;
import org.scimengine.core.internal.patch.PatchApplier;
import org.scimengine.core.internal.projection.Projection;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.DeleteRequest;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.GroupsQuery;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.MemberPage;
import org.scimengine.core.spi.MembersQuery;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ReplaceRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.filter.FilterParser;

/**
 * A SCIM 2.0 service provider without HTTP: every operation of RFC 7644 on the resource types of a
 * {@link SchemaRegistry}, kept in a {@link ResourceStore}. An HTTP adapter maps requests onto these methods;
 * host code may call them directly.
 *
 * <p>Every method takes a {@link RequestContext} (tenant, base URL) and throws only
 * {@link org.scimengine.core.error.ScimException}s for anything a client did wrong, leaving nothing changed.
 * Writes are atomic: a create with members, a replace, a patch or a delete happens entirely or not at all.
 *
 * <p>Immutable and thread-safe once built.
 *
 * @since 0.1
 */
public final class ScimEngine {

    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Members are read from the store in pages of this size when a whole group is rendered. */
    private static final int MEMBER_PAGE = 1_000;

    private final SchemaRegistry registry;
    private final ResourceStore store;
    private final FilterParser parser;
    private final Clock clock;
    private final Supplier<String> ids;
    private final List<ResourceRule> rules;
    private final Map<String, TypeModel> models;
    private final Renderer renderer;
    private final ServiceProviderConfig config;
    private final BulkProcessor bulk;
    /** The types a group's member may be of: those that are groups or show the groups they are in. */
    private final Set<String> memberTypes;

    private ScimEngine(Builder builder) {
        this.registry = builder.registry;
        this.store = builder.store;
        this.parser = builder.parser;
        this.clock = builder.clock;
        this.ids = builder.ids;
        this.rules = List.copyOf(builder.rules);
        PasswordHasher hasher = new PasswordHasher(builder.passwordHashIterations);
        Map<String, TypeModel> byName = new LinkedHashMap<>();
        String groupEndpoint = null;
        for (ResourceType type : registry.resourceTypes()) {
            TypeModel model = new TypeModel(registry, type, parser, builder.strict, builder.canonicalOnly, hasher,
                    builder.uniqueExternalId);
            byName.put(key(type.name()), model);
            if (model.hasMembers() && groupEndpoint == null) {
                groupEndpoint = type.endpoint();
            }
        }
        this.models = Map.copyOf(byName);
        this.memberTypes = byName.values().stream().filter(m -> m.hasMembers() || m.showsGroups())
                .map(m -> m.type().name()).collect(Collectors.toUnmodifiableSet());
        this.renderer = new Renderer(registry, groupEndpoint);
        boolean cursors = store.capabilities().cursorPaging();
        this.config = ServiceProviderConfig.builder()
                .documentationUri(builder.documentationUri)
                .patch(true)
                .bulk(new ServiceProviderConfig.Bulk(true, builder.bulkMaxOperations, builder.bulkMaxPayloadSize))
                .filter(new ServiceProviderConfig.Filter(true, builder.maxPageSize))
                .changePassword(true)
                .sort(true)
                .etag(true)
                .pagination(new ServiceProviderConfig.Pagination(cursors, true, PaginationMethod.INDEX,
                        builder.defaultPageSize, builder.maxPageSize, cursors ? builder.cursorTimeoutSeconds : 0))
                .authenticationSchemes(builder.authenticationSchemes)
                .build();
        this.bulk = new BulkProcessor(builder.bulkMaxOperations, builder.bulkMaxPayloadSize);
    }

    /** A builder of an engine over a store, serving {@link SchemaRegistry#standard()} unless told otherwise. */
    public static Builder builder(ResourceStore store) {
        return new Builder(store);
    }

    /** The schemas and resource types served. */
    public SchemaRegistry registry() {
        return registry;
    }

    /** What this engine supports, as {@code /ServiceProviderConfig} describes it. */
    public ServiceProviderConfig serviceProviderConfig() {
        return config;
    }

    /**
     * The resource type served at an endpoint such as {@code /Users}, ignoring case.
     *
     * @throws ResourceNotFoundException if there is none
     */
    public ResourceType resourceTypeAt(String endpoint) {
        return registry.resourceTypeAtEndpoint(endpoint).orElseThrow(() ->
                new ResourceNotFoundException("no resource type is served at " + endpoint));
    }

    // ---------------------------------------------------------------------------------------------- resources

    /**
     * Creates a resource (RFC 7644 §3.3).
     *
     * @param resourceType the resource type's name, such as {@code User}
     * @param body the resource as the client sent it
     */
    public ResourceResult create(RequestContext context, String resourceType, JsonNode body,
            AttributeSelection selection) {
        TypeModel model = model(resourceType);
        Projection projection = projection(model, selection);
        return result(context, model, create(ownUnit(), context, model, body), projection);
    }

    private StoredResource create(Target target, RequestContext context, TypeModel model, JsonNode body) {
        ObjectNode attributes = model.validator().forCreate(body);
        List<Member> members = takeMembers(model, attributes);
        applyRules(model, attributes);
        ResourceKey key = new ResourceKey(context.tenant(), model.type().name(), ids.get());
        Instant now = clock.instant();
        return target.unit(context.tenant(), unit -> {
            StoredResource created = unit.create(
                    new CreateRequest(key, attributes, model.uniqueValues(attributes), now));
            if (!members.isEmpty()) {
                created = unit.changeMembers(
                        new MembershipChange(key, false, Set.of(), members, null, now, memberTypes));
            }
            return created;
        });
    }

    /**
     * Where a write runs: normally in a unit of work of its own on the store; in a Bulk batch, in the nested unit
     * its operation already runs in, whose reads see what the batch wrote before it.
     */
    private record Target(ResourceStore store, boolean inUnit) {
        <T> T unit(String tenant, Function<ResourceStore, T> work) {
            return inUnit ? work.apply(store) : store.inUnitOfWork(tenant, work);
        }
    }

    private Target ownUnit() {
        return new Target(store, false);
    }

    /**
     * Reads a resource (RFC 7644 §3.4.1).
     *
     * @throws ResourceNotFoundException if it does not exist
     */
    public ResourceResult get(RequestContext context, String resourceType, String id, AttributeSelection selection) {
        TypeModel model = model(resourceType);
        Projection projection = projection(model, selection);
        StoredResource stored = store.get(key(context, model, id)).orElseThrow(() -> notFound(model, id));
        return result(context, model, stored, projection);
    }

    /**
     * Replaces a resource (RFC 7644 §3.5.1): read-only input is ignored, immutable values must not change,
     * write-only values the body leaves out are kept; a group's members become exactly those in the body.
     *
     * @param ifMatch the entity tags the client expects ({@code If-Match}, or a Bulk operation's version), or null
     */
    public ResourceResult replace(RequestContext context, String resourceType, String id, JsonNode body,
            @Nullable String ifMatch, AttributeSelection selection) {
        TypeModel model = model(resourceType);
        Projection projection = projection(model, selection);
        return result(context, model, replace(ownUnit(), context, model, id, body, ifMatch), projection);
    }

    private StoredResource replace(Target target, RequestContext context, TypeModel model, String id, JsonNode body,
            @Nullable String ifMatch) {
        ResourceKey key = key(context, model, id);
        Instant now = clock.instant();
        return validatedWrite(target, context, model, id, ifMatch,
                current -> prepareReplacement(model, body, current), (unit, current, replacement) -> {
                    StoredResource replaced = unit.replace(new ReplaceRequest(key, replacement.attributes(),
                            model.uniqueValues(replacement.attributes()), current.version(), now));
                    if (model.hasMembers()) {
                        replaced = unit.changeMembers(new MembershipChange(key, true, Set.of(),
                                replacement.members(), replaced.version(), now, memberTypes));
                    }
                    return replaced;
                });
    }

    /**
     * Modifies a resource (RFC 7644 §3.5.2): every operation of the request applies, or none does. Changes to a
     * group's {@code members} become membership changes in the store, so a group of any size costs the same to
     * change; a filter on members other than by {@code value} reads the member list to find its matches.
     *
     * @param body the {@code PatchOp} request
     * @param ifMatch the entity tags the client expects, or null
     * @throws BadRequestException for a malformed request or an operation that cannot apply
     */
    public ResourceResult patch(RequestContext context, String resourceType, String id, JsonNode body,
            @Nullable String ifMatch, AttributeSelection selection) {
        TypeModel model = model(resourceType);
        Projection projection = projection(model, selection);
        return result(context, model, patch(ownUnit(), context, model, id, body, ifMatch), projection);
    }

    private StoredResource patch(Target target, RequestContext context, TypeModel model, String id, JsonNode body,
            @Nullable String ifMatch) {
        ResourceKey key = key(context, model, id);
        Instant now = clock.instant();
        return validatedWrite(target, context, model, id, ifMatch,
                current -> preparePatch(model, body, current), (unit, current, result) -> {
                    StoredResource updated = current;
                    if (result.attributesChanged()) {
                        updated = unit.replace(new ReplaceRequest(key, result.attributes(),
                                model.uniqueValues(result.attributes()), current.version(), now));
                    }
                    return result.membership().isEmpty() ? updated
                            : changeMembers(unit, key, result.membership(), updated.version(), now);
                });
    }

    /** A write of what {@code prepare} made of the current resource, inside the store's unit of work. */
    @FunctionalInterface
    private interface Write<P> {
        StoredResource apply(ResourceStore unit, StoredResource current, P prepared);
    }

    /**
     * Writes a resource in two steps, so that validation (a password's PBKDF2 hash, the host's rules) runs before
     * the unit of work, which a store may hold a lock for: {@code prepare} runs on the resource as read, and
     * again inside the unit only if the resource changed meanwhile; {@code If-Match} is checked both times. In a
     * unit already (a Bulk batch), the resource cannot change between the two, so it is read once.
     */
    private <P> StoredResource validatedWrite(Target target, RequestContext context, TypeModel model, String id,
            @Nullable String ifMatch, Function<StoredResource, P> prepare, Write<P> write) {
        ResourceKey key = key(context, model, id);
        StoredResource read = target.store().get(key).orElseThrow(() -> notFound(model, id));
        Preconditions.requireMatch(ifMatch, read);
        P prepared = prepare.apply(read);
        if (target.inUnit()) {
            return write.apply(target.store(), read, prepared);
        }
        return store.inUnitOfWork(context.tenant(), unit -> {
            StoredResource current = unit.get(key).orElseThrow(() -> notFound(model, id));
            Preconditions.requireMatch(ifMatch, current);
            return write.apply(unit, current,
                    current.version() == read.version() ? prepared : prepare.apply(current));
        });
    }

    /** A validated replacement: the attributes to store and, for a group, its members. */
    private record Replacement(ObjectNode attributes, List<Member> members) {
    }

    private Replacement prepareReplacement(TypeModel model, JsonNode body, StoredResource current) {
        ObjectNode attributes = model.validator().forReplace(body, current.attributes());
        List<Member> members = takeMembers(model, attributes);
        applyRules(model, attributes);
        return new Replacement(attributes, members);
    }

    private PatchApplier.PatchResult preparePatch(TypeModel model, JsonNode body, StoredResource current) {
        PatchApplier.PatchResult result = model.patcher().apply(current.attributes(), body);
        if (result.attributesChanged()) {
            applyRules(model, result.attributes());
        }
        return result;
    }

    /**
     * Applies a PATCH's member changes as one membership change; a filter other than by {@code value} is matched
     * against the member list.
     */
    private StoredResource changeMembers(ResourceStore unit, ResourceKey key, PatchApplier.MembershipEdit edit,
            long version, Instant now) {
        Set<String> remove = new HashSet<>(edit.remove());
        Predicate<JsonNode> where = edit.removeWhere();
        if (where != null && !edit.removeAll()) {
            for (Member member : allMembers(unit, key)) {
                if (where.test(memberJson(member))) {
                    remove.add(member.id());
                }
            }
        }
        return unit.changeMembers(new MembershipChange(key, edit.removeAll(), remove, edit.add(), version, now,
                memberTypes));
    }

    /** A member as a {@code members[...]} filter sees it. */
    private static ObjectNode memberJson(Member member) {
        ObjectNode element = NODES.objectNode().put("value", member.id());
        if (member.type() != null) {
            element.put("type", member.type());
        }
        if (member.display() != null) {
            element.put("display", member.display());
        }
        return element;
    }

    /**
     * Deletes a resource (RFC 7644 §3.6), and removes it from every group.
     *
     * @param ifMatch the entity tags the client expects, or null
     * @throws ResourceNotFoundException if it does not exist
     */
    public void delete(RequestContext context, String resourceType, String id, @Nullable String ifMatch) {
        delete(ownUnit(), context, model(resourceType), id, ifMatch);
    }

    private void delete(Target target, RequestContext context, TypeModel model, String id, @Nullable String ifMatch) {
        ResourceKey key = key(context, model, id);
        Instant now = clock.instant();
        target.unit(context.tenant(), unit -> {
            StoredResource current = unit.get(key).orElseThrow(() -> notFound(model, id));
            Preconditions.requireMatch(ifMatch, current);
            unit.delete(new DeleteRequest(key, current.version(), now));
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------- search

    /**
     * Queries the resources of a type (RFC 7644 §3.4.2, RFC 9865): a {@code ListResponse}.
     *
     * @throws BadRequestException {@code invalidFilter} for a filter that does not parse or fit the type,
     *     {@code invalidValue} for a bad sort or attribute list, {@code invalidCursor}/{@code invalidCount} for
     *     bad cursor paging
     */
    public ObjectNode search(RequestContext context, String resourceType, SearchRequest request) {
        TypeModel model = model(resourceType);
        Projection projection = projection(model, request.selection());
        ResolvedFilter filter = request.filter() == null || request.filter().isBlank() ? null
                : ResolvedFilter.parse(request.filter(), parser, registry, model.type());
        ResolvedSort sort = ResolvedSort.parse(request.sortBy(), request.sortOrder(), parser, registry, model.type());
        ServiceProviderConfig.Pagination paging = config.pagination();
        String cursor = request.cursor();
        int count;
        int startIndex = 1;
        if (cursor != null) {
            if (!paging.cursor()) {
                throw BadRequestException.invalidCursor("this service provider does not support cursor paging;"
                        + " page with startIndex and count");
            }
            Integer asked = request.count();
            if (asked != null && (asked < 0 || asked > paging.maxPageSize())) {
                throw BadRequestException.invalidCount("count must be between 0 and " + paging.maxPageSize()
                        + " with cursor paging, was " + asked);
            }
            count = asked == null ? paging.defaultPageSize() : asked;
        } else {
            // RFC 7644 §3.4.2.4: a startIndex below 1 is 1, a negative count is 0, and a count above the maximum is
            // the maximum.
            startIndex = request.startIndex() == null ? 1 : Math.max(1, request.startIndex());
            Integer asked = request.count();
            count = asked == null ? paging.defaultPageSize() : Math.min(Math.max(0, asked), paging.maxPageSize());
        }
        StorePage page = store.search(new StoreQuery(context.tenant(), model.type(), filter, sort, startIndex - 1,
                count, cursor));
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(LIST_RESPONSE);
        response.put("totalResults", page.totalResults());
        response.put("itemsPerPage", page.resources().size());
        if (cursor == null) {
            response.put("startIndex", startIndex);
        } else if (page.nextCursor() != null) {
            response.put("nextCursor", page.nextCursor());
        }
        ArrayNode resources = response.putArray("Resources");
        for (ObjectNode resource : render(context, model, page.resources(), projection)) {
            resources.add(resource);
        }
        return response;
    }

    /**
     * Queries every resource type at once ({@code POST /.search} at the root, RFC 7644 §3.4.3). The filter applies
     * to each type it fits: a type without an attribute the filter names has no matches, and only a filter that
     * fits no type at all is a 400. Results come type by type in the registry's order, each type's sorted by
     * {@code sortBy}; index paging runs over that sequence. Cursor paging is per resource type only.
     *
     * @throws BadRequestException as {@link #search(RequestContext, String, SearchRequest)} does
     */
    public ObjectNode search(RequestContext context, SearchRequest request) {
        if (request.cursor() != null) {
            throw BadRequestException.invalidCursor("cursor paging is per resource type: search one endpoint, such as"
                    + " /Users/.search");
        }
        List<ResourceType> fitting = new ArrayList<>();
        BadRequestException firstMismatch = null;
        for (ResourceType type : registry.resourceTypes()) {
            try {
                TypeModel model = model(type.name());
                if (request.filter() != null && !request.filter().isBlank()) {
                    ResolvedFilter.parse(request.filter(), parser, registry, type);
                }
                ResolvedSort.parse(request.sortBy(), request.sortOrder(), parser, registry, type);
                projection(model, request.selection());
                fitting.add(type);
            } catch (BadRequestException e) {
                if (e.scimType().isPresent() && e.scimType().get() == ScimType.INVALID_FILTER
                        || e.scimType().isPresent() && e.scimType().get() == ScimType.INVALID_VALUE) {
                    firstMismatch = firstMismatch == null ? e : firstMismatch;
                    continue;
                }
                throw e;
            }
        }
        if (fitting.isEmpty()) {
            throw firstMismatch != null ? firstMismatch
                    : BadRequestException.invalidFilter("no resource type is served");
        }
        int pageSize = config.pagination().maxPageSize();
        int startIndex = request.startIndex() == null ? 1 : Math.max(1, request.startIndex());
        Integer asked = request.count();
        int count = asked == null ? config.pagination().defaultPageSize() : Math.min(Math.max(0, asked), pageSize);
        long total = 0;
        int skip = startIndex - 1;
        ArrayNode resources = NODES.arrayNode();
        for (ResourceType type : fitting) {
            int wanted = count - resources.size();
            JsonNode page = search(context, type.name(), request.withPage(skip + 1, wanted));
            long typeTotal = page.get("totalResults").asLong();
            total += typeTotal;
            page.get("Resources").forEach(resources::add);
            skip = (int) Math.max(0, skip - typeTotal);
        }
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(LIST_RESPONSE);
        response.put("totalResults", total);
        response.put("itemsPerPage", resources.size());
        response.put("startIndex", startIndex);
        response.set("Resources", resources);
        return response;
    }

    // ---------------------------------------------------------------------------------------------- bulk

    /**
     * Runs a Bulk request (RFC 7644 §3.7): each operation on its own, atomically, in an order that creates what
     * {@code bulkId} references point at first; a {@code BulkResponse} with one status per operation. On a store
     * with {@linkplain org.scimengine.core.spi.StoreCapabilities#nestedUnits() nested units} the operations run
     * in batches of up to a quarter of a second, each batch one unit of work and each operation a nested unit in
     * it, so that a database commits a few times per request rather than once per operation; the response is made
     * only after the last batch is durable.
     *
     * @param payloadSize the size of the request body in bytes, as received, checked against the maximum
     * @throws ScimException 413 if the body or the number of operations exceeds the limits, 400
     *     {@code invalidSyntax} if it is not a BulkRequest; failures of single operations are in the response
     */
    public ObjectNode bulk(RequestContext context, JsonNode body, long payloadSize) {
        return bulk.process(body, payloadSize, new BulkExecutor() {
            /** The unit of the batch running now, or null outside a batch. */
            private @Nullable ResourceStore batch;

            @Override
            public BulkResult execute(String method, String path, @Nullable String version, @Nullable JsonNode data) {
                ResourceStore unit = batch;
                if (unit == null) {
                    return executeBulkOperation(ownUnit(), context, method, path, version, data);
                }
                return unit.inUnitOfWork(context.tenant(), operation ->
                        executeBulkOperation(new Target(operation, true), context, method, path, version, data));
            }

            @Override
            public <T> T inBatch(Supplier<T> work) {
                if (!store.capabilities().nestedUnits()) {
                    return work.get();
                }
                return store.inUnitOfWork(context.tenant(), unit -> {
                    batch = unit;
                    try {
                        return work.get();
                    } finally {
                        batch = null;
                    }
                });
            }

            @Override
            public @Nullable String location(String path) {
                String[] segments = path.split("/", -1);
                if (segments.length != 3) {
                    return null;
                }
                return registry.resourceTypeAtEndpoint("/" + segments[1])
                        .map(type -> Renderer.location(context.baseUrl(), type, segments[2])).orElse(null);
            }
        });
    }

    /** One Bulk operation; its result needs no rendering, as the BulkResponse reports only id and version. */
    private BulkResult executeBulkOperation(Target target, RequestContext context, String method, String path,
            @Nullable String version, @Nullable JsonNode data) {
        // A path is "/{endpoint}" for POST and "/{endpoint}/{id}" for the others.
        String[] segments = path.split("/", -1);
        if (segments.length < 2 || segments.length > 3 || segments[1].isEmpty()
                || segments.length == 3 && segments[2].isEmpty()) {
            throw BadRequestException.invalidPath("a bulk operation's path must be /{endpoint} or /{endpoint}/{id},"
                    + " was '" + path + "'");
        }
        TypeModel model = model(resourceTypeAt("/" + segments[1]).name());
        boolean post = method.equals("POST");
        if (post != (segments.length == 2)) {
            throw BadRequestException.invalidPath(post ? "POST goes to the endpoint, such as /Users, not to '" + path
                    + "'" : method + " needs a resource's path, such as /Users/{id}, not '" + path + "'");
        }
        JsonNode body = data == null ? NODES.nullNode() : data;
        StoredResource result;
        switch (method) {
            case "POST" -> result = create(target, context, model, body);
            case "PUT" -> result = replace(target, context, model, segments[2], body, version);
            case "PATCH" -> result = patch(target, context, model, segments[2], body, version);
            case "DELETE" -> {
                delete(target, context, model, segments[2], version);
                return new BulkResult(204, segments[2], Renderer.location(context.baseUrl(), model.type(),
                        segments[2]), null);
            }
            default -> throw new NotImplementedException("bulk operations with method " + method
                    + " are not supported");
        }
        return new BulkResult(post ? 201 : 200, result.id(), Renderer.location(context.baseUrl(), model.type(),
                result.id()), result.etag());
    }

    // ---------------------------------------------------------------------------------------------- discovery

    /** {@code /ServiceProviderConfig} (RFC 7643 §5), with {@code meta}. */
    public ObjectNode serviceProviderConfigDocument(RequestContext context) {
        ObjectNode document = parse(config.toJson());
        ObjectNode meta = document.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", context.baseUrl() + "/ServiceProviderConfig");
        return document;
    }

    /** {@code /ResourceTypes} (RFC 7643 §6): a {@code ListResponse} of every resource type. */
    public ObjectNode resourceTypesDocument(RequestContext context) {
        List<ObjectNode> documents = new ArrayList<>();
        for (ResourceType type : registry.resourceTypes()) {
            documents.add(resourceTypeDocument(context, type));
        }
        return listOf(documents);
    }

    /**
     * {@code /ResourceTypes/{name}}.
     *
     * @throws ResourceNotFoundException if there is no such resource type
     */
    public ObjectNode resourceTypeDocument(RequestContext context, String name) {
        ResourceType type = registry.resourceType(name).orElseThrow(() ->
                new ResourceNotFoundException("there is no resource type named '" + name + "'"));
        return resourceTypeDocument(context, type);
    }

    /** {@code /Schemas} (RFC 7643 §7): a {@code ListResponse} of every schema. */
    public ObjectNode schemasDocument(RequestContext context) {
        List<ObjectNode> documents = new ArrayList<>();
        for (Schema schema : registry.schemas()) {
            documents.add(schemaDocument(context, schema));
        }
        return listOf(documents);
    }

    /**
     * {@code /Schemas/{urn}}.
     *
     * @throws ResourceNotFoundException if there is no such schema
     */
    public ObjectNode schemaDocument(RequestContext context, String urn) {
        Schema schema = registry.schema(urn).orElseThrow(() ->
                new ResourceNotFoundException("there is no schema '" + urn + "'"));
        return schemaDocument(context, schema);
    }

    private ObjectNode resourceTypeDocument(RequestContext context, ResourceType type) {
        ObjectNode document = parse(type.toJson());
        ObjectNode meta = document.putObject("meta");
        meta.put("resourceType", "ResourceType");
        meta.put("location", context.baseUrl() + "/ResourceTypes/" + type.name());
        return document;
    }

    private static ObjectNode schemaDocument(RequestContext context, Schema schema) {
        ObjectNode document = parse(schema.toJson());
        ObjectNode meta = document.putObject("meta");
        meta.put("resourceType", "Schema");
        meta.put("location", context.baseUrl() + "/Schemas/" + schema.id());
        return document;
    }

    private static ObjectNode listOf(List<ObjectNode> documents) {
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(LIST_RESPONSE);
        response.put("totalResults", documents.size());
        response.put("itemsPerPage", documents.size());
        response.put("startIndex", 1);
        response.putArray("Resources").addAll(documents);
        return response;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the engine wrote JSON it cannot read", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private TypeModel model(String resourceType) {
        TypeModel model = models.get(key(Objects.requireNonNull(resourceType, "resourceType")));
        if (model == null) {
            throw new ResourceNotFoundException("there is no resource type named '" + resourceType + "'");
        }
        return model;
    }

    private Projection projection(TypeModel model, AttributeSelection selection) {
        return Projection.parse(selection.attributes(), selection.excludedAttributes(), parser, model.resolver());
    }

    private static ResourceKey key(RequestContext context, TypeModel model, String id) {
        return new ResourceKey(context.tenant(), model.type().name(), Objects.requireNonNull(id, "id"));
    }

    private static ResourceNotFoundException notFound(TypeModel model, String id) {
        return new ResourceNotFoundException(model.type().name() + " '" + id + "' does not exist");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void applyRules(TypeModel model, ObjectNode attributes) {
        for (ResourceRule rule : rules) {
            rule.apply(model.type(), attributes);
        }
    }

    /** Moves a group's members out of its attributes: they are kept as membership. */
    private static List<Member> takeMembers(TypeModel model, ObjectNode attributes) {
        if (!model.hasMembers()) {
            return List.of();
        }
        JsonNode members = attributes.remove("members");
        List<Member> out = new ArrayList<>();
        if (members == null) {
            return out;
        }
        for (JsonNode element : members) {
            JsonNode value = element.get("value");
            if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
                throw BadRequestException.invalidValue("every element of 'members' needs the member's id as 'value',"
                        + " had " + element);
            }
            JsonNode display = element.get("display");
            out.add(new Member(value.textValue(), null, display == null ? null : display.asText()));
        }
        return out;
    }

    private ResourceResult result(RequestContext context, TypeModel model, StoredResource stored,
            Projection projection) {
        ObjectNode rendered = render(context, model, List.of(stored), projection).get(0);
        return new ResourceResult(rendered, stored.id(), stored.etag(),
                Renderer.location(context.baseUrl(), model.type(), stored.id()));
    }

    private List<ObjectNode> render(RequestContext context, TypeModel model, List<StoredResource> page,
            Projection projection) {
        Map<String, List<GroupRef>> groups = Map.of();
        if (model.showsGroups() && projection.mayInclude("groups") && !page.isEmpty()) {
            groups = store.groupsOf(new GroupsQuery(context.tenant(), page.stream().map(StoredResource::id).toList()));
        }
        boolean withMembers = model.hasMembers() && projection.mayInclude("members");
        List<ObjectNode> out = new ArrayList<>(page.size());
        for (StoredResource stored : page) {
            List<Member> members = withMembers ? allMembers(store, key(context, model, stored.id())) : null;
            ObjectNode full = renderer.render(context.baseUrl(), model.type(), stored, members,
                    groups.get(stored.id()));
            out.add(projection.apply(full));
        }
        return out;
    }

    private static List<Member> allMembers(ResourceStore source, ResourceKey key) {
        List<Member> members = new ArrayList<>();
        int count = MEMBER_PAGE;
        while (true) {
            MemberPage page = source.members(new MembersQuery(key, members.size(), count));
            members.addAll(page.members());
            if (page.members().isEmpty() || members.size() >= page.total()) {
                return members;
            }
            // The rest in one page, as all of it is kept anyway: page after page by offset, a database skips
            // every member read so far again each time and counts the group after each full page (a group of a
            // million took 1,001 pages and 38 s on SQLite).
            count = (int) Math.min(Integer.MAX_VALUE, Math.max(MEMBER_PAGE, page.total() - members.size()));
        }
    }

    /** Collects an engine's settings; not thread-safe. Each setter checks its value at once. */
    public static final class Builder {
        private final ResourceStore store;
        private SchemaRegistry registry = SchemaRegistry.standard();
        private FilterParser parser = FilterParser.standard();
        private Clock clock = Clock.systemUTC();
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private final List<ResourceRule> rules = new ArrayList<>();
        private boolean strict = true;
        private boolean uniqueExternalId = true;
        private boolean canonicalOnly;
        private int passwordHashIterations = PasswordHasher.DEFAULT_ITERATIONS;
        private int defaultPageSize = 100;
        private int maxPageSize = 1_000;
        private int cursorTimeoutSeconds = 3_600;
        private int bulkMaxOperations = 1_000;
        private int bulkMaxPayloadSize = 1_048_576;
        private @Nullable String documentationUri;
        private List<AuthenticationScheme> authenticationSchemes = List.of();

        private Builder(ResourceStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The schemas and resource types to serve; {@link SchemaRegistry#standard()} by default. */
        public Builder registry(SchemaRegistry value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        /** The filter parser, for other parse limits; {@link FilterParser#standard()} by default. */
        public Builder filterParser(FilterParser value) {
            this.parser = Objects.requireNonNull(value, "filterParser");
            return this;
        }

        /** The clock of {@code meta.created} and {@code meta.lastModified}; UTC system time by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Generates resource ids, which must never repeat; random UUIDs by default. */
        public Builder idGenerator(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /** Adds a rule every resource must pass before it is stored, after the schema's checks. */
        public Builder rule(ResourceRule value) {
            rules.add(Objects.requireNonNull(value, "rule"));
            return this;
        }

        /**
         * Whether unknown attributes and unlisted extension schemas are errors (400 {@code invalidSyntax}),
         * the default, or are dropped and inferred.
         */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Whether string attributes with canonical values ({@code emails.type}: work, home, other) accept only
         * those, ignoring case unless the attribute is caseExact; off by default, since identity providers send
         * types of their own.
         */
        public Builder canonicalValuesOnly(boolean value) {
            this.canonicalOnly = value;
            return this;
        }

        /** Whether {@code externalId} is unique within each resource type of a tenant; on by default. */
        public Builder uniqueExternalId(boolean value) {
            this.uniqueExternalId = value;
            return this;
        }

        /**
         * PBKDF2 iterations for write-only values such as passwords; 600,000 by default (OWASP's figure for
         * PBKDF2-HMAC-SHA256). Lower it only in tests.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder passwordHashIterations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("passwordHashIterations must be at least 1, was " + value);
            }
            this.passwordHashIterations = value;
            return this;
        }

        /**
         * Page sizes: {@code defaultSize} when a query gives no count, {@code maxSize} at most (also the filter's
         * {@code maxResults}); 100 and 1,000 by default.
         *
         * @throws IllegalArgumentException unless {@code 1 <= defaultSize <= maxSize}
         */
        public Builder pageSizes(int defaultSize, int maxSize) {
            if (defaultSize < 1 || defaultSize > maxSize) {
                throw new IllegalArgumentException("page sizes must satisfy 1 <= default <= max, were " + defaultSize
                        + " and " + maxSize);
            }
            this.defaultPageSize = defaultSize;
            this.maxPageSize = maxSize;
            return this;
        }

        /**
         * Bulk limits: the most operations per request and the largest request body in bytes; 1,000 and 1 MiB
         * by default.
         *
         * @throws IllegalArgumentException if either is below 1
         */
        public Builder bulkLimits(int maxOperations, int maxPayloadSize) {
            if (maxOperations < 1 || maxPayloadSize < 1) {
                throw new IllegalArgumentException("bulk limits must be positive, were " + maxOperations + " and "
                        + maxPayloadSize);
            }
            this.bulkMaxOperations = maxOperations;
            this.bulkMaxPayloadSize = maxPayloadSize;
            return this;
        }

        /**
         * How long a cursor is promised to stay valid, in seconds, advertised when the store supports cursors;
         * 3,600 by default.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder cursorTimeoutSeconds(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("cursorTimeoutSeconds must be at least 1, was " + value);
            }
            this.cursorTimeoutSeconds = value;
            return this;
        }

        /** The authentication schemes the host enforces, advertised in {@code /ServiceProviderConfig}. */
        public Builder authenticationSchemes(List<AuthenticationScheme> values) {
            this.authenticationSchemes = List.copyOf(values);
            return this;
        }

        /** The service provider's documentation, advertised in {@code /ServiceProviderConfig}. */
        public Builder documentationUri(@Nullable String value) {
            this.documentationUri = value;
            return this;
        }

        /** The engine, with everything set so far copied. */
        public ScimEngine build() {
            return new ScimEngine(this);
        }
    }
}
