package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimException;

/**
 * Reads a BulkRequest message (RFC 7644 §3.7) into its operations. Anything wrong with the message's shape
 * rejects the whole request with {@code 400 invalidSyntax} naming the operation's index, since a request the
 * server cannot read reliably must not run in part. Member names match case-insensitively, as SCIM attribute
 * names do (RFC 7643 §2.1).
 */
final class BulkRequestReader {

    private static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

    /** The operations in request order, and how many failures the client accepts before processing stops. */
    record Request(List<BulkOperation> operations, long failOnErrors) {
        Request {
            operations = List.copyOf(operations);
        }
    }

    private BulkRequestReader() {
    }

    /**
     * @throws BadRequestException {@code invalidSyntax} if the message is not a well-formed BulkRequest
     * @throws ScimException 413 if it holds more than {@code maxOperations} operations
     */
    static Request read(JsonNode message, int maxOperations) {
        Objects.requireNonNull(message, "message");
        if (!message.isObject()) {
            throw BadRequestException.invalidSyntax("The bulk request body must be a JSON object.");
        }
        if (!declaresBulkRequest(member(message, "schemas", "The bulk request"))) {
            throw BadRequestException.invalidSyntax("The bulk request's schemas must include "
                    + BulkProcessor.BULK_REQUEST_SCHEMA + ".");
        }
        JsonNode operations = member(message, "Operations", "The bulk request");
        if (operations == null || !operations.isArray()) {
            throw BadRequestException.invalidSyntax("The bulk request needs an Operations array listing the"
                    + " operations to run.");
        }
        if (operations.size() > maxOperations) {
            throw new ScimException(413, null, "The bulk request holds " + operations.size()
                    + " operations, more than the maxOperations of " + maxOperations
                    + " this service provider accepts; split it into several requests.");
        }
        long failOnErrors = failOnErrors(member(message, "failOnErrors", "The bulk request"));
        List<BulkOperation> read = new ArrayList<>(operations.size());
        Map<String, Integer> bulkIds = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            BulkOperation operation = operation(operations.get(i), i);
            String bulkId = operation.bulkId();
            if (bulkId != null) {
                Integer earlier = bulkIds.putIfAbsent(bulkId, i);
                if (earlier != null) {
                    throw BadRequestException.invalidSyntax("Operations[" + earlier + "] and Operations[" + i
                            + "] both have bulkId '" + bulkId + "'; a bulkId must be unique within the request.");
                }
            }
            read.add(operation);
        }
        return new Request(read, failOnErrors);
    }

    private static boolean declaresBulkRequest(@Nullable JsonNode schemas) {
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode schema : schemas) {
            if (schema.isTextual() && schema.textValue().equalsIgnoreCase(BulkProcessor.BULK_REQUEST_SCHEMA)) {
                return true;
            }
        }
        return false;
    }

    /** {@link Long#MAX_VALUE} when absent: then every operation runs, whatever fails. */
    private static long failOnErrors(@Nullable JsonNode value) {
        if (value == null) {
            return Long.MAX_VALUE;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw BadRequestException.invalidSyntax("failOnErrors must be a positive integer (the number of"
                    + " failed operations after which processing stops), not " + value + ".");
        }
        return value.longValue();
    }

    private static BulkOperation operation(JsonNode node, int index) {
        String where = "Operations[" + index + "]";
        if (!node.isObject()) {
            throw BadRequestException.invalidSyntax(where + " must be a JSON object.");
        }
        String method = method(text(node, "method", where), where);
        String path = text(node, "path", where);
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            throw BadRequestException.invalidSyntax(where + " needs a path relative to the service's base,"
                    + " such as /Users for a POST or /Users/2819c223 for the other methods.");
        }
        String bulkId = text(node, "bulkId", where);
        if (bulkId != null && bulkId.isEmpty()) {
            throw BadRequestException.invalidSyntax(where + " has an empty bulkId; leave it out or give it a"
                    + " value unique within the request.");
        }
        if (bulkId == null && method.equals("POST")) {
            throw BadRequestException.invalidSyntax(where + " is a POST and needs a bulkId, so that its result"
                    + " can be matched to it and other operations can refer to the new resource.");
        }
        String version = text(node, "version", where);
        JsonNode data = member(node, "data", where);
        if (method.equals("DELETE")) {
            data = null;
        } else if (data == null || !data.isObject()) {
            throw BadRequestException.invalidSyntax(where + " is a " + method + " and needs data: a JSON object"
                    + (method.equals("PATCH") ? " holding the PatchOp message." : " holding the resource."));
        }
        return new BulkOperation(index, method, bulkId, path, version, data);
    }

    private static String method(@Nullable String text, String where) {
        String method = text == null ? null : text.toUpperCase(Locale.ROOT);
        if (method == null || !METHODS.contains(method)) {
            throw BadRequestException.invalidSyntax(where + (text == null ? " has no method" : " has method '"
                    + text + "'") + "; a bulk operation's method must be POST, PUT, PATCH or DELETE.");
        }
        return method;
    }

    /** A string member, or null when absent or JSON null. */
    private static @Nullable String text(JsonNode object, String name, String where) {
        JsonNode value = member(object, name, where);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequestException.invalidSyntax(where + "." + name + " must be a string, not " + value + ".");
        }
        return value.textValue();
    }

    /** A member matched case-insensitively, or null when absent or JSON null. */
    private static @Nullable JsonNode member(JsonNode object, String name, String where) {
        String foundName = null;
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                if (foundName != null) {
                    throw BadRequestException.invalidSyntax(where + " has both '" + foundName + "' and '"
                            + field.getKey() + "'; member names are case-insensitive, so give it once.");
                }
                foundName = field.getKey();
                found = field.getValue();
            }
        }
        return found == null || found.isNull() ? null : found;
    }
}
