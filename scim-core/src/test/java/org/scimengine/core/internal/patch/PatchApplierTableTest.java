package org.scimengine.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.internal.patch.PatchApplier.MembershipEdit;
import org.scimengine.core.internal.patch.PatchApplier.PatchResult;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.internal.validate.ResourceValidator;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.Member;
import org.scimengine.filter.FilterParser;

/**
 * Every PATCH example of RFC 7644 §3.5.2 and every PATCH shape of IDP-BEHAVIOUR.md, as JSON fixtures in
 * {@code patch-cases.json}: the stored attributes, the request, and the exact attributes and membership edit that
 * result; and the requests that must fail, with their scimType and detail. {@code stored} is never changed.
 */
class PatchApplierTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final PasswordHasher HASHER = new PasswordHasher(1_000);
    private static final JsonNode FIXTURES = load();

    static Stream<Named<JsonNode>> cases() {
        return named(FIXTURES.get("cases"));
    }

    static Stream<Named<JsonNode>> errors() {
        return named(FIXTURES.get("errors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesAsTheTableSays(JsonNode fixture) {
        ObjectNode stored = stored(fixture);
        ObjectNode before = stored.deepCopy();
        PatchResult result = applier(fixture).apply(stored, request(fixture));

        JsonNode expected = fixture.has("expected") ? fixture.get("expected") : before;
        assertThat(result.attributes()).isEqualTo(expected);
        assertThat(result.attributesChanged()).isEqualTo(!expected.equals(before));
        assertMembership(result.membership(), fixture.get("membership"));
        assertThat(stored).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsAsTheTableSays(JsonNode fixture) {
        ObjectNode stored = stored(fixture);
        ObjectNode before = stored.deepCopy();
        PatchApplier applier = applier(fixture);
        JsonNode request = request(fixture);
        ScimType type = ScimType.fromKeyword(fixture.get("error").get(0).textValue()).orElseThrow();
        String detail = fixture.get("error").get(1).textValue();

        assertThatThrownBy(() -> applier.apply(stored, request)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).contains(type);
            assertThat(e.detail()).isEqualTo(detail);
        });
        assertThat(stored).isEqualTo(before);
    }

    private static void assertMembership(MembershipEdit edit, JsonNode expected) {
        if (expected == null) {
            assertThat(edit.isEmpty()).as("membership edit %s", edit).isTrue();
            return;
        }
        assertThat(edit.removeAll()).isEqualTo(expected.path("removeAll").asBoolean(false));
        Set<String> remove = new HashSet<>();
        expected.path("remove").forEach(id -> remove.add(id.textValue()));
        assertThat(edit.remove()).isEqualTo(remove);
        List<JsonNode> added = new ArrayList<>();
        for (Member member : edit.add()) {
            ObjectNode json = JSON.createObjectNode().put("value", member.id());
            if (member.type() != null) {
                json.put("type", member.type());
            }
            if (member.display() != null) {
                json.put("display", member.display());
            }
            added.add(json);
        }
        List<JsonNode> expectedAdd = new ArrayList<>();
        expected.path("add").forEach(expectedAdd::add);
        assertThat(added).isEqualTo(expectedAdd);
        JsonNode where = expected.get("removeWhere");
        if (where == null) {
            assertThat(edit.removeWhere()).isNull();
        } else {
            assertThat(edit.removeWhere()).isNotNull();
            where.get("removes").forEach(m -> assertThat(edit.removeWhere().test(m)).as("removes %s", m).isTrue());
            where.get("keeps").forEach(m -> assertThat(edit.removeWhere().test(m)).as("keeps %s", m).isFalse());
        }
    }

    private static PatchApplier applier(JsonNode fixture) {
        boolean strict = !fixture.path("lenient").asBoolean(false);
        ResourceType type = REGISTRY.resourceType(fixture.get("type").textValue()).orElseThrow();
        ResourceValidator validator = new ResourceValidator(REGISTRY, type, strict, HASHER);
        return new PatchApplier(REGISTRY, type, FilterParser.standard(), validator, strict);
    }

    /** The stored resource, checked to be what the validator would have stored. */
    private static ObjectNode stored(JsonNode fixture) {
        JsonNode stored = fixture.get("stored");
        ObjectNode resource = (ObjectNode) (stored.isTextual() ? FIXTURES.get("resources").get(stored.textValue()) : stored)
                .deepCopy();
        ResourceType type = REGISTRY.resourceType(fixture.get("type").textValue()).orElseThrow();
        assertThat(new ResourceValidator(REGISTRY, type, true, HASHER).forCreate(resource)).isEqualTo(resource);
        return resource;
    }

    private static JsonNode request(JsonNode fixture) {
        if (fixture.has("request")) {
            return fixture.get("request");
        }
        ObjectNode request = JSON.createObjectNode();
        request.putArray("schemas").add(PatchApplier.PATCH_OP);
        request.set("Operations", (ArrayNode) fixture.get("operations"));
        return request;
    }

    private static Stream<Named<JsonNode>> named(JsonNode list) {
        List<Named<JsonNode>> out = new ArrayList<>();
        list.forEach(fixture -> out.add(Named.of(fixture.get("name").textValue(), fixture)));
        return out.stream();
    }

    private static JsonNode load() {
        try (InputStream in = PatchApplierTableTest.class.getResourceAsStream("patch-cases.json")) {
            if (in == null) {
                throw new IllegalStateException("patch-cases.json is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
