package org.scimengine.core.internal.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.filter.FilterCompiler;
import org.scimengine.core.internal.validate.ResourceValidator;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.Mutability;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.Member;
import org.scimengine.filter.And;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterValue;
import org.scimengine.filter.Or;
import org.scimengine.filter.ValuePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a PATCH request (RFC 7644 §3.5.2) to a stored resource's attributes, as a pure function: the result is
 * the complete new attribute document, validated and normalised, plus the edit of a group's membership, which
 * is never read or written as part of the document. It accepts what Okta and Entra ID really send: capitalised
 * {@code op}s, {@code "False"} for booleans, a plain string for {@code manager}, path-less values with dotted and
 * URN-qualified keys, member removal with a {@code value} array, and upserts through
 * {@code emails[type eq "work"].value}. Every error is a 400 whose detail names the operation
 * ({@code Operations[2]: ...}). Immutable and thread-safe.
 */
public final class PatchApplier {

    /** The URN a PATCH request lists in {@code schemas}. */
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final Logger LOG = LoggerFactory.getLogger(PatchApplier.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keys a path-less value may carry that are not the client's to write; Okta sends {@code id} with a rename. */
    private static final Set<String> IGNORED_KEYS = Set.of("id", "meta", "schemas");

    private final AttributeResolver resolver;
    private final FilterParser parser;
    private final ResourceValidator validator;
    private final boolean strict;
    /** The core schema's multi-valued complex {@code members}, kept as membership rather than in the document. */
    private final @Nullable Attribute members;
    private final FilterCompiler.Definitions definitions;

    /**
     * @param strict whether a request must list {@link #PATCH_OP} in {@code schemas}, and a key of a path-less
     *     value that names no attribute is an error (else it is ignored)
     * @throws IllegalArgumentException if the resource type is not the registry's
     */
    public PatchApplier(SchemaRegistry registry, ResourceType type, FilterParser parser, ResourceValidator validator,
            boolean strict) {
        this.resolver = new AttributeResolver(registry, type);
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.strict = strict;
        this.members = resolver.coreSchema().attribute("members")
                .filter(a -> a.multiValued() && a.type() == AttributeType.COMPLEX)
                .orElse(null);
        this.definitions = new FilterCompiler.Definitions() {
            @Override
            public ResolvedAttribute top(AttributePath path) {
                return resolver.resolve(path);
            }

            @Override
            public ResolvedAttribute within(ValuePath valuePath, AttributePath inner) {
                return resolver.resolveWithin(resolver.resolve(valuePath.attribute()), inner);
            }
        };
    }

    /**
     * What a PATCH made of a resource.
     *
     * @param attributes the complete new attribute document, as {@code StoredResource.attributes()} holds it
     * @param attributesChanged whether {@code attributes} differs from the stored document
     * @param membership the change to the group's members, to be applied after the attributes
     */
    public record PatchResult(ObjectNode attributes, boolean attributesChanged, MembershipEdit membership) {

        public PatchResult {
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(membership, "membership");
        }
    }

    /**
     * A change to a group's members, equivalent to the request's operations on {@code members} applied in
     * order, to be applied in this order: remove every member if {@code removeAll}; remove the members whose id
     * is in {@code remove} and the existing members whose {@code {"value", "type", "display"}} JSON satisfies
     * {@code removeWhere}; add {@code add}.
     *
     * @param removeAll whether to start by removing every member
     * @param remove ids of members to remove
     * @param removeWhere which existing members to remove besides, or null for none; thread-safe
     * @param add members to add, with the type and display the client gave
     */
    public record MembershipEdit(boolean removeAll, Set<String> remove, @Nullable Predicate<JsonNode> removeWhere,
            List<Member> add) {

        /** No change. */
        public static final MembershipEdit NONE = new MembershipEdit(false, Set.of(), null, List.of());

        public MembershipEdit {
            remove = Set.copyOf(remove);
            add = List.copyOf(add);
        }

        /** Whether the edit changes nothing. */
        public boolean isEmpty() {
            return !removeAll && remove.isEmpty() && removeWhere == null && add.isEmpty();
        }
    }

    /**
     * Applies {@code patchRequest} to {@code stored}, which it never modifies.
     *
     * @param stored the stored attributes ({@code StoredResource.attributes()}), normalised
     * @param patchRequest the request body
     * @throws BadRequestException if the request is malformed or an operation fails; nothing is applied then
     */
    public PatchResult apply(ObjectNode stored, JsonNode patchRequest) {
        Objects.requireNonNull(stored, "stored");
        JsonNode operations = operations(patchRequest);
        Run run = new Run(stored.deepCopy());
        for (int i = 0; i < operations.size(); i++) {
            try {
                run.operation(operations.get(i));
            } catch (BadRequestException e) {
                throw at(i, e);
            }
        }
        ObjectNode attributes = validator.forPatch(run.doc, stored);
        return new PatchResult(attributes, !attributes.equals(stored), run.membership.build());
    }

    private JsonNode operations(@Nullable JsonNode request) {
        if (request == null || !request.isObject()) {
            throw BadRequestException.invalidSyntax("a PATCH body must be a JSON object with 'schemas' and"
                    + " 'Operations'");
        }
        if (strict && !listsPatchOp(field(request, "schemas"))) {
            throw BadRequestException.invalidSyntax("'schemas' must be [\"" + PATCH_OP + "\"]");
        }
        JsonNode operations = field(request, "Operations");
        if (operations == null || operations.isNull()) {
            throw BadRequestException.invalidSyntax("a PATCH body needs 'Operations', an array of operations");
        }
        if (!operations.isArray()) {
            throw BadRequestException.invalidSyntax("'Operations' must be an array of operations, was "
                    + describe(operations));
        }
        if (operations.isEmpty()) {
            throw BadRequestException.invalidValue("'Operations' is empty: give at least one operation");
        }
        return operations;
    }

    private static boolean listsPatchOp(@Nullable JsonNode schemas) {
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode urn : schemas) {
            if (urn.isTextual() && urn.textValue().equalsIgnoreCase(PATCH_OP)) {
                return true;
            }
        }
        return false;
    }

