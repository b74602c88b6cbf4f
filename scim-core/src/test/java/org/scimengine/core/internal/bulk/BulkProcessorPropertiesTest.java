package org.scimengine.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Over random graphs of POSTs that refer to each other's bulkIds, listed in a random order: without a cycle
 * every operation succeeds and every reference becomes the id its target was given; with cycles exactly the
 * operations on a cycle, or referring (through any chain) to one, fail, and nothing of theirs reaches the
 * executor. The expected outcome is computed by plain reachability, independently of the processor's Tarjan walk.
 */
class BulkProcessorPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BulkProcessor PROCESSOR = new BulkProcessor(1000, 1_000_000);

    /**
     * Node {@code i} of {@code n} refers to the nodes in {@code refs.get(i)}; {@code order} lists the nodes in
     * the order the request lists their operations.
     */
    record Graph(int n, List<Set<Integer>> refs, List<Integer> order) {

        JsonNode request() {
            ObjectNode request = NODES.objectNode();
            request.putArray("schemas").add(BulkProcessor.BULK_REQUEST_SCHEMA);
            ArrayNode operations = request.putArray("Operations");
            for (int node : order) {
                ObjectNode data = NODES.objectNode();
                data.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
                data.put("displayName", "group " + node);
                ArrayNode members = data.putArray("members");
                ArrayNode elsewhere = data.putObject("urn:example:params:scim:schemas:extension:2.0:Group")
                        .putArray("related");
                for (int target : refs.get(node)) {
                    members.addObject().put("value", "bulkId:b" + target);
                    elsewhere.add("bulkId:b" + target);
                }
                operations.addObject()
                        .put("method", "POST")
                        .put("path", "/Groups")
                        .put("bulkId", "b" + node)
                        .set("data", data);
            }
            return request;
        }

        /** Whether a chain of one or more references leads from the node back to it. */
        boolean onCycle(int node) {
            return reachable(node).contains(node);
        }

        /** Whether the node is on a cycle or a chain of references leads from it to one. */
        boolean onOrBehindCycle(int node) {
            if (onCycle(node)) {
                return true;
            }
            for (int other : reachable(node)) {
                if (onCycle(other)) {
                    return true;
                }
            }
            return false;
        }

        /** The nodes one or more references away. */
        Set<Integer> reachable(int from) {
            Set<Integer> seen = new HashSet<>();
            Deque<Integer> pending = new ArrayDeque<>(refs.get(from));
            while (!pending.isEmpty()) {
                int node = pending.pop();
                if (seen.add(node)) {
                    pending.addAll(refs.get(node));
                }
            }
            return seen;
        }
    }

    @Property(tries = 300)
    void withoutCyclesEveryPostSucceedsAndEveryReferenceBecomesItsTargetsId(@ForAll("acyclic") Graph graph) {
        FakeScimService service = new FakeScimService();

        ObjectNode response = PROCESSOR.process(graph.request(), 1000, service);

        List<JsonNode> results = BulkProcessorTest.operations(response);
        assertThat(results).extracting(op -> op.get("bulkId").textValue())
                .containsExactlyElementsOf(graph.order().stream().map(node -> "b" + node).toList());
        assertThat(results).extracting(op -> op.get("status").textValue()).containsOnly("201");
        Map<Integer, String> ids = new HashMap<>();
        for (JsonNode result : results) {
            String location = result.get("location").textValue();
            ids.put(Integer.parseInt(result.get("bulkId").textValue().substring(1)),
                    location.substring(location.lastIndexOf('/') + 1));
        }
        for (int node = 0; node < graph.n(); node++) {
            ObjectNode stored = service.resource("/Groups/" + ids.get(node));
            List<String> expected = graph.refs().get(node).stream().map(ids::get).toList();
            List<String> members = new ArrayList<>();
            stored.get("members").forEach(member -> members.add(member.get("value").textValue()));
            List<String> related = new ArrayList<>();
            stored.at("/urn:example:params:scim:schemas:extension:2.0:Group/related")
                    .forEach(value -> related.add(value.textValue()));
            assertThat(members).as("members of b%d", node).isEqualTo(expected);
            assertThat(related).as("related of b%d", node).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void exactlyTheOperationsOnOrBehindACycleFail(@ForAll("cyclic") Graph graph) {
        FakeScimService service = new FakeScimService();

        ObjectNode response = PROCESSOR.process(graph.request(), 1000, service);

        List<JsonNode> results = BulkProcessorTest.operations(response);
        assertThat(results).hasSize(graph.n());
        Set<String> created = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            int node = graph.order().get(i);
            JsonNode result = results.get(i);
            assertThat(result.get("bulkId").textValue()).isEqualTo("b" + node);
            if (graph.onCycle(node)) {
                assertThat(result.get("status").textValue()).as("b%d on a cycle", node).isEqualTo("409");
                assertThat(BulkProcessorTest.detail(result)).startsWith("The bulkId references of this request"
                        + " form a cycle (b" + node + " -> ");
            } else if (graph.onOrBehindCycle(node)) {
                assertThat(result.get("status").textValue()).as("b%d behind a cycle", node).isEqualTo("409");
                assertThat(BulkProcessorTest.detail(result)).startsWith("This operation refers to bulkId 'b");
            } else {
                assertThat(result.get("status").textValue()).as("b%d clear of cycles", node).isEqualTo("201");
                created.add("group " + node);
            }
        }
        assertThat(service.calls()).extracting(call -> call.data().get("displayName").textValue())
                .containsExactlyInAnyOrderElementsOf(created);
    }

    /**
     * Batching changes nothing a client sees: with batches of any length, batches the executor runs again or that
     * fail as a whole, refused operations and any {@code failOnErrors}, the response and what is stored are those
     * of a run without batches.
     */
    @Property(tries = 300)
    void batchedRunsAnswerAsUnbatchedOnes(@ForAll("anyGraph") Graph graph,
            @ForAll @IntRange(min = 1, max = 5) int batchLength,
            @ForAll @Size(max = 6) List<TransactionalService.End> ends,
            @ForAll @Size(max = 4) Set<@IntRange(min = 0, max = 11) Integer> refusedNodes,
            @ForAll @IntRange(min = 1, max = 13) int failOnErrors) {
        ObjectNode request = (ObjectNode) graph.request();
        request.put("failOnErrors", failOnErrors);
        Set<String> refused = new HashSet<>();
        refusedNodes.forEach(node -> refused.add("group " + node));
        TransactionalService plain = new TransactionalService(false, false, refused);
        TransactionalService batched = new TransactionalService(true, false, refused)
                .then(ends.toArray(TransactionalService.End[]::new));

        ObjectNode expected = PROCESSOR.process(request, 1000, plain);
        ObjectNode actual = new BulkProcessor(1000, 1_000_000, batchLength, () -> batched.now)
                .process(request, 1000, batched);

        assertThat(actual).isEqualTo(expected);
        assertThat(batched.committed()).isEqualTo(plain.committed());
    }

    @Provide
    Arbitrary<Graph> anyGraph() {
        return Arbitraries.oneOf(acyclic(), cyclic());
    }

    @Provide
    Arbitrary<Graph> acyclic() {
        // Node i refers only to nodes below it, so no chain of references comes back.
        return Arbitraries.integers().between(1, 12).flatMap(n -> Combinators.combine(
                        edgeBits(n), Arbitraries.shuffle(IntStream.range(0, n).boxed().toList()))
                .as((bits, order) -> {
                    List<Set<Integer>> refs = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        Set<Integer> targets = new LinkedHashSet<>();
                        for (int j = 0; j < i; j++) {
                            if (bits.get(i * n + j)) {
                                targets.add(j);
                            }
                        }
                        refs.add(targets);
                    }
                    return new Graph(n, refs, order);
                }));
    }

    @Provide
    Arbitrary<Graph> cyclic() {
        // Random references in any direction, plus one cycle through the first k nodes of a random permutation.
        return Arbitraries.integers().between(1, 12).flatMap(n -> Combinators.combine(
                        edgeBits(n),
                        Arbitraries.shuffle(IntStream.range(0, n).boxed().toList()),
                        Arbitraries.shuffle(IntStream.range(0, n).boxed().toList()),
                        Arbitraries.integers().between(1, n))
                .as((bits, order, cycleOrder, k) -> {
                    List<Set<Integer>> refs = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        Set<Integer> targets = new LinkedHashSet<>();
                        for (int j = 0; j < n; j++) {
                            if (bits.get(i * n + j)) {
                                targets.add(j);
                            }
                        }
                        refs.add(targets);
                    }
                    for (int i = 0; i < k; i++) {
                        refs.get(cycleOrder.get(i)).add(cycleOrder.get((i + 1) % k));
                    }
                    return new Graph(n, refs, order);
                }));
    }

    /** One bit per ordered pair of nodes, mostly false so that graphs stay sparse enough to be interesting. */
    private static Arbitrary<List<Boolean>> edgeBits(int n) {
        return Arbitraries.integers().between(0, 5).map(x -> x == 0).list().ofSize(n * n);
    }
}
