package org.scimengine.store.memory.internal;

import java.util.ArrayDeque;
import java.util.Map;

/**
 * The undo log of one tenant. Every write runs inside a level ({@link #begin}); a failed level puts back what it
 * changed, so a failed call changes nothing and a failed unit of work changes nothing either. Stored values are
 * never changed in place (they are replaced by changed copies), so remembering the old reference is enough.
 * Used only under the tenant's write lock.
 */
final class Journal {

    private final ArrayDeque<Runnable> undo = new ArrayDeque<>();
    private final ArrayDeque<Integer> marks = new ArrayDeque<>();

    void begin() {
        marks.push(undo.size());
    }

    void commit() {
        marks.pop();
        if (marks.isEmpty()) {
            undo.clear();
        }
    }

    void rollback() {
        int mark = marks.pop();
        while (undo.size() > mark) {
            undo.pop().run();
        }
    }

    /** Sets {@code map[key]} to {@code value}, or removes it when null, remembering the old value. */
    <K, V> void put(Map<K, V> map, K key, V value) {
        remember(map, key);
        map.put(key, value);
    }

    <K, V> void remove(Map<K, V> map, K key) {
        remember(map, key);
        map.remove(key);
    }

    private <K, V> void remember(Map<K, V> map, K key) {
        if (marks.isEmpty()) {
            throw new IllegalStateException("a write outside a journal level could not be undone");
        }
        V old = map.get(key);
        undo.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
    }
}
