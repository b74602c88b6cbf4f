package org.scimengine.core.internal.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.filter.ResolutionException;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.Returned;
import org.scimengine.core.schema.Schema;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterSyntaxException;

/**
 * The attributes a response carries (RFC 7644 §3.4.2.5, RFC 7643 §7 {@code returned}): {@code never}
 * attributes never; {@code always} attributes always; with {@code attributes}, the listed attributes (a listed
 * sub-attribute narrows its complex attribute to the listed sub-attributes) and nothing else; otherwise every
 * {@code default} attribute not in {@code excludedAttributes}, and no {@code request} attribute. The same rules
 * hold for sub-attributes. If a client sends both lists, {@code attributes} decides.
 */
public final class Projection {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for every attribute of an extension named by its bare URN ({@code attributes=urn:...:2.0:User}). */
    private static final String ALL = "*";

    private final AttributeResolver resolver;
    /** Listed in {@code attributes}: "schema|attribute" for a whole attribute, "schema|attribute|sub" for one sub-attribute. */
    private final Set<String> included;
    /** Attributes of which {@code attributes} lists only some sub-attributes. */
    private final Set<String> narrowed;
    /** Listed in {@code excludedAttributes}, keyed likewise. */
    private final Set<String> excluded;
    private final boolean explicit;
    /** Neither list names anything: what goes out follows from {@code returned} alone, without building keys. */
    private final boolean unlisted;

    private Projection(AttributeResolver resolver, Set<String> included, Set<String> narrowed, Set<String> excluded,
            boolean explicit) {
        this.resolver = resolver;
        this.included = included;
        this.narrowed = narrowed;
        this.excluded = excluded;
        this.explicit = explicit;
        this.unlisted = included.isEmpty() && excluded.isEmpty();
    }

    /**
     * Reads the two query parameters; either may be null or blank.
     *
     * @throws BadRequestException {@code invalidValue} if a list is malformed or names an attribute the resource
     *     type does not have
     */
    public static Projection parse(@Nullable String attributes, @Nullable String excludedAttributes,
            FilterParser parser, AttributeResolver resolver) {
        List<AttributePath> listed = list(attributes, "attributes", parser);
        List<AttributePath> unlisted = listed.isEmpty() ? list(excludedAttributes, "excludedAttributes", parser) : List.of();
        Set<String> included = keys(listed, resolver, "attributes");
        Set<String> narrowed = new HashSet<>();
        for (String key : included) {
            int sub = key.lastIndexOf('|');
            if (key.indexOf('|') != sub) {
                narrowed.add(key.substring(0, sub));
            }
        }
        return new Projection(resolver, included, Set.copyOf(narrowed), keys(unlisted, resolver, "excludedAttributes"),
                !listed.isEmpty());
    }