    private enum Kind {
        ADD, REPLACE, REMOVE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Entra ID capitalises ops ({@code Replace}); RFC 7644 spells them in lower case. */
        static Kind of(@Nullable JsonNode op) {
            if (op == null || op.isNull()) {
                throw BadRequestException.invalidSyntax("an operation needs 'op': \"add\", \"remove\" or"
                        + " \"replace\"");
            }
            if (op.isTextual()) {
                for (Kind kind : values()) {
                    if (kind.name().equalsIgnoreCase(op.textValue())) {
                        return kind;
                    }
                }
            }
            throw BadRequestException.invalidSyntax("'op' must be \"add\", \"remove\" or \"replace\", was " + op);
        }
    }

    /** The state of one {@link #apply}: the document being changed and the membership edit so far. */
    private final class Run {
        final ObjectNode doc;
        final Membership membership = new Membership();

        Run(ObjectNode doc) {
            this.doc = doc;
        }

        void operation(JsonNode op) {
            if (!op.isObject()) {
                throw BadRequestException.invalidSyntax("an operation must be an object with 'op', 'path' and"
                        + " 'value', was " + describe(op));
            }
            Kind kind = Kind.of(field(op, "op"));
            String path = path(field(op, "path"));
            JsonNode value = field(op, "value");
            if (kind != Kind.REMOVE && value == null) {
                throw BadRequestException.invalidSyntax("'" + kind.wire() + "' needs a 'value'");
            }
            if (path != null) {
                apply(kind, PatchTarget.parse(path, parser, resolver), path, value);
                return;
            }
            if (kind == Kind.REMOVE) {
                throw BadRequestException.noTarget("'remove' needs a 'path' naming what to remove");
            }
            if (!Objects.requireNonNull(value).isObject()) {
                throw BadRequestException.invalidSyntax("without a 'path', 'value' must be an object of the"
                        + " attributes to " + kind.wire() + ", was " + describe(value));
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String key = field.getKey();
                if (!IGNORED_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                    keyed(kind, key, field.getValue());
                }
            }
        }

        /** One key of a path-less value, or of a whole extension's value: an operation with that path. */
        private void keyed(Kind kind, String key, JsonNode value) {
            PatchTarget target;
            try {
                target = PatchTarget.parse(key, parser, resolver);
            } catch (BadRequestException e) {
                if (strict) {
                    throw e;
                }
                LOG.debug("PATCH on {}: ignoring the key '{}': {}", resolver.resourceType().name(), key, e.detail());
                return;
            }
            apply(kind, target, key, value);
        }

