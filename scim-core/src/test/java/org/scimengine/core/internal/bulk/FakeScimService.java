package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.PreconditionFailedException;
import org.scimengine.core.error.ResourceNotFoundException;

/**
 * A map-backed service provider with {@code /Users} and {@code /Groups}, enough to run the RFC's bulk examples:
 * POST, PUT, DELETE, and PATCH with {@code add}/{@code replace}/{@code remove} on top-level attributes. Ids and
 * versions come from queues the test fills (the RFC's own values), else from counters. Every call is recorded.
 */
final class FakeScimService implements BulkExecutor {

    static final String BASE = "https://example.com/v2";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One call the processor made. */
    record Call(String method, String path, @Nullable String version, @Nullable JsonNode data) {
    }

    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final Deque<String> ids = new ArrayDeque<>();
    private final Deque<String> newVersions = new ArrayDeque<>();
    private final Map<String, RuntimeException> scripted = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private boolean postsReportIds = true;
    private int counter;

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeScimService ids(String... values) {
        ids.addAll(List.of(values));
        return this;
    }

    FakeScimService versions(String... values) {
        newVersions.addAll(List.of(values));
        return this;
    }

    FakeScimService seed(String path, String version, String resource) {
        resources.put(path, (ObjectNode) json(resource));
        versions.put(path, version);
        return this;
    }

    /** Makes the call with this method and path (as the executor receives it) throw. */
    FakeScimService failOn(String method, String path, RuntimeException failure) {
        scripted.put(method + " " + path, failure);
        return this;
    }

    /** Makes POSTs succeed without reporting the new id, as a broken host might. */
    FakeScimService withoutPostIds() {
        postsReportIds = false;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Nullable ObjectNode resource(String path) {
        return resources.get(path);
    }

    Set<String> paths() {
        return Set.copyOf(resources.keySet());
    }

    @Override
    public BulkResult execute(String method, String path, @Nullable String version, @Nullable JsonNode data) {
        calls.add(new Call(method, path, version, data == null ? null : data.deepCopy()));
        RuntimeException failure = scripted.get(method + " " + path);
        if (failure != null) {
            throw failure;
        }
        String[] segments = path.substring(1).split("/", -1);
        if (!segments[0].equals("Users") && !segments[0].equals("Groups")) {
            throw new ResourceNotFoundException("There is no endpoint /" + segments[0] + ".");
        }
        if (method.equals("POST")) {
            if (segments.length != 1) {
                throw BadRequestException.invalidPath("A POST goes to a resource type endpoint such as /Users.");
            }
            return create(segments[0], (ObjectNode) requireData(data));
        }
        if (segments.length != 2) {
            throw BadRequestException.invalidPath("A " + method + " goes to one resource, such as /Users/1.");
        }
        ObjectNode resource = resources.get(path);
        if (resource == null) {
            throw new ResourceNotFoundException("Resource does not exist.");
        }
        if (version != null && !version.equals(versions.get(path))) {
            throw new PreconditionFailedException("Failed to update.  Resource changed on the server.");
        }
        switch (method) {
            case "PUT": {
                ObjectNode replacement = ((ObjectNode) requireData(data)).deepCopy();
                replacement.put("id", segments[1]);
                resources.put(path, replacement);
                return updated(path, segments[1], 200);
            }
            case "PATCH":
                patch(resource, requireData(data));
                return updated(path, segments[1], 200);
            case "DELETE":
                resources.remove(path);
                versions.remove(path);
                return new BulkResult(204, segments[1], BASE + path, null);
            default:
                throw new IllegalArgumentException(method);
        }
    }

    @Override
    public String location(String path) {
        return BASE + path;
    }

    private BulkResult create(String type, ObjectNode data) {
        if (!data.has("schemas")) {
            throw BadRequestException.invalidSyntax("Request is unparsable, syntactically incorrect, or violates"
                    + " schema.");
        }
        JsonNode userName = data.get("userName");
        if (userName != null) {
            for (Map.Entry<String, ObjectNode> existing : resources.entrySet()) {
                if (existing.getKey().startsWith("/Users/") && userName.equals(existing.getValue().get("userName"))) {
                    throw new ConflictException("userName " + userName + " is already in use.");
                }
            }
        }
        String id = ids.isEmpty() ? "id-" + ++counter : ids.poll();
        ObjectNode stored = data.deepCopy();
        stored.put("id", id);
        String path = "/" + type + "/" + id;
        resources.put(path, stored);
        String version = nextVersion();
        versions.put(path, version);
        return new BulkResult(201, postsReportIds ? id : null, BASE + path, version);
    }

    private BulkResult updated(String path, String id, int status) {
        String version = nextVersion();
        versions.put(path, version);
        return new BulkResult(status, id, BASE + path, version);
    }

    private String nextVersion() {
        return newVersions.isEmpty() ? "W/\"v" + ++counter + "\"" : newVersions.poll();
    }

    private static void patch(ObjectNode resource, JsonNode message) {
        JsonNode operations = message.get("Operations");
        if (operations == null || !operations.isArray()) {
            throw BadRequestException.invalidSyntax("A PatchOp message needs Operations.");
        }
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText("");
            JsonNode path = operation.get("path");
            JsonNode value = operation.get("value");
            if (op.equals("remove") && path != null) {
                resource.remove(path.asText());
            } else if ((op.equals("add") || op.equals("replace")) && value != null) {
                if (path == null) {
                    resource.setAll((ObjectNode) value);
                } else if (op.equals("add") && resource.get(path.asText()) instanceof ArrayNode && value.isArray()) {
                    ((ArrayNode) resource.get(path.asText())).addAll((ArrayNode) value);
                } else {
                    resource.set(path.asText(), value);
                }
            } else {
                throw BadRequestException.invalidSyntax("Unsupported patch operation " + operation + ".");
            }
        }
    }

    private static JsonNode requireData(@Nullable JsonNode data) {
        if (data == null) {
            throw BadRequestException.invalidSyntax("The operation has no data.");
        }
        return data;
    }
}
