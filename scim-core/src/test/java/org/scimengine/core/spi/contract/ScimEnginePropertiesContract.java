package org.scimengine.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ResourceResult;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;
import org.scimengine.core.spi.ResourceStore;

/**
 * Properties of the engine over a store, for random resources and random requests: write-only attributes never
 * come back whatever the client asks for, and every write gives the resource a version it never had before.
 */
public abstract class ScimEnginePropertiesContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final RequestContext CONTEXT = RequestContext.of("t", "https://example.com/scim/v2");
    private static final List<String> USER_ATTRIBUTES = List.of("userName", "password", "name", "name.givenName",
            "emails", "emails.value", "displayName", "active", "groups", "meta", "id", "externalId",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");

    /** A new, empty store. */
    protected abstract ResourceStore newStore();

    private ScimEngine newEngine() {
        return ScimEngine.builder(newStore()).passwordHashIterations(1).build();
    }

    @Property(tries = 60)
    void neverReturnedAttributesAreNeverReturned(@ForAll("users") ObjectNode user,
            @ForAll("selections") AttributeSelection selection) {
        ScimEngine engine = newEngine();
        List<JsonNode> responses = new ArrayList<>();
        ResourceResult created = engine.create(CONTEXT, "User", user, selection);
        responses.add(created.resource());
        responses.add(engine.get(CONTEXT, "User", created.id(), selection).resource());
        responses.add(engine.replace(CONTEXT, "User", created.id(), user, null, selection).resource());
        engine.search(CONTEXT, "User", SearchRequest.all().withSelection(selection)).get("Resources")
                .forEach(responses::add);
        for (JsonNode response : responses) {
            assertThat(response.has("password")).as(response.toString()).isFalse();
            assertThat(response.get("id").asText()).isEqualTo(created.id());
            assertThat(response.has("schemas")).isTrue();
        }
    }

    @Property(tries = 40)
    void everyWriteGivesANewVersion(@ForAll("users") ObjectNode user, @ForAll @Size(min = 1, max = 8) List<Write> writes) {
        ScimEngine engine = newEngine();
        ResourceResult created = engine.create(CONTEXT, "User", user, AttributeSelection.DEFAULT);
        String other = engine.create(CONTEXT, "User", json("{\"schemas\": [\"" + USER + "\"], \"userName\": \"other-" + created.id() + "\"}"),
                AttributeSelection.DEFAULT).id();
        ResourceResult group = engine.create(CONTEXT, "Group", json("{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \"g\"}"),
                AttributeSelection.DEFAULT);
        Set<String> userVersions = new HashSet<>(Set.of(created.version()));
        Set<String> groupVersions = new HashSet<>(Set.of(group.version()));
        int step = 0;
        for (Write write : writes) {
            step++;
            switch (write) {
                case REPLACE_USER -> {
                    ObjectNode body = user.deepCopy().put("displayName", "step " + step);
                    String version = engine.replace(CONTEXT, "User", created.id(), body, null,
                            AttributeSelection.DEFAULT).version();
                    assertThat(userVersions.add(version)).as("user version %s after step %d", version, step).isTrue();
                }
                case SET_MEMBERS, CLEAR_MEMBERS -> {
                    String members = write == Write.SET_MEMBERS ? "[{\"value\": \"" + other + "\"}]" : "[]";
                    String version = engine.replace(CONTEXT, "Group", group.id(), json("{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \"g"
                            + step + "\", \"members\": " + members + "}"), null, AttributeSelection.DEFAULT).version();
                    assertThat(groupVersions.add(version)).as("group version %s after step %d", version, step)
                            .isTrue();
                }
                default -> throw new IllegalStateException(write.toString());
            }
        }
    }

    /** The writes of {@link #everyWriteGivesANewVersion}. */
    enum Write { REPLACE_USER, SET_MEMBERS, CLEAR_MEMBERS }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Provide
    Arbitrary<ObjectNode> users() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(words, words.injectNull(0.3), words, Arbitraries.of(true, false).injectNull(0.3),
                        words.injectNull(0.5))
                .as((userName, givenName, password, active, employeeNumber) -> {
                    ObjectNode user = JSON.createObjectNode();
                    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
                    user.put("userName", userName);
                    user.put("password", password);
                    if (givenName != null) {
                        user.putObject("name").put("givenName", givenName);
                    }
                    if (active != null) {
                        user.put("active", active);
                    }
                    user.putArray("emails").addObject().put("value", userName + "@example.com").put("primary", true);
                    if (employeeNumber != null) {
                        String urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
                        ((com.fasterxml.jackson.databind.node.ArrayNode) user.get("schemas")).add(urn);
                        user.putObject(urn).put("employeeNumber", employeeNumber);
                    }
                    return user;
                });
    }

    @Provide
    Arbitrary<AttributeSelection> selections() {
        Arbitrary<String> list = Arbitraries.of(USER_ATTRIBUTES).list().ofMinSize(1).ofMaxSize(4).uniqueElements()
                .map(names -> String.join(",", names));
        return Arbitraries.oneOf(
                Arbitraries.just(AttributeSelection.DEFAULT),
                list.map(names -> new AttributeSelection(names, null)),
                list.map(names -> new AttributeSelection(null, names)));
    }
}