        private void apply(Kind kind, PatchTarget target, String path, @Nullable JsonNode value) {
            String extension = target.extension();
            if (extension != null) {
                wholeExtension(kind, extension, value);
                return;
            }
            ResolvedAttribute at = Objects.requireNonNull(target.attribute());
            if (at.isCommon() && at.attribute().name().equals("schemas")) {
                // The server derives schemas from the attributes present; there is nothing to write.
                return;
            }
            requireWritable(kind, at);
            Filter filter = target.valueFilter();
            if (isMembers(at)) {
                membership(kind, at, filter, value);
            } else if (filter != null) {
                filtered(kind, at, filter, path, value);
            } else if (at.subAttribute() != null) {
                subAttribute(kind, at, value);
            } else {
                whole(kind, at, value);
            }
        }

        private void wholeExtension(Kind kind, String urn, @Nullable JsonNode value) {
            if (kind == Kind.REMOVE || isAbsent(value)) {
                doc.remove(urn);
                return;
            }
            if (!Objects.requireNonNull(value).isObject()) {
                throw BadRequestException.invalidValue("'" + urn + "' must be an object of its attributes, was "
                        + describe(value));
            }
            // The extension is a complex value: the attributes given are set, the others left as they are.
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                keyed(kind, urn + ":" + field.getKey(), field.getValue());
            }
        }

        /** A path without filter or sub-attribute: {@code nickName}, {@code emails}, {@code name}. */
        private void whole(Kind kind, ResolvedAttribute at, @Nullable JsonNode value) {
            Attribute attribute = at.attribute();
            String name = attribute.name();
            String path = display(at);
            ObjectNode container = container(at, kind != Kind.REMOVE);
            if (container == null) {
                return;
            }
            if (kind == Kind.REMOVE) {
                if (attribute.multiValued() && !isAbsent(value)) {
                    removeValues(container, attribute, Objects.requireNonNull(value), path);
                } else {
                    container.remove(name);
                }
                return;
            }
            JsonNode given = Objects.requireNonNull(value);
            if (attribute.multiValued()) {
                JsonNode pruned = prune(given);
                ArrayNode values = pruned == null ? null : validator.patchValues(attribute, pruned, path);
                if (kind == Kind.REPLACE) {
                    if (values == null) {
                        container.remove(name);
                    } else {
                        container.set(name, values);
                    }
                } else if (values != null) {
                    append(container, attribute, values, path);
                }
                return;
            }
            if (attribute.type() == AttributeType.COMPLEX) {
                JsonNode raw = single(given, path);
                if (raw == null) {
                    container.remove(name);
                    return;
                }
                ObjectNode current = container.get(name) instanceof ObjectNode o ? o : NODES.objectNode();
                if (refersElsewhere(current, attribute, raw)) {
                    // A manager with another id is another person: the old $ref and displayName described the old one.
                    current = NODES.objectNode();
                }
                merge(current, attribute, raw, path);
                putOrRemove(container, name, current.isEmpty() ? null : current);
                return;
            }
            JsonNode raw = single(given, path);
            putOrRemove(container, name, raw == null ? null : validator.patchValue(attribute, raw, path));
        }

        /** RFC 7644 §3.5.2.1: each value not already there is added; a primary one demotes the others. */
        private void append(ObjectNode container, Attribute attribute, ArrayNode values, String path) {
            ArrayNode current = container.get(attribute.name()) instanceof ArrayNode a ? a : NODES.arrayNode();
            List<JsonNode> touched = new ArrayList<>();
            for (JsonNode value : values) {
                JsonNode same = null;
                for (JsonNode existing : current) {
                    if (existing.equals(value)) {
                        same = existing;
                        break;
                    }
                }
                if (same == null) {
                    current.add(value);
                    touched.add(value);
                } else {
                    touched.add(same);
                }
            }
            container.set(attribute.name(), current);
            keepOnePrimary(current, attribute, touched);
        }

        /** Entra ID's {@code remove} with a value: the values given, matched by {@code value} where there is one. */
        private void removeValues(ObjectNode container, Attribute attribute, JsonNode value, String path) {
            JsonNode pruned = prune(value);
            ArrayNode given = pruned == null ? null : validator.patchValues(attribute, pruned, path);
            if (!(container.get(attribute.name()) instanceof ArrayNode current) || given == null) {
                return;
            }
            List<JsonNode> removed = new ArrayList<>();
            for (JsonNode existing : current) {
                for (JsonNode g : given) {
                    if (sameValue(attribute, existing, g)) {
                        removed.add(existing);
                        break;
                    }
                }
            }
            removeElements(container, attribute.name(), current, removed);
        }

