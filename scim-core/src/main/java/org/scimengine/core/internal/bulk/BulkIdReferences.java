package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code bulkId:} references of RFC 7644 §3.7.2: a JSON string that is exactly {@code bulkId:} followed by a
 * bulkId, anywhere in an operation's data (as in {@code members[].value} or an extension's
 * {@code manager.value}), a whole path segment such as {@code /Groups/bulkId:qwerty}, and a quoted
 * {@code "bulkId:..."} inside a longer string, which is how a filter in a PATCH operation's path names a resource
 * the same request creates ({@code members[value eq "bulkId:qwerty"]}). Walks are iterative, so deeply nested data
 * costs no stack.
 */
final class BulkIdReferences {

    static final String PREFIX = "bulkId:";
    /**
     * A reference quoted inside a longer string: the value of a filter in a PATCH path such as
     * {@code members[value eq "bulkId:qwerty"]}, which names a member the same request creates.
     */
    private static final Pattern QUOTED = Pattern.compile("\"" + PREFIX + "([^\"\\\\]+)\"");

    private BulkIdReferences() {
    }

    /** The bulkIds an operation refers to, in order of first appearance (path first), each once. */
    static Set<String> of(BulkOperation operation) {
        Set<String> found = new LinkedHashSet<>();
        for (String segment : operation.path().split("/", -1)) {
            String bulkId = bulkIdIn(segment);
            if (bulkId != null) {
                found.add(bulkId);
            }
        }
        JsonNode data = operation.data();
        if (data != null) {
            Deque<JsonNode> pending = new ArrayDeque<>();
            pending.push(data);
            while (!pending.isEmpty()) {
                JsonNode node = pending.pop();
                if (node.isTextual()) {
                    String bulkId = bulkIdIn(node.textValue());
                    if (bulkId != null) {
                        found.add(bulkId);
                    }
                    Matcher quoted = QUOTED.matcher(node.textValue());
                    while (quoted.find()) {
                        found.add(quoted.group(1));
                    }
                } else if (node.isContainerNode()) {
                    // Push in reverse so that the walk meets values in document order.
                    List<JsonNode> children = children(node);
                    for (int i = children.size() - 1; i >= 0; i--) {
                        pending.push(children.get(i));
                    }
                }
            }
        }
        return found;
    }

    /** The path with every reference segment replaced by the id its bulkId stands for. */
    static String replaceInPath(String path, Map<String, String> ids) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String bulkId = bulkIdIn(segments[i]);
            if (bulkId != null) {
                segments[i] = require(ids, bulkId);
            }
        }
        return String.join("/", segments);
    }

    /** A copy of the data with every reference replaced by the id its bulkId stands for; the original stays. */
    static JsonNode replaceInData(JsonNode data, Map<String, String> ids) {
        JsonNode copy = data.deepCopy();
        Function<JsonNode, @Nullable JsonNode> replacement = node -> {
            if (!node.isTextual()) {
                return null;
            }
            String bulkId = bulkIdIn(node.textValue());
            if (bulkId != null) {
                return TextNode.valueOf(require(ids, bulkId));
            }
            Matcher quoted = QUOTED.matcher(node.textValue());
            if (!quoted.find()) {
                return null;
            }
            return TextNode.valueOf(quoted.replaceAll(match ->
                    Matcher.quoteReplacement("\"" + require(ids, match.group(1)) + "\"")));
        };
        JsonNode replacedRoot = replacement.apply(copy);
        if (replacedRoot != null) {
            return replacedRoot;
        }
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(copy);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node instanceof ObjectNode) {
                ObjectNode object = (ObjectNode) node;
                List<String> names = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    names.add(field.getKey());
                }
                for (String name : names) {
                    JsonNode child = object.get(name);
                    JsonNode replaced = replacement.apply(child);
                    if (replaced != null) {
                        object.set(name, replaced);
                    } else if (child.isContainerNode()) {
                        pending.push(child);
                    }
                }
            } else if (node instanceof ArrayNode) {
                ArrayNode array = (ArrayNode) node;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode child = array.get(i);
                    JsonNode replaced = replacement.apply(child);
                    if (replaced != null) {
                        array.set(i, replaced);
                    } else if (child.isContainerNode()) {
                        pending.push(child);
                    }
                }
            }
        }
        return copy;
    }

    /** Whether every reference segment of the path has an id to stand for. */
    static boolean resolvable(String path, Map<String, String> ids) {
        for (String segment : path.split("/", -1)) {
            String bulkId = bulkIdIn(segment);
            if (bulkId != null && !ids.containsKey(bulkId)) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> children(JsonNode container) {
        List<JsonNode> children = new ArrayList<>(container.size());
        if (container.isObject()) {
            for (Map.Entry<String, JsonNode> field : container.properties()) {
                children.add(field.getValue());
            }
        } else {
            for (JsonNode element : container) {
                children.add(element);
            }
        }
        return children;
    }

    private static @Nullable String bulkIdIn(String text) {
        return text.length() > PREFIX.length() && text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : null;
    }

    private static String require(Map<String, String> ids, String bulkId) {
        String id = ids.get(bulkId);
        if (id == null) {
            throw new IllegalStateException("no id for bulkId " + bulkId + "; its operation must run first");
        }
        return id;
    }
}