    /** A new object with the attributes of {@code resource}, a stored resource, that the response carries. */
    public ObjectNode apply(JsonNode resource) {
        ObjectNode out = NODES.objectNode();
        String core = resolver.coreSchemaId();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            Optional<Schema> extension = extension(field.getKey());
            if (extension.isPresent()) {
                ObjectNode kept = NODES.objectNode();
                for (Map.Entry<String, JsonNode> member : field.getValue().properties()) {
                    extension.get().attribute(member.getKey()).ifPresent(attribute ->
                            keep(kept, attribute, extension.get().id(), member.getValue()));
                }
                if (!kept.isEmpty()) {
                    out.set(field.getKey(), kept);
                }
                continue;
            }
            Optional<Attribute> attribute = resolver.coreSchema().attribute(field.getKey());
            String schema = core;
            if (attribute.isEmpty()) {
                attribute = CoreSchemas.commonAttribute(field.getKey());
                schema = "";
            }
            String owner = schema;
            attribute.ifPresent(a -> keep(out, a, owner, field.getValue()));
        }
        return out;
    }

    /**
     * Whether a response may carry the core or common attribute of that name: lets the engine skip fetching what
     * the projection would drop ({@code excludedAttributes=members}).
     */
    public boolean mayInclude(String attributeName) {
        Optional<Attribute> attribute = resolver.coreSchema().attribute(attributeName);
        String schema = resolver.coreSchemaId();
        if (attribute.isEmpty()) {
            attribute = CoreSchemas.commonAttribute(attributeName);
            schema = "";
        }
        if (attribute.isEmpty()) {
            return false;
        }
        String key = key(schema, attribute.get().name(), null);
        boolean listed = included.contains(key) || narrowed.contains(key) || included.contains(key(schema, ALL, null));
        return wanted(attribute.get().returned(), listed, excluded.contains(key));
    }

    private void keep(ObjectNode out, Attribute attribute, String schema, JsonNode value) {
        boolean wholeListed = false;
        boolean partlyListed = false;
        boolean wholeExcluded = false;
        if (!unlisted) {
            String key = key(schema, attribute.name(), null);
            String wholeSchema = key(schema, ALL, null);
            wholeListed = included.contains(key) || included.contains(wholeSchema);
            partlyListed = narrowed.contains(key);
            wholeExcluded = excluded.contains(key) || excluded.contains(wholeSchema);
        }
        if (!wanted(attribute.returned(), wholeListed || partlyListed, wholeExcluded)) {
            return;
        }
        if (attribute.subAttributes().isEmpty()) {
            out.set(attribute.name(), value);
            return;
        }
        JsonNode narrowed = value.isArray() ? narrowEach((ArrayNode) value, attribute, schema, wholeListed)
                : narrow(value, attribute, schema, wholeListed);
        if (narrowed != null) {
            out.set(attribute.name(), narrowed);
        }
    }

    /** Whether an attribute goes out, given how it is returned and whether it is listed. */
    private boolean wanted(Returned returned, boolean listed, boolean unlisted) {
        return switch (returned) {
            case NEVER -> false;
            case ALWAYS -> true;
            case REQUEST -> listed;
            case DEFAULT -> explicit ? listed : !unlisted;
        };
    }

    private @Nullable JsonNode narrowEach(ArrayNode values, Attribute attribute, String schema, boolean wholeListed) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode element : values) {
            JsonNode narrowed = narrow(element, attribute, schema, wholeListed);
            if (narrowed != null) {
                out.add(narrowed);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private @Nullable JsonNode narrow(JsonNode value, Attribute attribute, String schema, boolean wholeListed) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            Optional<Attribute> sub = attribute.subAttribute(field.getKey());
            if (sub.isEmpty()) {
                continue;
            }
            boolean listed = wholeListed;
            boolean excludedSub = false;
            if (!unlisted) {
                String subKey = key(schema, attribute.name(), sub.get().name());
                listed = listed || included.contains(subKey);
                excludedSub = excluded.contains(subKey);
            }
            if (wanted(sub.get().returned(), listed, excludedSub)) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out.isEmpty() ? null : out;
    }

    private Optional<Schema> extension(String key) {
        return resolver.extensions().stream().filter(s -> s.id().equals(key)).findFirst();
    }

    private static List<AttributePath> list(@Nullable String text, String parameter, FilterParser parser) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return parser.parseAttributeList(text);
        } catch (FilterSyntaxException e) {
            throw BadRequestException.invalidValue("'" + parameter + "': " + e.getMessage());
        }
    }

    /** Listing {@code name} names the whole attribute; {@code name.givenName} one of its sub-attributes. */
    private static Set<String> keys(List<AttributePath> paths, AttributeResolver resolver, String parameter) {
        Set<String> keys = new HashSet<>();
        for (AttributePath path : paths) {
            Optional<Schema> extension = resolver.extensions().stream()
                    .filter(s -> s.id().equalsIgnoreCase(path.fullText())).findFirst();
            if (extension.isPresent()) {
                keys.add(key(extension.get().id(), ALL, null));
                continue;
            }
            ResolvedAttribute resolved;
            try {
                resolved = resolver.resolve(path);
            } catch (ResolutionException e) {
                throw BadRequestException.invalidValue("'" + parameter + "': " + e.getMessage());
            }
            String schema = resolved.isCommon() ? "" : resolved.schemaUrn();
            Attribute sub = resolved.subAttribute();
            keys.add(key(schema, resolved.attribute().name(), sub == null ? null : sub.name()));
        }
        return Set.copyOf(keys);
    }

    private static String key(String schema, String attribute, @Nullable String sub) {
        String base = schema.toLowerCase(Locale.ROOT) + "|" + attribute;
        return sub == null ? base : base + "|" + sub;
    }
}