        /** A sub-attribute without a filter: {@code name.familyName}, or of every value: {@code emails.type}. */
        private void subAttribute(Kind kind, ResolvedAttribute at, @Nullable JsonNode value) {
            Attribute attribute = at.attribute();
            Attribute sub = Objects.requireNonNull(at.subAttribute());
            String path = display(at);
            JsonNode raw = kind == Kind.REMOVE ? null : single(Objects.requireNonNull(value), path);
            JsonNode normalised = raw == null ? null : validator.patchValue(sub, raw, path);
            ObjectNode container = container(at, normalised != null);
            if (container == null) {
                return;
            }
            String name = attribute.name();
            if (!attribute.multiValued()) {
                ObjectNode current = container.get(name) instanceof ObjectNode o ? o : NODES.objectNode();
                setSub(current, sub, normalised, path);
                putOrRemove(container, name, current.isEmpty() ? null : current);
                return;
            }
            ArrayNode current = container.get(name) instanceof ArrayNode a ? a : NODES.arrayNode();
            if (current.isEmpty() && normalised != null) {
                current.addObject().set(sub.name(), normalised);
                container.set(name, current);
            }
            List<JsonNode> emptied = new ArrayList<>();
            for (JsonNode element : current) {
                if (element instanceof ObjectNode o) {
                    setSub(o, sub, normalised, path);
                    if (o.isEmpty()) {
                        emptied.add(o);
                    }
                }
            }
            removeElements(container, name, current, emptied);
            if (normalised != null) {
                keepOnePrimary(current, attribute, list(current));
            }
        }

        /** A value filter, with or without a sub-attribute: {@code emails[type eq "work"].value}. */
        private void filtered(Kind kind, ResolvedAttribute at, Filter filter, String path, @Nullable JsonNode value) {
            Attribute attribute = at.attribute();
            Attribute sub = at.subAttribute();
            String name = attribute.name();
            ObjectNode container = container(at, kind != Kind.REMOVE);
            if (container == null) {
                return;
            }
            Predicate<JsonNode> matcher = matcher(at, filter);
            List<JsonNode> all = list(container.get(name));
            List<JsonNode> matched = new ArrayList<>();
            for (JsonNode element : all) {
                if (element.isObject() && matcher.test(element)) {
                    matched.add(element);
                }
            }
            if (kind == Kind.REMOVE && sub == null) {
                removeMatched(container, attribute, matched);
                return;
            }
            JsonNode raw = kind == Kind.REMOVE ? null : single(value, path);
            JsonNode normalised = sub == null || raw == null ? null : validator.patchValue(sub, raw, path);
            if (sub == null && raw == null) {
                // Replacing the selected values with nothing removes them.
                removeMatched(container, attribute, matched);
                return;
            }
            if (matched.isEmpty()) {
                if (kind == Kind.REMOVE || (sub != null && normalised == null)) {
                    return;
                }
                // Entra ID adds a work email with replace of emails[type eq "work"].value; RFC 7644 §3.5.2.3 wants
                // noTarget when nothing matches a replace without a sub-attribute.
                ObjectNode created = kind == Kind.ADD || sub != null ? fromEqualities(filter) : null;
                if (created == null) {
                    throw BadRequestException.noTarget("no value of '" + display(withoutSub(at)) + "' matches ["
                            + filter + "]"
                            + (kind == Kind.REPLACE && sub == null
                                    ? ": replace changes existing values only; use add to add one"
                                    : ", and a new value can be made only from eq comparisons joined by 'and'"));
                }
                if (sub == null) {
                    merge(created, attribute, Objects.requireNonNull(raw), path);
                } else {
                    setSub(created, sub, normalised, path);
                }
                // Its parts are normalised already: the filter's values were checked against the sub-attributes.
                if (attribute.multiValued()) {
                    ArrayNode current = container.get(name) instanceof ArrayNode a ? a : container.putArray(name);
                    current.add(created);
                    keepOnePrimary(current, attribute, List.of(created));
                } else {
                    container.set(name, created);
                }
                return;
            }
            List<JsonNode> emptied = new ArrayList<>();
            for (JsonNode element : matched) {
                ObjectNode o = (ObjectNode) element;
                if (sub == null) {
                    merge(o, attribute, Objects.requireNonNull(raw), path);
                } else {
                    setSub(o, sub, normalised, path);
                }
                if (o.isEmpty()) {
                    emptied.add(o);
                }
            }
            if (attribute.multiValued()) {
                ArrayNode current = (ArrayNode) container.get(name);
                removeElements(container, name, current, emptied);
                keepOnePrimary(current, attribute, matched);
            } else if (!emptied.isEmpty()) {
                container.remove(name);
            }
        }

