package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a BulkRequest (RFC 7644 §3.7) through a {@link BulkExecutor} and answers the BulkResponse. Immutable and
 * safe to share between threads; each call keeps its state to itself.
 *
 * <p>The choices the RFC leaves open:
 * <ul>
 *   <li>The limits are checked before anything runs: a body larger than {@code maxPayloadSize} bytes, or more
 *       than {@code maxOperations} operations, is refused whole with a 413 whose detail gives the limit.</li>
 *   <li>A request the server cannot read reliably (no BulkRequest schema, no {@code Operations}, an operation
 *       with no or an unknown method, no path, a POST without bulkId, a POST/PUT/PATCH without data, two
 *       operations with one bulkId, a {@code failOnErrors} that is not a positive integer) is refused whole with
 *       {@code 400 invalidSyntax} naming the operation's index; nothing runs.</li>
 *   <li>An operation runs after every POST whose bulkId it refers to, and otherwise in request order.</li>
 *   <li>Circular references are not resolved (§3.7.1 allows this): every operation on a cycle fails with 409 and
 *       a detail that spells out the cycle.</li>
 *   <li>A reference to a bulkId that no POST of the request carries fails that operation with
 *       {@code 400 invalidValue}. A reference to a POST that failed fails the operation with 409 (no scimType):
 *       the operation itself may be right, but what it refers to does not exist.</li>
 *   <li>Operations that fail before they run count towards {@code failOnErrors} like any other failure, and so
 *       do unexpected executor failures, which are logged and reported as a 500 for that operation only.</li>
 *   <li>The response lists the operations that were processed, in request order (as the RFC's examples do), not
 *       in the order they ran; operations left unprocessed by {@code failOnErrors} are left out.</li>
 * </ul>
 *
 * <p>Operations run in batches ({@link BulkExecutor#inBatch}): a batch takes ready operations until it has run
 * for {@value #BATCH_MILLIS} ms, so an executor that makes a batch one transaction commits a few times per
 * request instead of once per operation, and holds its database's write lock no longer than that at a time. What
 * the request's operations produced is recorded only once their batch has returned: a batch that the executor
 * runs again (after a conflict) starts from the state before it, and a batch that fails as a whole leaves that
 * state as it was, after which the rest of the request runs one operation at a time.
 */
public final class BulkProcessor {

    /** The schema URN that identifies a bulk request. */
    public static final String BULK_REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    /** The schema URN that identifies a bulk response. */
    public static final String BULK_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    private static final Logger LOG = LoggerFactory.getLogger(BulkProcessor.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * How long one batch goes on taking operations. Each commit writes out every index page its batch touched, and
     * on SQLite waits for the disk: with 50 ms batches (about 25 users each on a 1,000,000-user file) the commits
     * and that rewriting took a third of a Bulk load, and Bulk reached 30-38 % of a bare one-transaction insert;
     * with 250 ms, 48-56 % (BENCHMARKS.md). The price: a write of another client may wait that long behind a batch.
     */
    static final long BATCH_MILLIS = 250;

    private final int maxOperations;
    private final long maxPayloadSize;
    private final long batchNanos;
    private final LongSupplier nanoTime;

    /**
     * @param maxOperations the most operations one request may hold, at least 1
     * @param maxPayloadSize the largest request body accepted, in bytes, at least 1
     * @throws IllegalArgumentException if a limit is below 1
     */
    public BulkProcessor(int maxOperations, long maxPayloadSize) {
        this(maxOperations, maxPayloadSize, TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS), System::nanoTime);
    }

    /** With a batch length and a clock of its own, so that tests decide where batches end. */
    BulkProcessor(int maxOperations, long maxPayloadSize, long batchNanos, LongSupplier nanoTime) {
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be at least 1, not " + maxOperations);
        }
        if (maxPayloadSize < 1) {
            throw new IllegalArgumentException("maxPayloadSize must be at least 1 byte, not " + maxPayloadSize);
        }
        this.maxOperations = maxOperations;
        this.maxPayloadSize = maxPayloadSize;
        this.batchNanos = batchNanos;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Runs the request's operations and reports each.
     *
     * @param bulkRequest the parsed request body
     * @param payloadSize the request body's size in bytes, as received
     * @param executor runs each operation
     * @return the BulkResponse message
     * @throws ScimException 413 if the body or the number of operations exceeds a limit, or
     *     {@code 400 invalidSyntax} if the request is malformed; nothing has run then
     */
    public ObjectNode process(JsonNode bulkRequest, long payloadSize, BulkExecutor executor) {
        Objects.requireNonNull(bulkRequest, "bulkRequest");
        Objects.requireNonNull(executor, "executor");
        if (payloadSize > maxPayloadSize) {
            throw new ScimException(413, null, "The bulk request body is " + payloadSize
                    + " bytes, more than the maxPayloadSize of " + maxPayloadSize
                    + " bytes this service provider accepts; split it into smaller requests.");
        }
        BulkRequestReader.Request request = BulkRequestReader.read(bulkRequest, maxOperations);
        Outcome[] outcomes = new Run(request.operations(), executor).run(request.failOnErrors());
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(BULK_RESPONSE_SCHEMA);
        ArrayNode operations = response.putArray("Operations");
        for (int i = 0; i < outcomes.length; i++) {
            Outcome outcome = outcomes[i];
            if (outcome != null) {
                operations.add(outcome.toJson(request.operations().get(i)));
            }
        }
        return response;
    }

    /** What became of one operation. */
    private record Outcome(int status, @Nullable String location, @Nullable String version,
            @Nullable ObjectNode error) {

        static Outcome of(BulkResult result) {
            return new Outcome(result.status(), result.location(), result.version(), null);
        }

        static Outcome of(ScimException failure, @Nullable String location) {
            return new Outcome(failure.status(), location, null, failure.toErrorResponse());
        }

        boolean failed() {
            return error != null;
        }

        ObjectNode toJson(BulkOperation operation) {
            ObjectNode json = NODES.objectNode();
            if (location != null) {
                json.put("location", location);
            }
            json.put("method", operation.method());
            if (operation.bulkId() != null) {
                json.put("bulkId", operation.bulkId());
            }
            if (version != null) {
                json.put("version", version);
            }
            json.put("status", Integer.toString(status));
            if (error != null) {
                json.set("response", error);
            }
            return json;
        }
    }

    /** One call: which operation refers to which, and in what order they may run. */
    private final class Run {

        private final List<BulkOperation> operations;
        private final BulkExecutor executor;
        private final Map<String, BulkOperation> byBulkId = new HashMap<>();
        private final List<Set<String>> references = new ArrayList<>();
        private final DependencyGraph graph;
        private final List<List<Integer>> dependents;

        Run(List<BulkOperation> operations, BulkExecutor executor) {
            this.operations = operations;
            this.executor = executor;
            for (BulkOperation operation : operations) {
                if (operation.bulkId() != null) {
                    byBulkId.put(operation.bulkId(), operation);
                }
            }
            int n = operations.size();
            int[][] successors = new int[n][];
            for (BulkOperation operation : operations) {
                Set<String> referred = BulkIdReferences.of(operation);
                references.add(referred);
                successors[operation.index()] = referred.stream()
                        .map(byBulkId::get)
                        .filter(target -> target != null && target.isPost())
                        .mapToInt(BulkOperation::index)
                        .toArray();
            }
            this.graph = new DependencyGraph(successors);
            this.dependents = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dependents.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                if (!graph.onCycle(i)) {
                    for (int target : graph.successors(i)) {
                        dependents.get(target).add(i);
                    }
                }
            }
        }

        /**
         * Processes ready operations, lowest index first, until all are done or {@code failOnErrors} failures
         * have happened, batch by batch. An operation on a cycle is ready at once (it fails without waiting); any
         * other is ready once every POST it refers to has been processed.
         */
        Outcome[] run(long failOnErrors) {
            Progress progress = new Progress();
            boolean batching = true;
            while (progress.goesOn(failOnErrors)) {
                if (!batching) {
                    progress.step();
                    continue;
                }
                Progress before = progress;
                try {
                    progress = Objects.requireNonNull(executor.inBatch(() -> before.copy().batch(failOnErrors)),
                            "the batch's progress");
                } catch (RuntimeException e) {
                    // Nothing of the batch was kept; its operations run again, each on its own.
                    LOG.warn("A batch of Bulk operations failed as a whole (from operation {} on); running the"
                            + " rest of the request one operation at a time", before.ready.peek(), e);
                    batching = false;
                }
            }
            return progress.outcomes;
        }

        /** What has run so far, and what may run next. */
        private final class Progress {
            private final Outcome[] outcomes;
            private final int[] waitingFor;
            private final PriorityQueue<Integer> ready;
            private final Map<String, String> createdIds;
            private long failures;

            Progress() {
                int n = operations.size();
                this.outcomes = new Outcome[n];
                this.waitingFor = new int[n];
                this.ready = new PriorityQueue<>();
                this.createdIds = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    for (int dependent : dependents.get(i)) {
                        waitingFor[dependent]++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (waitingFor[i] == 0) {
                        ready.add(i);
                    }
                }
            }

            private Progress(Progress from) {
                this.outcomes = from.outcomes.clone();
                this.waitingFor = from.waitingFor.clone();
                this.ready = new PriorityQueue<>(from.ready);
                this.createdIds = new HashMap<>(from.createdIds);
                this.failures = from.failures;
            }

            Progress copy() {
                return new Progress(this);
            }

            boolean goesOn(long failOnErrors) {
                return !ready.isEmpty() && failures < failOnErrors;
            }

            /** Runs one operation, then more until the batch's time is up. */
            Progress batch(long failOnErrors) {
                long start = nanoTime.getAsLong();
                do {
                    step();
                } while (goesOn(failOnErrors) && nanoTime.getAsLong() - start < batchNanos);
                return this;
            }

            /** Processes the next ready operation. */
            void step() {
                int next = ready.poll();
                Outcome outcome = process(operations.get(next));
                outcomes[next] = outcome;
                if (outcome.failed()) {
                    failures++;
                }
                for (int dependent : dependents.get(next)) {
                    if (--waitingFor[dependent] == 0) {
                        ready.add(dependent);
                    }
                }
            }

            private Outcome process(BulkOperation operation) {
                if (graph.onCycle(operation.index())) {
                    return failed(operation, new ScimException(409, null, cycleDetail(operation)));
                }
                for (String bulkId : references.get(operation.index())) {
                    ScimException unresolved = unresolved(bulkId);
                    if (unresolved != null) {
                        return failed(operation, unresolved);
                    }
                }
                String path = BulkIdReferences.replaceInPath(operation.path(), createdIds);
                JsonNode data = operation.data();
                if (data != null && !references.get(operation.index()).isEmpty()) {
                    data = BulkIdReferences.replaceInData(data, createdIds);
                }
                BulkResult result;
                try {
                    result = Objects.requireNonNull(
                            executor.execute(operation.method(), path, operation.version(), data), "BulkResult");
                } catch (ScimException e) {
                    return Outcome.of(e, operation.isPost() ? null : executor.location(path));
                } catch (RuntimeException e) {
                    // Log the failure for the operator, never the data, which may hold a password.
                    LOG.error("Bulk operation {} ({} {}) failed unexpectedly; reporting a 500 for it",
                            operation.index(), operation.method(), path, e);
                    return Outcome.of(new ScimException(500, null, "The service provider failed unexpectedly while"
                            + " processing this operation. The other operations are not affected; retry this one"
                            + " later, or report the failure to the service provider's operator."),
                            operation.isPost() ? null : executor.location(path));
                }
                if (operation.isPost()) {
                    if (result.id() != null) {
                        createdIds.put(Objects.requireNonNull(operation.bulkId()), result.id());
                    } else {
                        LOG.warn("Bulk operation {} (POST {}) reported no id; references to its bulkId will fail",
                                operation.index(), path);
                    }
                }
                return Outcome.of(result);
            }

            /** Why a reference cannot be replaced by an id yet, or null when it can. */
            private @Nullable ScimException unresolved(String bulkId) {
                BulkOperation target = byBulkId.get(bulkId);
                if (target == null) {
                    return BadRequestException.invalidValue("No operation in this bulk request has bulkId '"
                            + bulkId + "', so 'bulkId:" + bulkId + "' stands for no resource; give the POST that"
                            + " creates it that bulkId, or use the resource's id.");
                }
                if (!target.isPost()) {
                    return BadRequestException.invalidValue("bulkId '" + bulkId + "' belongs to a " + target.method()
                            + ", which creates no resource, so 'bulkId:" + bulkId + "' stands for none; only a"
                            + " POST's bulkId can be referred to.");
                }
                Outcome outcome = outcomes[target.index()];
                if (outcome != null && outcome.failed()) {
                    return new ScimException(409, null, "This operation refers to bulkId '" + bulkId + "', but the"
                            + " POST with that bulkId (Operations[" + target.index() + "]) failed with status "
                            + outcome.status() + ", so this operation was not run; fix that POST and send both"
                            + " again.");
                }
                if (!createdIds.containsKey(bulkId)) {
                    return new ScimException(500, null, "The service provider created the resource for bulkId '"
                            + bulkId + "' but did not report its id, so this operation cannot refer to it; report"
                            + " this to the service provider's operator.");
                }
                return null;
            }

            private String cycleDetail(BulkOperation operation) {
                StringJoiner cycle = new StringJoiner(" -> ");
                for (int node : graph.shortestCycle(operation.index())) {
                    cycle.add(Objects.requireNonNull(operations.get(node).bulkId()));
                }
                return "The bulkId references of this request form a cycle (" + cycle + "), which this service"
                        + " provider does not resolve; create these resources without the references first, then add"
                        + " the references with PATCH operations.";
            }

            /** A failure found before the operation ran. */
            private Outcome failed(BulkOperation operation, ScimException failure) {
                boolean located = !operation.isPost() && BulkIdReferences.resolvable(operation.path(), createdIds);
                return Outcome.of(failure, located
                        ? executor.location(BulkIdReferences.replaceInPath(operation.path(), createdIds)) : null);
            }
        }
    }
}
