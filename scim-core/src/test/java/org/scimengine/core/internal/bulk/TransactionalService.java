package org.scimengine.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;

/**
 * An executor of POSTs whose batches are transactions, as a database makes them: what a batch wrote becomes
 * visible to the next batch only if it commits. A script says what each batch does at its end: commit, be undone
 * and run again (a lost conflict), or be undone and fail (a failed commit). Ids come from a counter that an undo
 * either rewinds (so that a batched run gives the ids an unbatched one gives) or leaves (as a database sequence
 * does). POSTs of a resource named in {@code refused} fail with 409; every POST advances {@link #now} by one.
 */
final class TransactionalService implements BulkExecutor {

    /** What a batch does when its operations have run. */
    enum End { COMMIT, RUN_AGAIN, FAIL }

    private final boolean batches;
    private final boolean idsSurviveUndo;
    private final Set<String> refused;
    private final Deque<End> script = new ArrayDeque<>();
    private final List<Integer> batchOfCall = new ArrayList<>();
    private Map<String, JsonNode> committed = new LinkedHashMap<>();
    private @Nullable Map<String, JsonNode> open;
    private int counter;
    private int batchesStarted;
    private int currentBatch;
    long now;

    TransactionalService(boolean batches, boolean idsSurviveUndo, Set<String> refused) {
        this.batches = batches;
        this.idsSurviveUndo = idsSurviveUndo;
        this.refused = Set.copyOf(refused);
    }

    /** Appends to what the coming batches do; batches beyond the script commit. */
    TransactionalService then(End... ends) {
        script.addAll(List.of(ends));
        return this;
    }

    /** What is committed: path to the resource as posted, references replaced. */
    Map<String, JsonNode> committed() {
        return Map.copyOf(committed);
    }

    /** For each call, in order, the number of the batch run it came in (from 1), or 0 outside any batch. */
    List<Integer> batchOfCall() {
        return List.copyOf(batchOfCall);
    }

    int batchesStarted() {
        return batchesStarted;
    }

    @Override
    public BulkResult execute(String method, String path, @Nullable String version, @Nullable JsonNode data) {
        now++;
        batchOfCall.add(currentBatch);
        if (!method.equals("POST") || data == null) {
            throw new ScimException(501, null, "only POST");
        }
        String name = data.path("displayName").asText(data.path("userName").asText());
        if (refused.contains(name)) {
            throw new ScimException(409, null, name + " is refused");
        }
        String id = "id" + (++counter);
        Map<String, JsonNode> target = open != null ? open : committed;
        target.put(path + "/" + id, data.deepCopy());
        return new BulkResult(201, id, FakeScimService.BASE + path + "/" + id, null);
    }

    @Override
    public String location(String path) {
        return FakeScimService.BASE + path;
    }

    @Override
    public <T> T inBatch(Supplier<T> batch) {
        if (!batches) {
            return batch.get();
        }
        End end = script.isEmpty() ? End.COMMIT : script.poll();
        int counterBefore = counter;
        try {
            T result = attempt(batch);
            if (end == End.RUN_AGAIN) {
                undo(counterBefore);
                result = attempt(batch);
            } else if (end == End.FAIL) {
                undo(counterBefore);
                throw new IllegalStateException("the commit failed");
            }
            committed = open;
            return result;
        } finally {
            open = null;
            currentBatch = 0;
        }
    }

    private <T> T attempt(Supplier<T> batch) {
        open = new LinkedHashMap<>(committed);
        currentBatch = ++batchesStarted;
        return batch.get();
    }

    private void undo(int counterBefore) {
        open = null;
        if (!idsSurviveUndo) {
            counter = counterBefore;
        }
    }

    /** The values of the members of a stored group. */
    static List<String> members(JsonNode group) {
        List<String> values = new ArrayList<>();
        JsonNode members = group.path("members");
        if (members instanceof ArrayNode array) {
            array.forEach(member -> values.add(member.path("value").asText()));
        }
        return values;
    }
}