        private void removeMatched(ObjectNode container, Attribute attribute, List<JsonNode> matched) {
            if (matched.isEmpty()) {
                return;
            }
            if (container.get(attribute.name()) instanceof ArrayNode current) {
                removeElements(container, attribute.name(), current, matched);
            } else {
                container.remove(attribute.name());
            }
        }

        /** Any operation on a group's {@code members}: never read or written, only recorded as an edit. */
        private void membership(Kind kind, ResolvedAttribute at, @Nullable Filter filter, @Nullable JsonNode value) {
            Attribute sub = at.subAttribute();
            if (sub != null) {
                throw BadRequestException.mutability("'members." + sub.name() + "' is immutable: to change a"
                        + " member, remove it and add it again");
            }
            if (filter != null) {
                if (kind != Kind.REMOVE) {
                    throw BadRequestException.mutability("the sub-attributes of 'members' are immutable, so a"
                            + " filtered path can only remove members; add members with the path 'members'");
                }
                Set<String> ids = valueEqualities(filter);
                if (ids != null) {
                    ids.forEach(membership::remove);
                } else {
                    membership.removeWhere(matcher(at, filter));
                }
                return;
            }
            switch (kind) {
                case ADD -> members(value, "add").forEach(membership::add);
                case REPLACE -> {
                    membership.removeAll();
                    members(value, "add").forEach(membership::add);
                }
                case REMOVE -> {
                    if (value == null || value.isNull()) {
                        membership.removeAll();
                    } else {
                        // Entra ID names the members to remove in 'value' rather than in a filter.
                        members(value, "remove").forEach(m -> membership.remove(m.id()));
                    }
                }
                default -> throw new IllegalStateException("unhandled op " + kind);
            }
        }

