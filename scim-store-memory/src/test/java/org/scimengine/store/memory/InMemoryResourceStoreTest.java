package org.scimengine.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.UniqueValue;
import org.scimengine.core.spi.contract.SampleResources;
import org.scimengine.filter.FilterParser;

/** What the contract leaves to the store: the unique-value index, its cursors and its unit-of-work guard. */
class InMemoryResourceStoreTest {

    private static final String TENANT = "acme";
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private final InMemoryResourceStore store = InMemoryResourceStore.create();

    @Test
    void declaresCursorPaging() {
        assertThat(store.capabilities().cursorPaging()).isTrue();
    }

    @Test
    void anIndexedLookupFindsAResourceOnceEvenIfItHoldsTheValueTwice() {
        String emailValue = "emails.value";
        ObjectNode user = SampleResources.user("bjensen").email("work", "B@example.com", true)
                .email("home", "b@EXAMPLE.com", false).build();
        create("bjensen", user, List.of(SampleResources.userNameValue("bjensen"),
                UniqueValue.of(emailValue, "B@example.com", false, false),
                UniqueValue.of(emailValue, "b@EXAMPLE.com", false, false)));

        assertThat(ids(search("emails.value eq \"b@example.COM\""))).containsExactly(id("bjensen"));
        assertThat(ids(search("userName eq \"BJensen\""))).containsExactly(id("bjensen"));
    }

    @Test
    void theIndexOnlyProposesCandidatesTheFilterDecides() {
        // A unique value that disagrees with the attributes: the index proposes the user, the filter refuses it.
        create("bjensen", SampleResources.user("bjensen").build(),
                List.of(SampleResources.userNameValue("someone-else")));

        assertThat(ids(search("userName eq \"someone-else\""))).isEmpty();
        assertThat(ids(search("displayName eq \"bjensen\""))).isEmpty();
    }

    @Test
    void withoutUniqueValuesOfTheAttributeTheSearchScans() {
        create("bjensen", SampleResources.user("bjensen").build(), List.of());

        assertThat(ids(search("userName eq \"BJENSEN\""))).containsExactly(id("bjensen"));
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        for (String name : List.of("a", "b", "c")) {
            create(name, SampleResources.user(name).build(), List.of(SampleResources.userNameValue(name)));
        }
        String cursor = store.search(query(null, 1, "")).nextCursor();
        assertThat(cursor).isNotNull();

        assertThat(ids(store.search(query(null, 1, cursor)))).containsExactly(id("b"));
        assertThatThrownBy(() -> store.search(query("userName pr", 1, cursor)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.scimType()).contains(ScimType.INVALID_CURSOR));
    }

    @Test
    void theUnitsStoreIsRefusedAfterTheUnitEnds() {
        ResourceStore leaked = store.inUnitOfWork(TENANT, unit -> unit);

        assertThatThrownBy(() -> leaked.get(new ResourceKey(TENANT, "User", id("a"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theUnitsStoreIsRefusedOnAnotherThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            store.inUnitOfWork(TENANT, unit -> {
                try {
                    other.submit(() -> unit.get(new ResourceKey(TENANT, "User", id("a")))).get();
                } catch (ExecutionException e) {
                    failure.set(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.set(e);
                }
                return null;
            });

            assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
    }

    private void create(String label, ObjectNode attributes, List<UniqueValue> uniqueValues) {
        store.create(new CreateRequest(new ResourceKey(TENANT, "User", id(label)), attributes, uniqueValues, NOW));
    }

    private StorePage search(String filter) {
        return store.search(query(filter, 100, null));
    }

    private static StoreQuery query(@Nullable String filter, int count, @Nullable String cursor) {
        ResolvedFilter resolved = filter == null ? null
                : ResolvedFilter.parse(filter, FilterParser.standard(), REGISTRY, CoreSchemas.USER_TYPE);
        return new StoreQuery(TENANT, CoreSchemas.USER_TYPE, resolved, ResolvedSort.byId(CoreSchemas.USER_TYPE), 0,
                count, cursor);
    }

    private static String id(String label) {
        return SampleResources.id(TENANT + "/" + label);
    }

    private static List<String> ids(StorePage page) {
        return page.resources().stream().map(StoredResource::id).toList();
    }
}
