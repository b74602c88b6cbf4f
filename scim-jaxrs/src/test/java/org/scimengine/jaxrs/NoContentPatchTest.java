package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.jaxrs.Fixture.group;
import static org.scimengine.jaxrs.Fixture.patch;
import static org.scimengine.jaxrs.Fixture.user;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;
import org.scimengine.store.memory.InMemoryResourceStore;

/**
 * A PATCH that answers 204 renders nothing, so it reads no members: Entra ID patches groups one member at a
 * time, and reading a group of a million members for a response thrown away took minutes.
 */
class NoContentPatchTest {

    private final AtomicInteger memberReads = new AtomicInteger();
    private final Fixture fixture = new Fixture(counting(InMemoryResourceStore.create()));
    private final JerseyServer server = new JerseyServer(Fixture.application(fixture.feature()
            .noContentOnPatch("Group").build()), "");
    private final Http http = Http.at(server.baseUri()).bearer(fixture.acme);

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aPatchAnswering204ReadsNoMembersAndOneAnswering200Does() {
        String group = created("Groups", group("Big " + UUID.randomUUID()));
        for (int i = 0; i < 3; i++) {
            addMember(group, created("Users", user("m" + i + "-" + UUID.randomUUID() + "@example.com")));
        }
        String last = created("Users", user("last-" + UUID.randomUUID() + "@example.com"));

        memberReads.set(0);
        assertThat(addMember(group, last).status()).isEqualTo(204);
        assertThat(memberReads.get()).isZero();

        Reply full = http.patch("Groups/" + group + "?attributes=members", patch("""
                {"op": "Replace", "path": "displayName", "value": "Renamed"}
                """));
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("members")).hasSize(4);
        assertThat(memberReads.get()).isPositive();
    }

    private String created(String endpoint, String body) {
        Reply reply = http.post(endpoint, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private Reply addMember(String group, String member) {
        return http.patch("Groups/" + group, patch("""
                {"op": "Add", "path": "members", "value": [{"value": "%s"}]}
                """.formatted(member)));
    }

    /** The store, counting the calls that read a group's members, inside units of work too. */
    private ResourceStore counting(ResourceStore store) {
        return (ResourceStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ResourceStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("members")) {
                        memberReads.incrementAndGet();
                    }
                    if (method.getName().equals("inUnitOfWork")) {
                        @SuppressWarnings("unchecked")
                        Function<ResourceStore, Object> work = (Function<ResourceStore, Object>) args[1];
                        return store.inUnitOfWork((String) args[0], inner -> work.apply(counting(inner)));
                    }
                    return invoke(method, store, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