        private List<Member> members(@Nullable JsonNode value, String verb) {
            Attribute attribute = Objects.requireNonNull(members);
            if (value == null || value.isNull()) {
                return List.of();
            }
            List<Member> out = new ArrayList<>();
            JsonNode values = value.isArray() ? value : NODES.arrayNode().add(value);
            for (int i = 0; i < values.size(); i++) {
                JsonNode element = values.get(i);
                if (element.isNull()) {
                    continue;
                }
                JsonNode pruned = element.isObject() ? prune(element) : element;
                JsonNode normalised = pruned == null ? null : validator.patchValue(attribute, pruned, "members");
                JsonNode id = normalised == null ? null : normalised.get("value");
                if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                    throw BadRequestException.invalidValue("each member needs a 'value', the id of the resource to "
                            + verb + "; value " + i + " of 'members' has none");
                }
                out.add(new Member(id.textValue(), text(normalised, "type"), text(normalised, "display")));
            }
            return out;
        }

        /** The object holding the attribute: the document, or its extension's object (created when asked). */
        private @Nullable ObjectNode container(ResolvedAttribute at, boolean create) {
            String urn = at.schemaUrn();
            if (urn == null || urn.equals(resolver.coreSchemaId())) {
                return doc;
            }
            if (doc.get(urn) instanceof ObjectNode extension) {
                return extension;
            }
            return create ? doc.putObject(urn) : null;
        }
    }

    private boolean isMembers(ResolvedAttribute at) {
        return members != null && at.attribute().equals(members) && resolver.coreSchemaId().equals(at.schemaUrn());
    }

    private static ResolvedAttribute withoutSub(ResolvedAttribute at) {
        return new ResolvedAttribute(at.schemaUrn(), at.attribute(), null);
    }

    private void requireWritable(Kind kind, ResolvedAttribute at) {
        Attribute sub = at.subAttribute();
        if (at.attribute().mutability() == Mutability.READ_ONLY
                || (sub != null && sub.mutability() == Mutability.READ_ONLY)) {
            throw BadRequestException.mutability("'" + display(at) + "' is readOnly: clients cannot "
                    + (kind == Kind.REMOVE ? "remove" : "set") + " it");
        }
    }

    /**
     * Merges a complex value into {@code target} (RFC 7644 §3.5.2.3: sub-attributes not given are left as they
     * are); a sub-attribute given as null or "" is removed.
     */
    private void merge(ObjectNode target, Attribute attribute, JsonNode raw, String path) {
        JsonNode value = raw;
        if (value.isTextual() && attribute.subAttribute("value").isPresent()) {
            // Entra ID's manager as a plain id.
            value = NODES.objectNode().set("value", value);
        }
        if (!value.isObject()) {
            throw BadRequestException.invalidValue("'" + path + "' must be an object of its sub-attributes, was "
                    + describe(value));
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (isAbsent(field.getValue())) {
                attribute.subAttribute(field.getKey())
                        .filter(sub -> sub.mutability() != Mutability.READ_ONLY)
                        .ifPresent(sub -> setSub(target, sub, null, path + "." + sub.name()));
            }
        }
        JsonNode pruned = prune(value);
        JsonNode normalised = pruned == null ? null : validator.patchValue(attribute, pruned, path);
        if (normalised != null) {
            for (Map.Entry<String, JsonNode> field : normalised.properties()) {
                Attribute sub = attribute.subAttribute(field.getKey()).orElseThrow();
                setSub(target, sub, field.getValue(), path + "." + sub.name());
            }
        }
    }

    /**
     * Whether a new complex value names a different {@code value} than the current one, so that it replaces
     * rather than merges: RFC 7644 §3.5.2.3 merges sub-attributes, but a reference's other sub-attributes
     * describe the old referent.
     */
    private static boolean refersElsewhere(ObjectNode current, Attribute attribute, JsonNode raw) {
        JsonNode old = current.get("value");
        if (old == null || attribute.subAttribute("value").isEmpty()) {
            return false;
        }
        JsonNode given = raw.isObject() ? fieldValue(raw, "value") : raw;
        return given != null && !isAbsent(given) && !given.equals(old);
    }

    private static @Nullable JsonNode fieldValue(JsonNode object, String name) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** Sets or (with null) removes one sub-attribute; an immutable one that has a value keeps it. */
    private static void setSub(ObjectNode target, Attribute sub, @Nullable JsonNode value, String path) {
        JsonNode old = target.get(sub.name());
        if (sub.mutability() == Mutability.IMMUTABLE && old != null && !old.equals(value)) {
            throw BadRequestException.mutability("'" + path + "' is immutable: it cannot "
                    + (value == null ? "be removed" : "change from " + old + " to " + value));
        }
        putOrRemove(target, sub.name(), value);
    }

    /**
     * RFC 7643 §2.4: "primary" is true for one value at most. The values an operation just set primary win; a
     * single operation that sets two is an error.
     */
    private static void keepOnePrimary(ArrayNode values, Attribute attribute, List<JsonNode> touched) {
        if (attribute.subAttribute("primary").isEmpty()) {
            return;
        }
        Set<JsonNode> winners = Collections.newSetFromMap(new IdentityHashMap<>());
        for (JsonNode value : touched) {
            if (isPrimary(value)) {
                winners.add(value);
            }
        }
        if (winners.size() > 1) {
            throw BadRequestException.invalidValue("at most one value of '" + attribute.name() + "' may be primary,"
                    + " this operation makes " + winners.size() + " primary");
        }
        if (winners.isEmpty()) {
            return;
        }
        for (JsonNode value : values) {
            if (!winners.contains(value) && isPrimary(value)) {
                ((ObjectNode) value).remove("primary");
            }
        }
    }

    private static boolean isPrimary(JsonNode value) {
        JsonNode primary = value.get("primary");
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    /** Whether an existing value is one Entra ID asks to remove: the same {@code value}, or the same JSON. */
    private static boolean sameValue(Attribute attribute, JsonNode existing, JsonNode given) {
        if (attribute.type() != AttributeType.COMPLEX) {
            return existing.equals(given);
        }
        JsonNode a = existing.get("value");
        JsonNode b = given.get("value");
        if (b == null) {
            return existing.equals(given);
        }
        if (a == null) {
            return false;
        }
        boolean caseExact = attribute.subAttribute("value").map(Attribute::caseExact).orElse(true);
        if (!caseExact && a.isTextual() && b.isTextual()) {
            return FilterCompiler.fold(a.textValue()).equals(FilterCompiler.fold(b.textValue()));
        }
        return a.equals(b);
    }

    /** Removes the given elements (by identity); an array left empty takes its attribute with it. */
    private static void removeElements(ObjectNode container, String name, ArrayNode array, List<JsonNode> gone) {
        if (gone.isEmpty()) {
            return;
        }
        Set<JsonNode> drop = Collections.newSetFromMap(new IdentityHashMap<>());
        drop.addAll(gone);
        for (int i = array.size() - 1; i >= 0; i--) {
            if (drop.contains(array.get(i))) {
                array.remove(i);
            }
        }
        if (array.isEmpty()) {
            container.remove(name);
        }
    }

    /**
     * A predicate over one value of the attribute, with the filter semantics of {@link FilterCompiler}: the
     * filter is evaluated as {@code attribute[filter]} on a resource holding only that value.
     */
    private Predicate<JsonNode> matcher(ResolvedAttribute at, Filter filter) {
        String urn = at.schemaUrn();
        String name = at.attribute().name();
        AttributePath path = resolver.canonical(withoutSub(at));
        Predicate<JsonNode> resource = FilterCompiler.compile(new ValuePath(path, filter), definitions,
                resolver.coreSchemaId());
        boolean nested = urn != null && !urn.equals(resolver.coreSchemaId());
        return element -> {
            ObjectNode wrapper = NODES.objectNode();
            ObjectNode holder = nested ? wrapper.putObject(Objects.requireNonNull(urn)) : wrapper;
            holder.putArray(name).add(element);
            return resource.test(wrapper);
        };
    }

    /** The ids of {@code value eq "a" or value eq "b"...}, or null for any other filter. */
    private static @Nullable Set<String> valueEqualities(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        Deque<Filter> pending = new ArrayDeque<>();
        pending.push(filter);
        while (!pending.isEmpty()) {
            Filter next = pending.pop();
            if (next instanceof Or or) {
                pending.push(or.right());
                pending.push(or.left());
            } else if (next instanceof Comparison c && c.operator() == CompareOp.EQ
                    && c.attribute().name().equals("value") && c.attribute().subAttribute() == null
                    && c.value() instanceof FilterValue.StringValue id) {
                ids.add(id.value());
            } else {
                return null;
            }
        }
        return ids;
    }

    /**
     * The value {@code type eq "work" and primary eq true} describes, {@code {"type": "work", "primary": true}},
     * or null if the filter is not such a conjunction of eq comparisons with distinct sub-attributes.
     */
    private static @Nullable ObjectNode fromEqualities(Filter filter) {
        ObjectNode out = NODES.objectNode();
        Deque<Filter> pending = new ArrayDeque<>();
        pending.push(filter);
        while (!pending.isEmpty()) {
            Filter next = pending.pop();
            if (next instanceof And and) {
                pending.push(and.right());
                pending.push(and.left());
                continue;
            }
            if (!(next instanceof Comparison c) || c.operator() != CompareOp.EQ || c.attribute().schemaUrn() != null
                    || c.attribute().subAttribute() != null) {
                return null;
            }
            JsonNode value = json(c.value());
            String name = c.attribute().name();
            if (value == null || (out.has(name) && !out.get(name).equals(value))) {
                return null;
            }
            out.set(name, value);
        }
        return out;
    }

    private static @Nullable JsonNode json(FilterValue value) {
        if (value instanceof FilterValue.StringValue s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof FilterValue.BooleanValue b) {
            return NODES.booleanNode(b.value());
        }
        if (value instanceof FilterValue.NumberValue n) {
            return n.isIntegral() ? NODES.numberNode(n.value().toBigInteger()) : NODES.numberNode(n.value());
        }
        return null;
    }

    /**
     * A value for a single-valued target. Entra ID sends {@code manager} as an array of one; an array of one is
     * read as its value. Null when the value is absent.
     */
    private static @Nullable JsonNode single(@Nullable JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        JsonNode v = value;
        if (v.isArray()) {
            List<JsonNode> present = new ArrayList<>();
            for (JsonNode element : v) {
                if (!isAbsent(element)) {
                    present.add(element);
                }
            }
            if (present.size() > 1) {
                throw BadRequestException.invalidValue("'" + path + "' is single-valued: give one value, not an"
                        + " array of " + present.size());
            }
            v = present.isEmpty() ? NODES.nullNode() : present.get(0);
        }
        return isAbsent(v) ? null : v;
    }

    /**
     * Null, "", [] and objects of such values are absent: writing one clears the target (Entra ID's "null update"
     * and its removal of a manager by a replace with an empty value).
     */
    private static boolean isAbsent(@Nullable JsonNode value) {
        return prune(value) == null;
    }

    /** The value without its absent parts, or null if nothing is left. */
    private static @Nullable JsonNode prune(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty() ? null : value;
        }
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode pruned = prune(field.getValue());
                if (pruned != null) {
                    out.set(field.getKey(), pruned);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode element : value) {
                JsonNode pruned = prune(element);
                if (pruned != null) {
                    out.add(pruned);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return value;
    }

    private static void putOrRemove(ObjectNode target, String name, @Nullable JsonNode value) {
        if (value == null) {
            target.remove(name);
        } else {
            target.set(name, value);
        }
    }

    private static List<JsonNode> list(@Nullable JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else if (value.isObject()) {
            out.add(value);
        }
        return out;
    }

    private static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A member of a request object; names are case-insensitive ({@code operations}, {@code Path}). */
    private static @Nullable JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** The path, or null for none; some clients send "" or null for a path-less operation. */
    private static @Nullable String path(@Nullable JsonNode path) {
        if (path == null || path.isNull()) {
            return null;
        }
        if (!path.isTextual()) {
            throw BadRequestException.invalidSyntax("'path' must be a string, was " + describe(path));
        }
        return path.textValue().isBlank() ? null : path.textValue();
    }

    /** The attribute as errors name it: a schema URN only on extension attributes. */
    private String display(ResolvedAttribute at) {
        return resolver.canonical(at).fullText();
    }

    /** What a JSON value is, without repeating it: it may be a password. */
    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The error of operation {@code index}: the same kind, its detail naming the operation. */
    private static BadRequestException at(int index, BadRequestException e) {
        String detail = "Operations[" + index + "]: " + e.detail();
        return switch (e.scimType().orElseThrow()) {
            case MUTABILITY -> BadRequestException.mutability(detail);
            case INVALID_PATH -> BadRequestException.invalidPath(detail);
            case NO_TARGET -> BadRequestException.noTarget(detail);
            case INVALID_SYNTAX -> BadRequestException.invalidSyntax(detail, e);
            case INVALID_VALUE -> BadRequestException.invalidValue(detail);
            case INVALID_FILTER -> BadRequestException.invalidFilter(detail);
            default -> e;
        };
    }

    /** The membership edit as operations accumulate it, kept equivalent to applying them in order. */
    private static final class Membership {
        private boolean removeAll;
        private final Set<String> remove = new LinkedHashSet<>();
        private final List<Predicate<JsonNode>> removeWhere = new ArrayList<>();
        private final Map<String, Member> add = new LinkedHashMap<>();

        void removeAll() {
            removeAll = true;
            remove.clear();
            removeWhere.clear();
            add.clear();
        }

        void add(Member member) {
            add.putIfAbsent(member.id(), member);
        }

        void remove(String id) {
            add.remove(id);
            if (!removeAll) {
                remove.add(id);
            }
        }

        /** Applies to the members added so far here, and to the existing ones when the engine applies the edit. */
        void removeWhere(Predicate<JsonNode> predicate) {
            add.values().removeIf(member -> predicate.test(json(member)));
            if (!removeAll) {
                removeWhere.add(predicate);
            }
        }

        MembershipEdit build() {
            List<Predicate<JsonNode>> predicates = List.copyOf(removeWhere);
            Predicate<JsonNode> where = switch (predicates.size()) {
                case 0 -> null;
                case 1 -> predicates.get(0);
                default -> member -> {
                    for (Predicate<JsonNode> predicate : predicates) {
                        if (predicate.test(member)) {
                            return true;
                        }
                    }
                    return false;
                };
            };
            if (!removeAll && remove.isEmpty() && where == null && add.isEmpty()) {
                return MembershipEdit.NONE;
            }
            return new MembershipEdit(removeAll, remove, where, List.copyOf(add.values()));
        }

        private static JsonNode json(Member member) {
            ObjectNode out = NODES.objectNode().put("value", member.id());
            if (member.type() != null) {
                out.put("type", member.type());
            }
            if (member.display() != null) {
                out.put("display", member.display());
            }
            return out;
        }
    }
}
